import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startAppOnStore, type AppOnStore } from '../support/app-on-store';
import type { TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const MELTON = readFileSync(path.join(__dirname, '../fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt'), 'utf8');

/**
 * A new user on an empty install: the first import shown on a dry run, the committee created by the import when
 * asked, and a meeting entered by hand (councils without ModernGov) that an item is then imported into.
 */
describe.each(['embedded', 'cosmos'] as const)('a new install: first import and meetings by hand (%s store)', (kind) => {
  let running: AppOnStore;
  let app: TestApp;

  beforeEach(async () => {
    running = await startAppOnStore(kind, { OFFICER_API_TOKEN: OFFICER_TOKEN, CALL_IN_WORKING_DAYS: '5' });
    app = running.app;
  }, 60_000);
  afterEach(() => running?.stop());

  const call = (method: string, route: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${app.url}${route}`, { method, body: init.body, headers: { authorization: `Bearer ${OFFICER_TOKEN}`, ...init.headers } });
  const putMeeting = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    call('PUT', `/api/v1/meetings/${id}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const importMelton = (query: string) => call('POST', `/api/v1/imports${query}`, { body: MELTON, headers: { 'content-type': 'text/plain' } });
  const problem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as { detail: string; errors?: Array<{ where: string; message: string }> };
  };
  const committees = async () => ((await (await call('GET', '/api/v1/committees')).json()) as { committees: unknown[] }).committees;

  it('shows the first page on a dry run with a warning, refuses the real import naming the call, and imports with createCommittee=true', async () => {
    const dry = await importMelton('?dryRun=true');
    expect(dry.status).toBe(200);
    const shown = (await dry.json()) as { agendaItem: { title: string; committeeId: string }; decision: { outcomes: unknown[] }; warnings: Array<{ code: string; message: string }> };
    expect(shown.agendaItem).toMatchObject({ title: 'Approval of the Community Safety Partnership Strategic Plan', committeeId: 'cabinet' });
    expect(shown.decision.outcomes).toHaveLength(2);
    expect(shown.warnings.find((w) => w.code === 'committee-unknown')?.message).toContain('create it with PUT /api/v1/committees/cabinet, or import with ?createCommittee=true');
    expect(await committees()).toEqual([]);

    const refused = await problem(await importMelton(''), 422);
    expect(refused.detail).toContain('No committee named Cabinet. Create it first (PUT /api/v1/committees/cabinet with {"name":"Cabinet","kind":"cabinet"})');
    expect(await committees()).toEqual([]);

    const imported = await importMelton('?createCommittee=true');
    expect(imported.status).toBe(201);
    expect(await committees()).toEqual([{ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 }]);
    await problem(await importMelton('?createCommittee=perhaps'), 400);
  });

  it('creates a meeting by hand (201, ETag, Location), changes it with If-Match (200), refuses a stale ETag (412), and an item imports into it', async () => {
    await call('PUT', '/api/v1/committees/cabinet', { body: JSON.stringify({ name: 'Cabinet', kind: 'cabinet' }), headers: { 'content-type': 'application/json' } });
    const meeting = { committeeId: 'cabinet', startsAt: '2026-12-08T18:30:00Z', venue: 'Council Chamber' };
    const created = await putMeeting('cabinet-2026-12-08', meeting);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/meetings/cabinet-2026-12-08');
    const etag = created.headers.get('etag') ?? '';
    expect(await created.json()).toEqual({ id: 'cabinet-2026-12-08', ...meeting, status: 'scheduled' });

    const moved = await putMeeting('cabinet-2026-12-08', { ...meeting, startsAt: '2026-12-09T18:30:00Z' }, { 'if-match': etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    const stale = await problem(await putMeeting('cabinet-2026-12-08', { ...meeting, status: 'cancelled' }, { 'if-match': etag }), 412);
    expect(stale.detail).toBe('meeting cabinet-2026-12-08 was changed by someone else; reload it and try again');
    const read = await call('GET', '/api/v1/meetings/cabinet-2026-12-08');
    expect(read.headers.get('etag')).toBe(moved.headers.get('etag'));
    expect(await read.json()).toMatchObject({ startsAt: '2026-12-09T18:30:00Z', status: 'scheduled', items: [] });
    const expected = await putMeeting('cabinet-2026-12-08', { ...meeting, startsAt: '2026-12-09T18:30:00Z', agendaExpectedOn: '2026-12-01' });
    expect(expected.status).toBe(200);
    expect(await expected.json()).toMatchObject({ agendaExpectedOn: '2026-12-01' });

    expect((await importMelton('?meetingId=cabinet-2026-12-08')).status).toBe(201);
    const withItem = (await (await call('GET', '/api/v1/meetings/cabinet-2026-12-08')).json()) as { items: Array<{ title: string }> };
    expect(withItem.items.map((i) => i.title)).toEqual(['Approval of the Community Safety Partnership Strategic Plan']);
  });

  it('refuses a meeting of an unknown committee, a bad time or status, an unknown field (422), a body id not the path\'s (400), and a body that is not JSON (415)', async () => {
    const unknown = await problem(await putMeeting('m-1', { committeeId: 'planning', startsAt: '2026-12-08T18:30:00Z' }), 422);
    expect(unknown.detail).toBe('The meeting is not valid: committeeId: committee "planning" does not exist (known committees: none yet); create it with PUT /api/v1/committees/planning');
    await call('PUT', '/api/v1/committees/cabinet', { body: JSON.stringify({ name: 'Cabinet', kind: 'cabinet' }), headers: { 'content-type': 'application/json' } });
    const bad = await problem(await putMeeting('m-1', { committeeId: 'cabinet', startsAt: '8 December 2026', status: 'adjourned', room: 'B' }), 422);
    expect(bad.errors?.map((e) => e.where).sort()).toEqual(['meeting', 'startsAt', 'status']);
    const noSuchDay = await problem(await putMeeting('m-1', { committeeId: 'cabinet', startsAt: '2026-12-08T18:30:00Z', agendaExpectedOn: '2026-11-31' }), 422);
    expect(noSuchDay.errors).toEqual([{ where: 'agendaExpectedOn', message: 'must be a real date' }]);
    const afterIt = await problem(await putMeeting('m-1', { committeeId: 'cabinet', startsAt: '2026-12-08T18:30:00Z', agendaExpectedOn: '2026-12-09' }), 422);
    expect(afterIt.errors).toEqual([{ where: 'agendaExpectedOn', message: 'must not be after the meeting (2026-12-08)' }]);
    await problem(await putMeeting('m-1', { id: 'm-2', committeeId: 'cabinet', startsAt: '2026-12-08T18:30:00Z' }), 400);
    await problem(await call('PUT', '/api/v1/meetings/m-1', { body: 'committeeId=cabinet', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expect((await call('GET', '/api/v1/meetings')).status).toBe(200);
    expect(((await (await call('GET', '/api/v1/meetings')).json()) as { meetings: unknown[] }).meetings).toEqual([]);
  });
});
