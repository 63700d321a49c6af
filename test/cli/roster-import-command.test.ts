// Tests src/cli/roster-command.ts; kept beside the use case it drives until test/cli/ exists (move it there).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runRosterImport } from '../../src/cli/roster-command';
import { openRosterTestStore, type RosterTestStore } from '../services/roster/roster-test-store';

const fixtures = path.join(__dirname, '../fixtures/roster');

describe('cabinet-bot members import <file>', () => {
  let t: RosterTestStore;
  let lines: string[];
  const out = (line: string) => lines.push(line);
  beforeEach(async () => {
    t = await openRosterTestStore();
    lines = [];
  });
  afterEach(() => t.close());

  it('imports a good file, printing the counts and each change, and exits 0', async () => {
    const code = await runRosterImport({ file: path.join(fixtures, 'roster.csv'), dryRun: false, json: false }, { store: t.store, out });
    expect(code).toBe(0);
    expect(lines).toEqual([
      `Imported ${path.join(fixtures, 'roster.csv')}:`,
      '  5 members in the file: 5 created, 0 updated, 0 unchanged',
      '  line 2: cllr-joe-orson created',
      '  line 3: cllr-alan-pearson created',
      '  line 4: cllr-sian-oneill created',
      '  line 5: andrew-cotton created',
      '  line 6: sarah-morgan created',
    ]);
    expect(await t.store.members.list()).toHaveLength(5);
  });

  it('on a dry run says what would happen and writes nothing', async () => {
    const file = path.join(fixtures, 'roster.csv');
    const code = await runRosterImport({ file, dryRun: true, json: false }, { store: t.store, out });
    expect(code).toBe(0);
    expect(lines.slice(0, 3)).toEqual([
      `Dry run of ${file}: nothing was written. The import would give:`,
      '  5 members in the file: 5 created, 0 updated, 0 unchanged',
      '  line 2: cllr-joe-orson would be created',
    ]);
    expect(await t.store.members.list()).toEqual([]);
  });

  it('prints every problem by line, writes nothing and exits 1', async () => {
    const file = path.join(fixtures, 'roster-with-problems.csv');
    const code = await runRosterImport({ file, dryRun: false, json: false }, { store: t.store, out });
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${file} has 5 problems; nothing was written:`,
      "  line 3, role: Invalid enum value. Expected 'councillor' | 'officer' | 'admin', received 'mayor'",
      '  line 4, committees: committee "planning" does not exist (known committees: cabinet, full-council, scrutiny)',
      '  line 5, id: member cllr-joe-orson is also on line 2; give each member one row',
      '  line 6, name: is required',
      '  line 7, email: JOE.ORSON@demo-council.gov.uk is also the email of member cllr-joe-orson (Cllr Joe Orson), on line 2; each Teams identity belongs to one member',
    ]);
    expect(await t.store.members.list()).toEqual([]);
  });

  it('prints the report as JSON with --json', async () => {
    const code = await runRosterImport({ file: path.join(fixtures, 'roster.csv'), dryRun: true, json: true }, { store: t.store, out });
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ ok: true, dryRun: true, rows: 5, created: 5, updated: 0, unchanged: 0 });
  });

  it('exits 2 when the file is not there, and 1 when it is not UTF-8', async () => {
    expect(await runRosterImport({ file: path.join(fixtures, 'no-such-file.csv'), dryRun: false, json: false }, { store: t.store, out })).toBe(2);
    expect(lines).toEqual([`Cannot read ${path.join(fixtures, 'no-such-file.csv')}: no such file`]);

    const dir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-roster-file-'));
    try {
      const latin1 = path.join(dir, 'latin1.csv');
      writeFileSync(latin1, Buffer.from('id,name,role,title,email,aadObjectId,committees\na,Si\xe2n,councillor,,,,\n', 'latin1'));
      lines = [];
      expect(await runRosterImport({ file: latin1, dryRun: false, json: false }, { store: t.store, out })).toBe(1);
      expect(lines).toEqual([
        `${latin1} has 1 problem; nothing was written:`,
        '  The roster file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8 (comma delimited)".',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
