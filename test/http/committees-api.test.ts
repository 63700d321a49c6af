import { startTestApp, type TestApp } from '../support/start-test-app';

const TOKEN = 'committees-officer-token-123456';

describe('PUT /api/v1/committees/{id}', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ OFFICER_API_TOKEN: TOKEN, CALL_IN_WORKING_DAYS: '10' });
  });
  afterAll(() => app.stop());

  const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/v1/committees/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('creates a committee with the council\'s call-in period unless it sets its own, then lists it', async () => {
    const cabinet = await put('cabinet', { name: 'Cabinet', kind: 'cabinet' });
    expect(cabinet.status).toBe(201);
    expect(cabinet.headers.get('location')).toBe('/api/v1/committees/cabinet');
    expect(await cabinet.json()).toEqual({ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 10 });
    const council = await put('full-council', { name: 'Full Council', kind: 'council', callInWorkingDays: 0 });
    expect(await council.json()).toMatchObject({ callInWorkingDays: 0 });
    const list = await fetch(`${app.url}/api/v1/committees`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await list.json()) as { committees: Array<{ id: string }> }).committees.map((c) => c.id).sort()).toEqual(['cabinet', 'full-council']);
  });

  it('replaces with the ETag it was given, and refuses a stale one with 412', async () => {
    const first = await put('scrutiny', { name: 'Scrutiny Committee', kind: 'scrutiny' });
    const etag = first.headers.get('etag')!;
    const renamed = await put('scrutiny', { name: 'Overview and Scrutiny Committee', kind: 'scrutiny' }, { 'if-match': etag });
    expect(renamed.status).toBe(200);
    const stale = await put('scrutiny', { name: 'Scrutiny', kind: 'scrutiny' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers bad bodies with problem+json naming each field, and stores nothing', async () => {
    const bad = await put('planning', { name: '', kind: 'parish', callInWorkingDays: 99 });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: Array<{ where: string }> };
    expect(problem.errors.map((e) => e.where).sort()).toEqual(['callInWorkingDays', 'kind', 'name']);
    const mismatch = await put('planning', { id: 'licensing', name: 'Planning', kind: 'regulatory' });
    expect(mismatch.status).toBe(400);
    const list = await fetch(`${app.url}/api/v1/committees`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(JSON.stringify(await list.json())).not.toContain('planning');
  });
});
