import type { AuditEntry } from '../../src/domain';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import type { Store } from '../../src/store/port';
import { startAppOnStore, type AppOnStore } from '../support/app-on-store';
import { TestSigningKeys } from '../support/signing-keys';
import type { TestApp } from '../support/start-test-app';

const ISSUER = 'https://login.microsoftonline.com/tenant/v2.0';
const AUDIENCE = 'api://cabinet-bot';
const ADMIN_OID = 'a0a0a0a0-0000-4000-8000-00000000ad01';
const OFFICER_OID = '0f0f0f0f-0000-4000-8000-0000000000f1';
const SEEDED = 1000;
/** The seeded entries: one a minute from 09:00 UTC on 1 March 2026, long before anything the tests do. */
const SEED_START = Date.UTC(2026, 2, 1, 9);
const SEED_END = SEED_START + SEEDED * 60_000;

const seededEntry = (n: number): AuditEntry => ({
  id: `seed-${String(n).padStart(4, '0')}`,
  at: new Date(SEED_START + n * 60_000).toISOString(),
  actor: n % 2 === 0 ? { id: 'cccccccc-0000-4000-8000-000000000001', name: 'Cllr Even', memberId: 'cllr-even', via: 'teams' } : { id: 'cli:clerk', via: 'cli' },
  action: n % 2 === 0 ? 'exempt.viewed' : n % 3 === 0 ? 'notification.cancelled' : 'notification.pushed',
  target: n % 2 === 0 ? { kind: 'agendaItem', id: `item-${n % 10}`, label: 'An exempt item' } : { kind: 'notification', id: `n-${n}` },
});

async function seed(store: Store): Promise<void> {
  await seedDemoCouncil(store, new Date());
  for (let start = 0; start < SEEDED; start += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.audit.append(seededEntry(start + i))));
  }
}

interface AuditPage {
  readonly entries: AuditEntry[];
  readonly continuation?: string;
}

describe.each(['embedded', 'cosmos'] as const)('GET /api/v1/audit (%s store)', (kind) => {
  let running: AppOnStore;
  let app: TestApp;
  let keys: TestSigningKeys;
  let adminToken: string;
  let officerToken: string;

  beforeAll(async () => {
    keys = await new TestSigningKeys().start();
    running = await startAppOnStore(kind, { ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: ISSUER, ENTRA_AUDIENCE: AUDIENCE }, seed);
    app = running.app;
    adminToken = await keys.sign({ oid: ADMIN_OID, name: 'Ada Admin', roles: ['Admin'] }, { issuer: ISSUER, audience: AUDIENCE });
    officerToken = await keys.sign({ oid: OFFICER_OID, name: 'Olly Officer', roles: ['Officer'] }, { issuer: ISSUER, audience: AUDIENCE });
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
    await keys?.stop();
  });

  /** `null`: no Authorization header at all. */
  const call = (route: string, token: string | null = adminToken, init: RequestInit = {}) =>
    fetch(`${app.url}${route}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) } });
  const audit = async (query: string): Promise<AuditPage> => {
    const res = await call(`/api/v1/audit?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as AuditPage;
  };
  const expectProblem = async (res: Response, status: number, detail: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  };
  const seededPeriod = `from=${new Date(SEED_START).toISOString()}&to=${new Date(SEED_END).toISOString()}`;

  it('pages an Admin through 1,000 entries newest first by continuation, none skipped or repeated', async () => {
    const ids: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await audit(`${seededPeriod}&pageSize=200${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(200);
      ids.push(...page.entries.map((e) => e.id));
      continuation = page.continuation;
      pages++;
    } while (continuation !== undefined);
    expect(ids).toEqual(Array.from({ length: SEEDED }, (_, i) => seededEntry(SEEDED - 1 - i).id));
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it('filters by who, what (one action or several) and when, together', async () => {
    const byCllr = await audit(`actor=CCCCCCCC-0000-4000-8000-000000000001&${seededPeriod}&pageSize=5`);
    expect(byCllr.entries.map((e) => e.id)).toEqual(['seed-0998', 'seed-0996', 'seed-0994', 'seed-0992', 'seed-0990']);
    expect(byCllr.continuation).toBeDefined();

    const several = await audit(`action=notification.cancelled,notification.pushed&from=${new Date(SEED_START).toISOString()}&to=${new Date(SEED_START + 10 * 60_000).toISOString()}`);
    expect(several.entries.map((e) => [e.id, e.action])).toEqual([
      ['seed-0009', 'notification.cancelled'], ['seed-0007', 'notification.pushed'], ['seed-0005', 'notification.pushed'],
      ['seed-0003', 'notification.cancelled'], ['seed-0001', 'notification.pushed'],
    ]);
    const cancelled = await audit(`action=notification.cancelled&actor=cli:clerk&${seededPeriod}&pageSize=200`);
    expect(cancelled.entries.every((e) => e.action === 'notification.cancelled' && e.actor.id === 'cli:clerk')).toBe(true);
    expect(cancelled.entries).toHaveLength(167);

    const item = await audit(`targetId=item-4&${seededPeriod}&pageSize=200`);
    expect(item.entries).toHaveLength(100);
    // A day means its start in London: 1 March 2026 is GMT, so from=2026-03-01 is midnight UTC.
    const day = await audit('from=2026-03-01&to=2026-03-02&pageSize=1');
    expect(day.entries[0]!.id).toBe('seed-0899');
  });

  it('refuses an Officer (403), a caller without a token (401), and bad filters (400, 422), as problem+json', async () => {
    await expectProblem(await call('/api/v1/audit', officerToken), 403, /Admin app role/);
    await expectProblem(await call('/api/v1/audit', null), 401, /Bearer/);
    await expectProblem(await call('/api/v1/audit?action=member.deleted'), 400, /action/);
    await expectProblem(await call('/api/v1/audit?who=someone'), 400, /unknown parameter\(s\): who/);
    await expectProblem(await call('/api/v1/audit?from=last%20week'), 400, /from/);
    await expectProblem(await call('/api/v1/audit?pageSize=500'), 400, /pageSize/);
    // The embedded store reads its own tokens and refuses another; cosmosdb-server does not check a token's form.
    if (kind === 'embedded') await expectProblem(await call('/api/v1/audit?continuation=not-a-token'), 422, /continuation/i);
    await expectProblem(await call('/api/v1/audit?from=2026-03-02&to=2026-03-01'), 422, /period is empty/);
  });

  it("records an Officer's exempt read, roster change, push and cancel through the API, each once, as the token's subject", async () => {
    const since = new Date().toISOString();
    const json = { 'content-type': 'application/json' };
    const read = await call('/api/v1/agenda-items/item-land-disposal', officerToken);
    expect(read.status).toBe(200);
    // A public item read is no event.
    expect((await call(`/api/v1/decisions/${DEMO_IDS.cspDecision}`, officerToken)).status).toBe(200);
    const put = await call('/api/v1/members/cllr-new', officerToken, { method: 'PUT', headers: json, body: JSON.stringify({ name: 'Cllr New', role: 'councillor' }) });
    expect(put.status).toBe(201);
    const pushed = await call('/api/v1/notifications', officerToken, {
      method: 'POST', headers: json, body: JSON.stringify({ agendaItemId: 'item-safer-streets', sendAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(pushed.status).toBe(202);
    const notificationId = ((await pushed.json()) as { id: string }).id;
    expect((await call(`/api/v1/notifications/${notificationId}`, officerToken, { method: 'DELETE' })).status).toBe(200);
    // Cancelling again changes nothing, and is no event.
    expect((await call(`/api/v1/notifications/${notificationId}`, officerToken, { method: 'DELETE' })).status).toBe(200);

    const { entries } = await audit(`actor=${OFFICER_OID}&from=${since}`);
    expect(entries.map((e) => [e.action, e.target.kind, e.target.id])).toEqual([
      ['notification.cancelled', 'notification', notificationId],
      ['notification.scheduled', 'notification', notificationId],
      ['member.created', 'member', 'cllr-new'],
      ['exempt.viewed', 'agendaItem', 'item-land-disposal'],
    ]);
    for (const e of entries) expect(e.actor).toEqual({ id: OFFICER_OID, name: 'Olly Officer', via: 'api' });
    expect(entries[3]!.requestId).toBe(read.headers.get('x-request-id'));
    expect(entries[3]!.details).toEqual({ committeeId: DEMO_IDS.cabinet });
  });
});
