import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runAcknowledgementsCommand } from '../../src/cli/acknowledgements-command';
import { buildProgram } from '../../src/cli/main';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';

describe('cabinet-bot acknowledgements item|meeting <id>', () => {
  let dir: string;
  let store: Store;
  let lines: string[];
  const out = (line: string) => lines.push(line);
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-acks-'));
    store = createEmbeddedStore({ dataDir: path.join(dir, 'data') });
    await seedDemoCouncil(store, new Date());
    await store.acknowledgements.create({
      agendaItemId: 'item-safer-streets', committeeId: DEMO_IDS.cabinet, memberId: DEMO_PEOPLE.leader.id, acknowledgedAt: '2026-11-20T10:32:05.000Z',
      via: { channel: 'teams', conversationId: 'a:personal-leader' },
    });
    lines = [];
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a command of the CLI, for an item and for a meeting', () => {
    const command = buildProgram().commands.find((c) => c.name() === 'acknowledgements');
    expect(command?.commands.map((c) => c.name())).toEqual(['item', 'meeting']);
  });

  it('prints an item\'s record and writes it as CSV for a spreadsheet', async () => {
    const file = path.join(dir, 'safer-streets.csv');
    expect(await runAcknowledgementsCommand({ of: 'item', id: 'item-safer-streets', csv: file, json: false }, { store, out })).toBe(0);
    expect(lines).toEqual([
      'Agenda item item-safer-streets: acknowledgements',
      '  6. Safer Streets Fund: Town Centre Lighting and CCTV: 1 acknowledged, 1 outstanding',
      '    not yet: Cllr Alan Pearson',
      `Wrote ${file} (CSV, UTF-8, for a spreadsheet).`,
    ]);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows.map((r) => [r[0], r[4]])).toEqual([['Member id', 'Status'], [DEMO_PEOPLE.leader.id, 'acknowledged'], [DEMO_PEOPLE.housing.id, 'outstanding']]);
    // An open item's record is no event.
    expect((await store.audit.list({})).items).toEqual([]);
  });

  it('writes a meeting\'s record member by item, and prints it as JSON when asked', async () => {
    const file = path.join(dir, 'next-cabinet.csv');
    expect(await runAcknowledgementsCommand({ of: 'meeting', id: DEMO_IDS.nextCabinet, csv: file, json: true }, { store, out })).toBe(0);
    const json = JSON.parse(lines.slice(0, -1).join('\n')) as { meeting: { id: string }; items: unknown[] };
    expect(json.meeting.id).toBe(DEMO_IDS.nextCabinet);
    expect(json.items).toHaveLength(3);
    const rows = parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Member id', 'Name', 'Role', 'Seat', '5. Housing Revenue Account Budget Monitoring: Quarter 2', '6. Safer Streets Fund: Town Centre Lighting and CCTV', '7. Disposal of Land at Nottingham Road']);
    expect(rows.find((r) => r[0] === DEMO_PEOPLE.leader.id)?.slice(4)).toEqual(['outstanding', '2026-11-20 10:32:05', 'outstanding']);
    // The meeting's exempt item was read from the command line: one entry, against the operator's account.
    const [entry, ...more] = (await store.audit.list({})).items;
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'exempt.viewed', actor: { id: expect.stringMatching(/^cli:/), via: 'cli' }, target: { kind: 'agendaItem', id: 'item-land-disposal' } });
  });

  it('says when the item does not exist (exit 1), and never overwrites a file (exit 2)', async () => {
    expect(await runAcknowledgementsCommand({ of: 'item', id: 'item-none', json: false }, { store, out })).toBe(1);
    expect(lines).toEqual(['Agenda item item-none was not found.']);
    const file = path.join(dir, 'kept.csv');
    writeFileSync(file, 'keep me');
    lines = [];
    expect(await runAcknowledgementsCommand({ of: 'meeting', id: DEMO_IDS.nextCabinet, csv: file, json: false }, { store, out })).toBe(2);
    expect(lines).toEqual([`Cannot write ${file}: the file exists (choose a new name)`]);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});
