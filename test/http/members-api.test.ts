import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { memberRoutes } from '../../src/http/routes/members';
import { problemFor, type ApiContext } from '../../src/http/server';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { TestSigningKeys } from '../support/signing-keys';
import { startTestApp, type TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const HEADER = 'id,name,role,title,email,aadObjectId,committees';
const rosterCsv = readFileSync(path.join(__dirname, '../fixtures/roster/roster.csv'), 'utf8');
const badRosterCsv = readFileSync(path.join(__dirname, '../fixtures/roster/roster-with-problems.csv'), 'utf8');

const joe = {
  name: 'Cllr Joe Orson',
  role: 'councillor',
  title: 'Leader of the Council',
  email: 'joe.orson@demo-council.gov.uk',
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  committees: [{ committeeId: 'cabinet', seat: 'Leader' }, { committeeId: 'full-council', seat: 'Member' }],
};

/** The app on an embedded store, with the committees seeded through a second connection, as the CLI would. */
async function startWithCommittees(env: Record<string, string>): Promise<{ app: TestApp; store: Store }> {
  const app = await startTestApp(env);
  const store = createEmbeddedStore({ dataDir: app.dataDir });
  await store.committees.create({ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 });
  await store.committees.create({ id: 'full-council', name: 'Full Council', kind: 'council', callInWorkingDays: 0 });
  await store.committees.create({ id: 'scrutiny', name: 'Scrutiny Committee', kind: 'scrutiny', callInWorkingDays: 0 });
  return { app, store };
}

describe('the roster through the officer API', () => {
  let app: TestApp;
  let store: Store;
  beforeEach(async () => {
    ({ app, store } = await startWithCommittees({ OFFICER_API_TOKEN: OFFICER_TOKEN }));
  });
  afterEach(async () => {
    await store.close();
    await app.stop();
  });

  const call = (method: string, route: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${app.url}${route}`, { method, body: init.body, headers: { authorization: `Bearer ${OFFICER_TOKEN}`, ...init.headers } });
  const putJson = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    call('PUT', `/api/v1/members/${id}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const postCsv = (csv: string, query = '') => call('POST', `/api/v1/members/import${query}`, { body: csv, headers: { 'content-type': 'text/csv' } });

  it('takes an end date with PUT and reads it back; refuses one that is not a date with problem+json', async () => {
    const saved = await putJson('cllr-joe-orson', { ...joe, endsOn: '2027-05-06' });
    expect(saved.status).toBe(201);
    expect(await (await call('GET', '/api/v1/members/cllr-joe-orson')).json()).toEqual({ id: 'cllr-joe-orson', ...joe, endsOn: '2027-05-06' });
    const refused = await putJson('cllr-joe-orson', { ...joe, endsOn: '6 May 2027' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(await refused.json())).toContain('endsOn');
    // Nothing was written: the member still has the date sent before.
    expect(((await (await call('GET', '/api/v1/members/cllr-joe-orson')).json()) as { endsOn?: string }).endsOn).toBe('2027-05-06');
  });

  it('says of each member, with reach=true, whether the bot can reach them in Teams now, reading every chat at once', async () => {
    const person = (id: string, extra: Record<string, unknown> = {}) => ({ name: `Cllr ${id}`, role: 'councillor', committees: [{ committeeId: 'cabinet', seat: 'Member' }], ...extra });
    const chat = (id: string, memberId: string, reachable: boolean) =>
      store.conversations.upsert({ id, kind: 'personal', memberId, reference: { conversation: { id } }, reachable, updatedAt: new Date().toISOString() });
    await putJson('in-chat', person('in-chat', { aadObjectId: '00000000-0000-4000-8000-0000000000a1' }));
    await putJson('no-chat-yet', person('no-chat-yet', { aadObjectId: '00000000-0000-4000-8000-0000000000a2' }));
    await putJson('blocked-it', person('blocked-it', { aadObjectId: '00000000-0000-4000-8000-0000000000a3' }));
    await putJson('no-account', person('no-account'));
    await putJson('gone-now', person('gone-now', { aadObjectId: '00000000-0000-4000-8000-0000000000a5', endsOn: '2020-01-01' }));
    await chat('a:chat-in', 'in-chat', true);
    await chat('a:chat-blocked', 'blocked-it', false);

    const res = await call('GET', '/api/v1/members?reach=true');
    expect(res.status).toBe(200);
    const { members } = (await res.json()) as { members: Array<{ id: string; reach?: { status: string; why: string } }> };
    expect(Object.fromEntries(members.map((m) => [m.id, m.reach?.status]))).toEqual({
      'in-chat': 'reachable', 'no-chat-yet': 'to-try', 'blocked-it': 'blocked', 'no-account': 'no-teams-account', 'gone-now': 'left',
    });
    expect(members.find((m) => m.id === 'blocked-it')?.reach?.why).toBe('blocked or removed the bot');
    // Without it, the roster as stored.
    const plain = (await (await call('GET', '/api/v1/members')).json()) as { members: Array<{ reach?: unknown }> };
    expect(plain.members.every((m) => m.reach === undefined)).toBe(true);
    expect((await call('GET', '/api/v1/members?reach=maybe')).status).toBe(400);
  });

  it('creates a member with PUT (201, ETag, Location), reads it back with GET and replaces it (200, new ETag)', async () => {
    const created = await putJson('cllr-joe-orson', joe);
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(created.headers.get('location')).toBe('/api/v1/members/cllr-joe-orson');
    expect(await created.json()).toEqual({ id: 'cllr-joe-orson', ...joe });

    const read = await call('GET', '/api/v1/members/cllr-joe-orson');
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(etag);
    expect(await read.json()).toEqual({ id: 'cllr-joe-orson', ...joe });

    const replaced = await putJson('cllr-joe-orson', { id: 'cllr-joe-orson', ...joe, title: 'Leader' });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).not.toBe(etag);
    expect(await replaced.json()).toEqual({ id: 'cllr-joe-orson', ...joe, title: 'Leader' });
    expect((await store.members.get('cllr-joe-orson'))?.value.title).toBe('Leader');
  });

  describe('one id rule, the same in the router (issue 9)', () => {
    const longest = `m-${'x'.repeat(98)}`; // 100 characters, the limit
    it('stores a member with the longest id and reaches it by GET and PUT; one character more is refused by PUT and by the CSV import alike', async () => {
      expect((await putJson(longest, joe)).status).toBe(201);
      expect((await call('GET', `/api/v1/members/${longest}`)).status).toBe(200);
      expect((await putJson(longest, { ...joe, title: 'Leader' })).status).toBe(200);

      const tooLong = `${longest}y`;
      expect((await putJson(tooLong, { ...joe, email: 'other@demo-council.gov.uk', aadObjectId: undefined })).status).not.toBe(201);
      const csv = await postCsv(`${HEADER}\n${tooLong},Someone,councillor,,,,\n`);
      expect(csv.status).toBe(422);
      expect(((await csv.json()) as { errors: Array<{ where: string; message: string }> }).errors).toEqual([
        { where: 'line 2, id', message: 'must be at most 100 characters' },
      ]);
      expect((await store.members.list()).map((m) => m.id)).toEqual([longest]);
    });

    it.each([
      ['NUL', '%00'],
      ['a line feed', 'cllr%0Ajoe'],
      ['a right-to-left override', 'cllr%E2%80%AEjoe'],
      ['a zero-width space', 'cllr%E2%80%8Bjoe'],
      ['surrounding spaces', '%20cllr-joe%20'],
      ['a leading dot', '.hidden'],
    ])('refuses an id with %s (422 naming the rule) and stores nothing', async (_what, pathId) => {
      const res = await putJson(pathId, { ...joe });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/id: must be letters, digits, '\.', '_', ':' or '-', starting with a letter or digit/);
      expect(await store.members.list()).toEqual([]);
    });

    it.each([
      ['NUL', 'Cllr Joe\u0000 Orson'],
      ['a line feed', 'Cllr Joe\nOrson'],
      ['a right-to-left override', 'Cllr \u202ENOSRO EOJ'],
      ['a zero-width joiner', 'Cllr Joe\u200D Orson'],
    ])('refuses a name with %s, and stores nothing', async (_what, name) => {
      const res = await putJson('cllr-joe-orson', { ...joe, name });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { detail: string }).detail).toContain('name: must not contain control, zero-width or text-direction characters');
      expect(await store.members.list()).toEqual([]);
    });

    it('refuses a name with spaces around it through the API, and trims them in a CSV cell as a spreadsheet leaves them', async () => {
      const res = await putJson('cllr-joe-orson', { ...joe, name: ' Cllr Joe Orson ' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { detail: string }).detail).toContain('name: must not start or end with spaces');
      expect((await postCsv(`${HEADER}\ncllr-joe-orson,  Cllr Joe Orson  ,councillor,,,,\n`)).status).toBe(200);
      expect((await store.members.get('cllr-joe-orson'))?.value.name).toBe('Cllr Joe Orson');
    });
  });

  it('answers 400 when the body names another id than the path, and writes nothing', async () => {
    const res = await putJson('cllr-joe-orson', { id: 'someone-else', ...joe });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'The body\'s id "someone-else" is not the id in the path (cllr-joe-orson); send the same id, or none.',
    );
    expect(await store.members.list()).toEqual([]);
  });

  it('answers 422 problem+json listing each field at fault: unknown committee, bad role', async () => {
    const res = await putJson('cllr-x', { ...joe, role: 'mayor', committees: [{ committeeId: 'planning', seat: 'Chair' }] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: unknown; code: string };
    expect(body.code).toBe('invalid');
    expect(body.errors).toEqual([{ where: 'role', message: "Invalid enum value. Expected 'councillor' | 'officer' | 'admin', received 'mayor'" }]);

    const unknownCommittee = await putJson('cllr-x', { ...joe, committees: [{ committeeId: 'planning', seat: 'Chair' }] });
    expect(unknownCommittee.status).toBe(422);
    expect(((await unknownCommittee.json()) as { errors: unknown }).errors).toEqual([
      { where: 'committees', message: 'committee "planning" does not exist (known committees: cabinet, full-council, scrutiny)' },
    ]);
    expect(await store.members.list()).toEqual([]);
  });

  it('answers 422 when the email is already another member\'s', async () => {
    await putJson('cllr-joe-orson', joe);
    const res = await putJson('cllr-copy', { name: 'Copy', role: 'councillor', email: 'JOE.ORSON@demo-council.gov.uk' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toContain('JOE.ORSON@demo-council.gov.uk is already linked to member cllr-joe-orson');
  });

  it('refuses a stale If-Match with 412 and accepts the current one (needs ApiContext to pass request headers)', async () => {
    const created = await putJson('cllr-joe-orson', joe);
    const first = created.headers.get('etag')!;
    const second = (await putJson('cllr-joe-orson', { ...joe, title: 'Leader' })).headers.get('etag')!;

    const stale = await putJson('cllr-joe-orson', { ...joe, title: 'Stale' }, { 'if-match': first });
    expect(stale.status).toBe(412);
    expect((await store.members.get('cllr-joe-orson'))?.value.title).toBe('Leader');

    const current = await putJson('cllr-joe-orson', { ...joe, title: 'Current' }, { 'if-match': second });
    expect(current.status).toBe(200);
  });

  it('answers 404 problem+json for a member not on the roster', async () => {
    const res = await call('GET', '/api/v1/members/nobody');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toBe('There is no member nobody on the roster.');
  });

  it('imports a CSV file: a dry run writes nothing, the import writes every member, the list shows them by name', async () => {
    const dry = await postCsv(rosterCsv, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ ok: true, dryRun: true, rows: 5, created: 5, updated: 0, unchanged: 0 });
    expect(await store.members.list()).toEqual([]);

    const real = await postCsv(rosterCsv);
    expect(real.status).toBe(200);
    expect(await real.json()).toEqual({
      ok: true, dryRun: false, rows: 5, created: 5, updated: 0, unchanged: 0,
      members: [
        { line: 2, id: 'cllr-joe-orson', outcome: 'created' },
        { line: 3, id: 'cllr-alan-pearson', outcome: 'created' },
        { line: 4, id: 'cllr-sian-oneill', outcome: 'created' },
        { line: 5, id: 'andrew-cotton', outcome: 'created' },
        { line: 6, id: 'sarah-morgan', outcome: 'created' },
      ],
    });

    const list = await call('GET', '/api/v1/members');
    expect(list.status).toBe(200);
    const { members } = (await list.json()) as { members: Array<{ id: string; name: string }> };
    expect(members.map((m) => m.name)).toEqual(['Andrew Cotton', 'Cllr Alan Pearson', 'Cllr Joe Orson', "O'Neill, Siân \"Sia\"", 'Sarah Morgan']);

    const again = await postCsv(rosterCsv);
    expect(await again.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 5 });
  });

  it('exports the roster as the CSV file the import reads, ModernGov member id and end date included; imported back, nothing changes', async () => {
    await postCsv(rosterCsv);
    await putJson('cllr-joe-orson', { ...joe, modernGovMemberId: '192', endsOn: '2027-05-06' });
    const exported = await call('GET', '/api/v1/members', { headers: { accept: 'text/csv' } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await exported.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(`${HEADER},endsOn,modernGovMemberId`);
    expect(lines).toContain('cllr-joe-orson,Cllr Joe Orson,councillor,Leader of the Council,joe.orson@demo-council.gov.uk,00000000-0000-4000-8000-000000000001,cabinet:Leader;full-council:Member,2027-05-06,192');
    const back = await postCsv(text);
    expect(await back.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 5 });
  });

  it('answers 422 problem+json listing each bad line of a CSV file, and writes nothing', async () => {
    const res = await postCsv(badRosterCsv);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { detail: string; errors: unknown; problems: unknown[] };
    expect(body.detail).toMatch(/^The roster file has 5 problems; nothing was written\. line 3, role: /);
    expect(body.errors).toEqual([
      { where: 'line 3, role', message: "Invalid enum value. Expected 'councillor' | 'officer' | 'admin', received 'mayor'" },
      { where: 'line 4, committees', message: 'committee "planning" does not exist (known committees: cabinet, full-council, scrutiny)' },
      { where: 'line 5, id', message: 'member cllr-joe-orson is also on line 2; give each member one row' },
      { where: 'line 6, name', message: 'is required' },
      { where: 'line 7, email', message: 'JOE.ORSON@demo-council.gov.uk is also the email of member cllr-joe-orson (Cllr Joe Orson), on line 2; each Teams identity belongs to one member' },
    ]);
    expect(body.problems).toHaveLength(5);
    expect(body).toMatchObject({ problemCount: 5 });
    expect(body).not.toHaveProperty('listedProblems');
    expect(await store.members.list()).toEqual([]);

    const brokenQuote = await postCsv(`${HEADER}\na,A,councillor,,,,\nb,"B,councillor,,,,\n`);
    expect(brokenQuote.status).toBe(422);
    expect(((await brokenQuote.json()) as { errors: Array<{ where: string }> }).errors.map((e) => e.where)).toEqual(['line 3']);
    expect(await store.members.list()).toEqual([]);
  });

  it('lists the first 100 problems of a 1 MB file with 24,000 bad rows, and counts them all', async () => {
    const rows = Array.from({ length: 24_000 }, (_, i) => `m${i},Member ${i},mayor,,,,`).join('\n');
    const res = await postCsv(`${HEADER}\n${rows}\n`);
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const body = JSON.parse(text) as { detail: string; errors: Array<{ where: string }>; problems: unknown[]; problemCount: number; listedProblems: number };
    expect(body.problemCount).toBe(24_000);
    expect(body.listedProblems).toBe(100);
    expect(body.problems).toHaveLength(100);
    expect(body.errors).toHaveLength(100);
    expect(body.errors[0]?.where).toBe('line 2, role');
    expect(body.detail).toMatch(/^The roster file has 24000 problems; nothing was written\. .*; and 23995 more\.$/);
    expect(await store.members.list()).toEqual([]);
  });

  it('refuses a body that is not text/csv (415), a dryRun that is not true or false (400) and bytes that are not UTF-8 (422)', async () => {
    const json = await call('POST', '/api/v1/members/import', { body: rosterCsv, headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    expect((await postCsv(rosterCsv, '?dryRun=yes')).status).toBe(400);
    const latin1 = await fetch(`${app.url}/api/v1/members/import`, {
      method: 'POST',
      body: Buffer.from(`${HEADER}\na,Si\xe2n,councillor,,,,\n`, 'latin1'),
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': 'text/csv' },
    });
    expect(latin1.status).toBe(422);
    expect(((await latin1.json()) as { detail: string }).detail).toContain('not UTF-8');
    expect(await store.members.list()).toEqual([]);
  });
});

describe('the roster API with Entra ID tokens', () => {
  let app: TestApp;
  let store: Store;
  let keys: TestSigningKeys;
  const issuer = 'https://login.microsoftonline.com/ab84b61c-d75b-406d-80b4-d8d3935744a7/v2.0';
  const audience = 'api://cabinet-bot-officer-api';

  beforeAll(async () => {
    keys = await new TestSigningKeys().start();
    ({ app, store } = await startWithCommittees({
      MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: 'ab84b61c-d75b-406d-80b4-d8d3935744a7',
      ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: issuer, ENTRA_AUDIENCE: audience,
    }));
  });
  afterAll(async () => {
    await store.close();
    await app.stop();
    await keys.stop();
  });

  it('lets an officer (the Officer role, not Admin) manage the roster', async () => {
    const token = await keys.sign({ oid: '00000000-0000-4000-8000-000000000005', name: 'Sarah Morgan', roles: ['Officer'] }, { issuer, audience });
    const res = await fetch(`${app.url}/api/v1/members/import`, {
      method: 'POST', body: rosterCsv, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(await store.members.list()).toHaveLength(5);
  });

  it('refuses a token without an Officer or Admin role', async () => {
    const token = await keys.sign({ oid: 'x', roles: ['Reader'] }, { issuer, audience });
    const res = await fetch(`${app.url}/api/v1/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });
});

describe('PUT /api/v1/members/:id reading If-Match from the request headers', () => {
  // Calls the route directly with a context that carries headers, as ApiContext.header() will once server.ts
  // passes them; the HTTP test above covers the same through the running app.
  let store: Store;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-members-route-'));
    store = createEmbeddedStore({ dataDir });
    await store.committees.create({ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 });
    await store.committees.create({ id: 'full-council', name: 'Full Council', kind: 'council', callInWorkingDays: 0 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const put = () => memberRoutes({ store, notifications: { store, now: () => new Date() } }).find((r) => r.method === 'put')!;
  const context = (body: Record<string, unknown>, ifMatch?: string) =>
    ({
      principal: { id: 'officer', roles: ['Officer'], via: 'static-token' },
      params: { id: 'cllr-joe-orson' },
      query: new URLSearchParams(),
      contentType: 'application/json',
      requestId: 'test',
      logger: pino({ level: 'silent' }),
      rawBody: async () => Buffer.from(JSON.stringify(body)),
      jsonBody: async () => body,
      header: (name: string) => (name === 'if-match' ? ifMatch : undefined),
    }) as ApiContext;
  const problemOf = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => problemFor(err));

  it('replaces with the current quoted ETag, answers a stale one with 412 and a list of ETags with 400', async () => {
    const created = await put().handle(context(joe));
    expect(created.status).toBe(201);
    const first = created.headers?.ETag ?? '';
    const replaced = await put().handle(context({ ...joe, title: 'Leader' }, first));
    expect(replaced).toMatchObject({ status: 200, body: { title: 'Leader' } });
    expect(replaced.headers?.ETag).not.toBe(first);

    expect(await problemOf(put().handle(context({ ...joe, title: 'Stale' }, first)))).toMatchObject({ status: 412, code: 'conflict' });
    expect(await problemOf(put().handle(context(joe, `${first}, "other"`)))).toMatchObject({
      status: 400, detail: 'Send one ETag in If-Match (the one from the last GET), or *.',
    });
    expect((await store.members.get('cllr-joe-orson'))?.value.title).toBe('Leader');
  });
});
