import { parse } from 'csv-parse/sync';
import type { ActionPlan, ActionUpdate } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import type { Store } from '../../src/store/port';
import { startAppOnStore, type AppOnStore } from '../support/app-on-store';
import type { TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const DAY = 86_400_000;

/** A decision with no plan yet, for starting one. */
async function seed(store: Store): Promise<void> {
  const now = new Date();
  await seedDemoCouncil(store, now);
  const at = now.toISOString();
  const on = new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10);
  await store.decisions.create({
    id: 'decision-parking', committeeId: DEMO_IDS.cabinet, title: 'Parking Charges Review', decisionMaker: 'Cabinet', type: 'key', subjectToCallIn: true, urgent: false,
    outcomes: [{ number: 1, verb: 'APPROVED', text: 'the new parking charges', status: 'effective', statusSince: at }],
    reasons: [], alternatives: [], minutes: [], discussionPoints: [], documents: [], exempt: false, history: [], decidedOn: on, publishedOn: on, createdAt: at, updatedAt: at,
  });
}

type PlanBody = ActionPlan & { updates: ActionUpdate[]; removedActionIds: string[]; overdueActionIds: string[] };

describe.each(['embedded', 'cosmos'] as const)('action plans over the officer API (%s store)', (kind) => {
  let running: AppOnStore;
  let app: TestApp;

  beforeEach(async () => {
    running = await startAppOnStore(kind, { OFFICER_API_TOKEN: OFFICER_TOKEN }, seed);
    app = running.app;
  }, 60_000);
  afterEach(() => running?.stop());

  const send = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const problem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as { detail: string; errors?: Array<{ where: string; message: string }>; [k: string]: unknown };
  };
  const due = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  const first = { title: 'Publish the new tariff', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: due(14) };

  it('starts a plan for a decision (201, ETag, Location), reads it back, and refuses a second for the same decision (409)', async () => {
    const created = await send('POST', '/api/v1/action-plans', { decisionId: 'decision-parking', title: 'Parking Charges action plan', actions: [first] });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as ActionPlan;
    expect(plan).toMatchObject({ committeeId: DEMO_IDS.cabinet, decisionId: 'decision-parking', actions: [{ id: 'act-1', ...first, rag: 'on-track', percentComplete: 0 }] });
    expect(created.headers.get('location')).toBe(`/api/v1/action-plans/${plan.id}`);
    const read = await send('GET', `/api/v1/action-plans/${plan.id}`);
    expect(read.headers.get('etag')).toBe(created.headers.get('etag'));
    expect(await read.json()).toEqual({ ...plan, updates: [], removedActionIds: [], overdueActionIds: [] });
    const again = await problem(await send('POST', '/api/v1/action-plans', { decisionId: 'decision-parking', title: 'Again' }), 409);
    expect(again.detail).toBe(`Decision decision-parking already has action plan ${plan.id}: change it with PUT /api/v1/action-plans/${plan.id}.`);
  });

  it('refuses what the Teams card refuses: an owner not on the roster, a due date that is not a day, done at less than 100, a percent over 100 (422, nothing stored)', async () => {
    const res = await problem(await send('POST', '/api/v1/action-plans', {
      decisionId: 'decision-parking', title: 'Plan',
      actions: [{ ...first, dueOn: '2027-02-30' }, { ...first, rag: 'done', percentComplete: 90 }, { ...first, percentComplete: 101 }, { ...first, dueOn: '2027-13-01' }],
    }), 422);
    expect(res.errors).toEqual(expect.arrayContaining([
      { where: 'actions.0.dueOn', message: 'must be a real date' },
      { where: 'actions.1.percentComplete', message: 'a done action is 100 percent complete' },
      { where: 'actions.2.percentComplete', message: 'Number must be less than or equal to 100' },
      { where: 'actions.3.dueOn', message: 'must be a real date' },
    ]));
    const stranger = await problem(await send('POST', '/api/v1/action-plans', { decisionId: 'decision-parking', title: 'Plan', actions: [{ ...first, ownerMemberId: 'nobody' }] }), 422);
    expect(stranger.errors).toEqual([{ where: 'actions.0.ownerMemberId', message: 'nobody is not on the roster' }]);
    await problem(await send('POST', '/api/v1/action-plans', { decisionId: 'decision-none', title: 'Plan' }), 404);
    await problem(await send('POST', '/api/v1/action-plans', 'decisionId=x', { 'content-type': 'text/plain' }), 415);
    // Nothing was stored by any of them: the decision can still be given its plan.
    expect((await send('POST', '/api/v1/action-plans', { decisionId: 'decision-parking', title: 'Plan', actions: [first] })).status).toBe(201);
  });

  it('takes back a plan exactly as GET answered it (the record\'s own fields set aside) and changes nothing but the time', async () => {
    const plan = `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`;
    await send('POST', `${plan}/actions/act-engagement/updates`, { rag: 'at-risk', percentComplete: 40, note: 'Two wards late' });
    const read = await send('GET', plan);
    const asRead = (await read.json()) as PlanBody & { actions: { lastUpdateAt?: string }[] };
    expect(asRead.actions.some((a) => a.lastUpdateAt !== undefined)).toBe(true);
    const back = await send('PUT', plan, asRead, { 'if-match': read.headers.get('etag') ?? '' });
    expect(back.status).toBe(200);
    const after = (await (await send('GET', plan)).json()) as PlanBody;
    const { updatedAt: _before, ...same } = asRead as PlanBody & { updatedAt: string };
    expect(after).toEqual(expect.objectContaining({ ...same, actions: asRead.actions }));
  });

  it('two officers editing from the same ETag: one wins, the other gets 412 and loses nothing; a removed action keeps its history', async () => {
    const plan = `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`;
    const read = await send('GET', plan);
    const etag = read.headers.get('etag') ?? '';
    const current = (await read.json()) as PlanBody;
    const update = await send('POST', `${plan}/actions/act-engagement/updates`, { rag: 'on-track', percentComplete: 60, note: 'Wards 1-4 done' }, { 'if-match': etag });
    expect(update.status).toBe(201);
    const afterUpdate = update.headers.get('etag') ?? '';

    // Officer A removes act-engagement and adds an action; officer B, from the same ETag, renames the plan.
    const keep = current.actions.filter((a) => a.id !== 'act-engagement').map(({ id, title, ownerMemberId, dueOn }) => ({ id, title, ownerMemberId, dueOn }));
    const editA = { title: current.title, actions: [...keep, { title: 'Annual report to Scrutiny', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: due(200) }] };
    const a = await send('PUT', plan, editA, { 'if-match': afterUpdate });
    expect(a.status).toBe(200);
    const b = await problem(await send('PUT', plan, { title: 'Renamed by B', actions: keep }, { 'if-match': afterUpdate }), 412);
    expect(b.detail).toBe(`action plan ${DEMO_IDS.cspActionPlan} was changed by someone else; reload it and try again`);

    const now = (await (await send('GET', plan)).json()) as PlanBody;
    expect(now.title).toBe(current.title);
    expect(now.actions.map((x) => x.id)).toEqual(['act-domestic-abuse', 'act-scrutiny-report', 'act-4']);
    expect(now.removedActionIds).toEqual(['act-engagement']);
    expect(now.updates.map((u) => [u.actionId, u.percentComplete, u.note])).toEqual([['act-engagement', 60, 'Wards 1-4 done']]);
    // B's edit was refused, not half-applied; B sends it again on the new ETag and it is kept.
    expect((await send('PUT', plan, { title: 'Renamed by B', actions: now.actions.map(({ id, title, ownerMemberId, dueOn }) => ({ id, title, ownerMemberId, dueOn })) }, { 'if-match': a.headers.get('etag') ?? '' })).status).toBe(200);
    await problem(await send('PUT', plan, { title: 'No If-Match', actions: [] }), 422);
  });

  it('records an update as the Teams card does (done means 100), refuses a stale one with the newer state and the caller\'s input (412)', async () => {
    const plan = `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`;
    const etag = (await send('GET', plan)).headers.get('etag') ?? '';
    const done = await send('POST', `${plan}/actions/act-domestic-abuse/updates`, { rag: 'done', percentComplete: 70, note: 'All agencies signed up' }, { 'if-match': etag });
    expect(done.status).toBe(201);
    const body = (await done.json()) as ActionPlan & { updates: ActionUpdate[] };
    expect(body.actions.find((x) => x.id === 'act-domestic-abuse')).toMatchObject({ rag: 'done', percentComplete: 100 });
    expect(body.updates.map((u) => [u.rag, u.percentComplete])).toEqual([['done', 100]]);

    const mine = { rag: 'at-risk', percentComplete: 30, note: 'Slipping' };
    const stale = await problem(await send('POST', `${plan}/actions/act-engagement/updates`, mine, { 'if-match': etag }), 412);
    expect(stale.yours).toEqual(mine);
    expect((stale.current as ActionPlan).actions.find((x) => x.id === 'act-domestic-abuse')?.rag).toBe('done');
    expect(stale.currentEtag).toBe(done.headers.get('etag'));

    const tooLong = await problem(await send('POST', `${plan}/actions/act-engagement/updates`, { ...mine, note: 'x'.repeat(2001) }), 422);
    expect(tooLong.errors?.[0]?.where).toBe('note');
    await problem(await send('POST', `${plan}/actions/act-none/updates`, mine), 404);
    await problem(await send('POST', '/api/v1/action-plans/plan-none/actions/act-1/updates', mine), 404);
  });

  it('gives the Scrutiny report of the demo council\'s plan as a printable page and as CSV, overdue actions first, each with its history', async () => {
    const plan = `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`;
    const note = '=HYPERLINK("http://evil.example") <script>alert(1)</script>';
    expect((await send('POST', `${plan}/actions/act-scrutiny-report/updates`, { rag: 'at-risk', percentComplete: 10, note })).status).toBe(201);
    expect((await send('POST', `${plan}/actions/act-scrutiny-report/updates`, { rag: 'on-track', percentComplete: 25, note: 'Back on track' })).status).toBe(201);

    const html = await send('GET', `${plan}/report`, undefined, { accept: 'text/html' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await html.text();
    expect(page).toContain('<h1>Community Safety Action Plan</h1>');
    // The summary: act-engagement at risk and overdue (due three days ago), the other two on track.
    expect(page).toContain('<tr><td>2</td><td>1</td><td>0</td><td>0</td><td>1</td><td>3</td></tr>');
    const order = ['Run a community engagement programme in each ward', 'Extend the Perpetrator Programme to all partner agencies', 'Report progress to Scrutiny Committee'].map((t) => page.indexOf(`<h2>${t}</h2>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.indexOf('=HYPERLINK')).toBeLessThan(page.indexOf('Back on track'));

    const csv = await send('GET', `${plan}/report`, undefined, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer()), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Action', 'Owner', 'Due', 'Overdue', 'RAG now', 'Percent now', 'Update at (London)', 'Update by', 'Update RAG', 'Update percent', 'Note']);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[8], r[9], r[10]])).toEqual([
      ['Run a community engagement programme in each ward', 'yes', 'At risk', '40', '', '', ''],
      ['Extend the Perpetrator Programme to all partner agencies', 'no', 'On track', '20', '', '', ''],
      ['Report progress to Scrutiny Committee', 'no', 'On track', '25', 'At risk', '10', `'${note}`],
      ['Report progress to Scrutiny Committee', 'no', 'On track', '25', 'On track', '25', 'Back on track'],
    ]);

    const json = (await (await send('GET', `${plan}/report`, undefined, { accept: 'application/json' })).json()) as { summary: Record<string, number> };
    expect(json.summary).toEqual({ 'on-track': 2, 'at-risk': 1, 'off-track': 0, done: 0, overdue: 1, total: 3 });
    await problem(await send('GET', '/api/v1/action-plans/plan-none/report'), 404);
  });

  it('gives a committee\'s plans in one report, with the updates made within the period', async () => {
    const plan = `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`;
    expect((await send('POST', `${plan}/actions/act-engagement/updates`, { rag: 'off-track', percentComplete: 45, note: 'Venue lost' })).status).toBe(201);
    expect((await send('POST', '/api/v1/action-plans', { decisionId: 'decision-parking', title: 'Parking plan', actions: [first] })).status).toBe(201);

    const all = (await (await send('GET', `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report`, undefined, { accept: 'application/json' })).json()) as {
      summary: Record<string, number>; plans: Array<{ plan: { title: string }; actions: Array<{ id: string; history: unknown[] }> }>;
    };
    expect(all.plans.map((p) => p.plan.title).sort()).toEqual(['Community Safety Action Plan', 'Parking plan']);
    expect(all.summary).toEqual({ 'on-track': 3, 'at-risk': 0, 'off-track': 1, done: 0, overdue: 1, total: 4 });
    const engagement = (p: typeof all) => p.plans.flatMap((x) => x.actions).find((a) => a.id === 'act-engagement');
    expect(engagement(all)?.history).toHaveLength(1);

    const tomorrow = new Date(Date.now() + DAY).toISOString();
    const later = (await (await send('GET', `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report?from=${tomorrow}`, undefined, { accept: 'application/json' })).json()) as typeof all;
    expect(engagement(later)?.history).toEqual([]);

    const csv = await send('GET', `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report`, undefined, { accept: 'text/csv' });
    const rows = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer()), { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 2)).toEqual(['Action plan', 'Action']);
    expect(rows).toHaveLength(1 + 4);
    const html = await (await send('GET', `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report`)).text();
    expect(html).toContain('<h1>Cabinet: action plans</h1>');
    await problem(await send('GET', '/api/v1/committees/planning/action-plans/report'), 404);
    await problem(await send('GET', `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report?from=last-year`), 400);
  });
});
