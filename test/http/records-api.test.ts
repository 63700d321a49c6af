import { isBankHoliday } from '../../src/domain';
import type { Decision, Meeting } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { createCosmosStore } from '../../src/store/cosmos';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { startAppOnStore, type AppOnStore } from '../support/app-on-store';
import type { TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const PLANNING_MEETINGS = 1000;
const DAY = 86_400_000;

/** A thousand meetings of a committee of their own, a day apart from 2030-01-01, to page through. */
const planningMeeting = (n: number): Meeting => ({
  id: `planning-${String(n).padStart(4, '0')}`,
  committeeId: 'planning',
  startsAt: new Date(Date.UTC(2030, 0, 1, 18) + n * DAY).toISOString(),
  venue: 'Council Chamber',
  status: 'scheduled',
});

/** A Cabinet decision published long ago whose outcome was recorded call-in-open: by now its call-in has ended. */
const oldDecision = (now: Date): Decision => {
  const on = new Date(now.getTime() - 60 * DAY).toISOString().slice(0, 10);
  const at = now.toISOString();
  return {
    id: 'decision-old-call-in', committeeId: DEMO_IDS.cabinet, title: 'Parking Charges Review', decisionMaker: 'Cabinet', type: 'key',
    subjectToCallIn: true, urgent: false, outcomes: [{ number: 1, verb: 'APPROVED', text: 'the new parking charges', status: 'call-in-open', statusSince: at }],
    reasons: [], alternatives: [], minutes: [], discussionPoints: [], documents: [], exempt: false, history: [], decidedOn: on, publishedOn: on,
    createdAt: at, updatedAt: at,
  };
};

async function seed(store: Store): Promise<void> {
  const now = new Date();
  await seedDemoCouncil(store, now);
  await store.committees.create({ id: 'planning', name: 'Planning Committee', kind: 'regulatory', callInWorkingDays: 0 });
  for (let start = 0; start < PLANNING_MEETINGS; start += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.meetings.create(planningMeeting(start + i))));
  }
  await store.decisions.create(oldDecision(now));
}

describe.each(['embedded', 'cosmos'] as const)('the records over the officer API (%s store)', (kind) => {
  let running: AppOnStore;
  let app: TestApp;

  beforeAll(async () => {
    running = await startAppOnStore(kind, { OFFICER_API_TOKEN: OFFICER_TOKEN }, seed);
    app = running.app;
  }, 120_000);
  afterAll(() => running?.stop());

  /** A second handle on the app's store, to compare what the API answers with what is stored. */
  const withStore = async <T>(read: (store: Store) => Promise<T>): Promise<T> => {
    const { cosmos } = running;
    const store = cosmos
      ? await createCosmosStore({ endpoint: cosmos.server.endpoint, key: cosmos.server.key, databaseId: cosmos.databaseId })
      : createEmbeddedStore({ dataDir: app.dataDir });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };

  const get = (route: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${route}`, { headers: { authorization: `Bearer ${OFFICER_TOKEN}`, ...headers } });
  const getJson = async <T = Record<string, unknown>>(route: string): Promise<T> => {
    const res = await get(route);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const expectProblem = async (res: Response, status: number, detail: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { status: number; detail: string; requestId: string };
    expect(body.status).toBe(status);
    expect(body.detail).toMatch(detail);
    expect(body.requestId).toEqual(expect.any(String));
  };

  /** Every page of a list, following continuations; fails if the same continuation comes back twice. */
  async function everyPage<T>(route: string, name: string): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    const tokens = new Set<string>();
    let continuation: string | undefined;
    let pages = 0;
    do {
      const sep = route.includes('?') ? '&' : '?';
      const body = await getJson<Record<string, unknown>>(`${route}${continuation ? `${sep}continuation=${encodeURIComponent(continuation)}` : ''}`);
      items.push(...(body[name] as T[]));
      continuation = body.continuation as string | undefined;
      if (continuation !== undefined) {
        expect(tokens.has(continuation)).toBe(false);
        tokens.add(continuation);
      }
      pages++;
    } while (continuation !== undefined && pages < 100);
    return { items, pages };
  }

  describe('GET /api/v1/meetings', () => {
    it('pages through 1,000 meetings of a committee by continuation, soonest first, each exactly once', async () => {
      const { items, pages } = await everyPage<Meeting>('/api/v1/meetings?committeeId=planning&pageSize=200', 'meetings');
      expect(pages).toBe(5);
      expect(items.map((m) => m.id)).toEqual(Array.from({ length: PLANNING_MEETINGS }, (_, n) => planningMeeting(n).id));
      expect(items[0]).toEqual(planningMeeting(0));
    });

    it('lists every committee\'s meetings when none is named, and only those within from (inclusive) and to (exclusive)', async () => {
      const all = await everyPage<Meeting>('/api/v1/meetings?pageSize=200', 'meetings');
      expect(all.items).toHaveLength(PLANNING_MEETINGS + 4);
      expect(all.items.filter((m) => m.committeeId === DEMO_IDS.cabinet).map((m) => m.id)).toEqual([DEMO_IDS.pastCabinet, DEMO_IDS.recentCabinet, DEMO_IDS.nextCabinet]);

      const from = planningMeeting(10).startsAt;
      const to = planningMeeting(13).startsAt;
      const within = await getJson<{ meetings: Meeting[]; continuation?: string }>(`/api/v1/meetings?committeeId=planning&from=${from}&to=${to}`);
      expect(within.meetings.map((m) => m.id)).toEqual([10, 11, 12].map((n) => planningMeeting(n).id));
      expect(within.continuation).toBeUndefined();
      // A day means its start in London: 2030-01-02 (GMT) begins at midnight UTC, after meeting 0's evening.
      const byDay = await getJson<{ meetings: Meeting[] }>('/api/v1/meetings?committeeId=planning&from=2030-01-02&to=2030-01-04');
      expect(byDay.meetings.map((m) => m.id)).toEqual([1, 2].map((n) => planningMeeting(n).id));
    });

    it.each([
      ['a page size over 200', 'pageSize=201', /pageSize/],
      ['a page size that is not a number', 'pageSize=ten', /pageSize/],
      ['a from that is not a date', 'from=yesterday', /from/],
      ['a committee id with a slash', 'committeeId=a%2Fb', /committeeId/],
      ['an unknown parameter', 'committee=cabinet', /unknown parameter\(s\): committee/],
    ])('refuses %s with a 400 problem naming it', async (_what, query, detail) => {
      await expectProblem(await get(`/api/v1/meetings?${query}`), 400, detail);
    });
  });

  describe('GET /api/v1/meetings/{id}', () => {
    it('answers the meeting with its agenda in order (exempt items too: officers are entitled) and its ETag', async () => {
      const res = await get(`/api/v1/meetings/${DEMO_IDS.nextCabinet}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Meeting & { items: Array<{ id: string; exempt: boolean }> };
      expect(body).toMatchObject({ id: DEMO_IDS.nextCabinet, committeeId: DEMO_IDS.cabinet, status: 'scheduled', venue: 'Council Chamber, Parkside' });
      expect(body.items.map((i) => i.id)).toEqual(['item-hra-budget-monitoring', 'item-safer-streets', 'item-land-disposal']);
      expect(body.items.find((i) => i.id === 'item-land-disposal')?.exempt).toBe(true);
      const stored = await withStore((s) => s.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.nextCabinet));
      expect(res.headers.get('etag')).toBe(`"${stored?.etag.replace(/^"|"$/g, '')}"`);
    });

    it('gives each item its acknowledgement progress, the counts of the acknowledgement record', async () => {
      const ack = (memberId: string, agendaItemId: string) =>
        ({ agendaItemId, committeeId: DEMO_IDS.cabinet, memberId, acknowledgedAt: new Date().toISOString(), via: { channel: 'api' as const } });
      await withStore(async (s) => {
        await s.acknowledgements.create(ack(DEMO_PEOPLE.leader.id, 'item-hra-budget-monitoring'));
        await s.acknowledgements.create(ack(DEMO_PEOPLE.housing.id, 'item-hra-budget-monitoring'));
        await s.acknowledgements.create(ack(DEMO_PEOPLE.leader.id, 'item-land-disposal'));
        // An officer's acknowledgement is on the record, but officers are not who is expected to read the papers.
        await s.acknowledgements.create(ack(DEMO_PEOPLE.democraticServices.id, 'item-safer-streets'));
      });
      const body = await getJson<{ items: Array<{ id: string; acknowledgements: { expected: number; acknowledged: number; outstanding: number } }> }>(`/api/v1/meetings/${DEMO_IDS.nextCabinet}`);
      expect(body.items.map((i) => [i.id, i.acknowledgements])).toEqual([
        ['item-hra-budget-monitoring', { expected: 2, acknowledged: 2, outstanding: 0 }],
        ['item-safer-streets', { expected: 2, acknowledged: 0, outstanding: 2 }],
        ['item-land-disposal', { expected: 2, acknowledged: 1, outstanding: 1 }],
      ]);
      const record = await getJson<{ items: Array<{ item: { id: string }; outstanding: unknown[] }> }>(`/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements`);
      expect(record.items.map((r) => [r.item.id, r.outstanding.length])).toEqual(body.items.map((i) => [i.id, i.acknowledgements.outstanding]));
    });

    it('answers 404 problem+json for a meeting it does not hold', async () => {
      await expectProblem(await get('/api/v1/meetings/meeting-none'), 404, /Meeting meeting-none was not found/);
    });

    it('answers 401 problem+json without a token', async () => {
      await expectProblem(await fetch(`${app.url}/api/v1/meetings/${DEMO_IDS.nextCabinet}`), 401, /./);
    });
  });

  describe('GET /api/v1/agenda-items/{id}', () => {
    it('answers the item with its meeting, its decision (each outcome\'s status now) and history, with its ETag', async () => {
      const res = await get(`/api/v1/agenda-items/${DEMO_IDS.cspItem}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown> & { decision: { id: string; outcomes: Array<{ number: number; current: { status: string; label: string } }> } };
      expect(body).toMatchObject({ id: DEMO_IDS.cspItem, history: [], meeting: { id: DEMO_IDS.pastCabinet } });
      expect(body.decision.id).toBe(DEMO_IDS.cspDecision);
      // The real 2021 item: Full Council decided its recommendation in July 2021.
      expect(body.decision.outcomes.map((o) => [o.number, o.current.status])).toEqual([[1, 'noted'], [2, 'approved-by-council']]);
      expect(body.decision.outcomes[1]?.current.label).toBe('Approved by Full Council');
      const stored = await withStore((s) => s.agendaItems.get(DEMO_IDS.cabinet, DEMO_IDS.cspItem));
      expect(res.headers.get('etag')).toBe(`"${stored?.etag.replace(/^"|"$/g, '')}"`);
    });

    it('answers the exempt item to an officer, and 404 for an item it does not hold', async () => {
      expect(await getJson('/api/v1/agenda-items/item-land-disposal')).toMatchObject({ exempt: true, exemptReason: expect.any(String) });
      await expectProblem(await get('/api/v1/agenda-items/item-none'), 404, /Agenda item item-none was not found/);
    });
  });

  describe('GET /api/v1/decisions', () => {
    const ids = async (query: string) => (await everyPage<{ id: string }>(`/api/v1/decisions${query}`, 'decisions')).items.map((d) => d.id);

    it('matches a decision when any outcome has the status now: the status moves with time', async () => {
      expect(await ids('?status=awaiting-council')).toEqual([DEMO_IDS.strategyDecision]);
      expect(await ids('?status=noted')).toEqual([DEMO_IDS.cspDecision]);
      expect(await ids('?status=approved-by-council')).toEqual([DEMO_IDS.cspDecision]);
      // Stored call-in-open, but its call-in period ended long ago: effective now. The current one is still open.
      expect(await ids('?status=effective')).toEqual(['decision-old-call-in']);
      expect(await ids('?status=call-in-open')).toEqual([DEMO_IDS.strategyDecision]);
      expect(await ids('?status=effective&committeeId=full-council')).toEqual([]);
    });

    it('lists every decision by id a page at a time, and those decided since a date', async () => {
      expect(await ids('?pageSize=1')).toEqual([DEMO_IDS.cspDecision, DEMO_IDS.strategyDecision, 'decision-old-call-in'].sort());
      const since = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
      expect(await ids(`?since=${since}`)).toEqual([DEMO_IDS.strategyDecision]);
      expect(await ids('?since=2021-06-15')).toEqual([DEMO_IDS.cspDecision, DEMO_IDS.strategyDecision, 'decision-old-call-in'].sort());
    });

    it('takes several statuses, comma-separated, and gives each outcome in call-in its countdown in working days', async () => {
      expect(await ids('?status=call-in-open,noted')).toEqual([DEMO_IDS.cspDecision, DEMO_IDS.strategyDecision].sort());
      expect(await ids('?status=effective,awaiting-council')).toEqual([DEMO_IDS.strategyDecision, 'decision-old-call-in'].sort());
      type Outcome = { number: number; current: { status: string; nextOn?: string }; callIn?: { deadline: string; closesAt: string; workingDaysLeft: number } };
      const [strategy] = (await everyPage<{ id: string; outcomes: Outcome[] }>('/api/v1/decisions?status=call-in-open', 'decisions')).items;
      const inCallIn = strategy!.outcomes.filter((o) => o.current.status === 'call-in-open');
      expect(inCallIn.length).toBeGreaterThan(0);
      for (const o of inCallIn) {
        const callIn = o.callIn!;
        expect(callIn.deadline).toBe(o.current.nextOn);
        const london = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', ...options }).format(new Date(callIn.closesAt));
        expect(london({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).toBe('17:00');
        expect(london({ year: 'numeric', month: '2-digit', day: '2-digit' })).toBe(callIn.deadline);
        // Counted here day by day: Monday to Friday after today (London) up to the deadline, bank holidays left out.
        let expected = 0;
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
        for (let day = new Date(`${today}T00:00:00Z`); ; ) {
          day = new Date(day.getTime() + DAY);
          const iso = day.toISOString().slice(0, 10);
          if (iso > callIn.deadline) break;
          if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !isBankHoliday(iso)) expected += 1;
        }
        expect(callIn.workingDaysLeft).toBe(expected);
      }
      // Outcomes not in call-in have no countdown.
      expect(strategy!.outcomes.filter((o) => o.current.status !== 'call-in-open').every((o) => o.callIn === undefined)).toBe(true);
      await expectProblem(await get('/api/v1/decisions?status=call-in-open,bogus'), 400, /"bogus" is not a status/);
    });

    it('refuses a status that is not one and a since that is not a date', async () => {
      await expectProblem(await get('/api/v1/decisions?status=done'), 400, /status/);
      await expectProblem(await get('/api/v1/decisions?since=01/01/2026'), 400, /since: must be a date written yyyy-mm-dd/);
    });
  });

  describe('GET /api/v1/decisions/{id}', () => {
    it('answers the decision, each outcome with its status now (what, since, what next), and its ETag', async () => {
      const res = await get('/api/v1/decisions/decision-old-call-in');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { outcomes: Array<{ status: string; current: { status: string; label: string; since?: string } }> };
      expect(body.outcomes[0]).toMatchObject({ status: 'call-in-open', current: { status: 'effective', label: 'Effective: may be implemented' } });
      expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
      await expectProblem(await get('/api/v1/decisions/decision-none'), 404, /Decision decision-none was not found/);
    });
  });
});
