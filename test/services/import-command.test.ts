import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportCommand } from '../../src/cli/import-command';
import type { Store } from '../../src/store/port';
import { CABINET, COUNCIL, openTestStore, storedCounts } from './import-test-store';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const ITEM_PAGE = join(__dirname, '../fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt');
const NOW = new Date('2026-11-26T10:00:00.000Z');

let store: Store;
let dispose: () => Promise<void>;
let lines: string[];
let scratch: string;
beforeEach(async () => {
  ({ store, dispose } = await openTestStore([CABINET, COUNCIL]));
  lines = [];
  scratch = mkdtempSync(join(tmpdir(), 'cabinet-cli-'));
});
afterEach(async () => {
  await dispose();
  rmSync(scratch, { recursive: true, force: true });
});
const deps = () => ({ store, pages, out: (line: string) => lines.push(line), now: () => NOW });
const output = (): string => lines.join('\n');

describe('runImportCommand', () => {
  it('imports an agenda-item page and prints what it understood and what looks wrong', async () => {
    expect(await runImportCommand({ file: ITEM_PAGE, dryRun: false, json: false }, deps())).toBe(0);
    const text = output();
    expect(text).toContain('Imported.');
    expect(text).toContain('Committee:      Cabinet');
    expect(text).toContain('Title:          Approval of the Community Safety Partnership Strategic Plan');
    expect(text).toContain('Lead officer:   Andrew Cotton, Director for Housing and Communities');
    expect(text).toContain('Decision type:  non-key');
    expect(text).toContain('  2) RECOMMENDED to Council [awaiting-council]: that the proposed Community Safety Strategy 2021-24 be approved.');
    expect(text).toMatch(/ {2}1\) NOTED \[noted\]: the report and the ongoing contribution/);
    expect(text).toContain('Documents:      none');
    expect(text).toContain('Warnings (2):');
    expect(text).toContain('  ! summary (line 5); decision outcome 2 (line 17): "Community Safety Strategy" is named with different years');
    expect(text).toContain('[council-meeting-unknown]');
    expect(await storedCounts(store)).toEqual({ agendaItems: 1, decisions: 1, meetings: 0 });
  });

  it('prints the API body as JSON for machines, and a dry run stores nothing', async () => {
    expect(await runImportCommand({ file: ITEM_PAGE, dryRun: true, json: true }, deps())).toBe(0);
    const body = JSON.parse(output()) as { decision: { type: string; outcomes: unknown[] }; warnings: { code: string }[]; dryRun: boolean };
    expect(body.dryRun).toBe(true);
    expect(body.decision.type).toBe('non-key');
    expect(body.decision.outcomes).toEqual([
      expect.objectContaining({ number: 1, verb: 'NOTED', status: 'noted' }),
      expect.objectContaining({ number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council' }),
    ]);
    expect(body.warnings.map((w) => w.code)).toEqual(['document-year-mismatch', 'council-meeting-unknown']);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });

  it('exits 1 with the reason when the page cannot be imported', async () => {
    const file = join(scratch, 'page.html');
    writeFileSync(file, '<html><head><title>Home</title></head><body>Welcome</body></html>');
    expect(await runImportCommand({ file, dryRun: false, json: false }, deps())).toBe(1);
    expect(output()).toBe('Not imported: page: This HTML page ("Home") is not a ModernGov page: expected a decision-details page (ieDecisionDetails.aspx).');
    lines = [];
    expect(await runImportCommand({ file, dryRun: false, json: true }, deps())).toBe(1);
    expect(JSON.parse(output())).toMatchObject({ error: { code: 'invalid' } });
  });

  it.each([
    ['report.pdf', 'Cannot tell what kind of page'],
    ['missing.txt', 'Cannot read'],
  ])('exits 2 (usage) for %s', async (name, message) => {
    expect(await runImportCommand({ file: join(scratch, name), dryRun: false, json: false }, deps())).toBe(2);
    expect(output()).toContain(message);
    expect(output()).toContain('Usage: import <file.txt|file.html|file.xml>');
  });

  it('reads .htm and .xml files by their extension', async () => {
    const file = join(scratch, 'meeting.xml');
    writeFileSync(file, '<getmeeting><meeting><meetingid>77</meetingid><meetingdate>01/02/2027</meetingdate><meetingtime>18:00</meetingtime>'
      + '<committeetitle>Cabinet</committeetitle><agendaitems><agendaitem><agendaitemid>5</agendaitemid><agendaitemnumber>1</agendaitemnumber>'
      + '<agendaitemtitle>BUDGET</agendaitemtitle></agendaitem></agendaitems></meeting></getmeeting>');
    expect(await runImportCommand({ file, dryRun: false, json: false }, deps())).toBe(0);
    expect(output()).toContain('Meeting:        Mon 1 February 2027, 6pm');
    expect(output()).toContain('  1. Budget');
    const htm = join(scratch, 'decision.htm');
    writeFileSync(htm, '<div id="modgov"><h2 class="mgSubTitleTxt">X</h2><p><span class="mgLabel">Decision Maker: </span>Cabinet</p></div>');
    lines = [];
    expect(await runImportCommand({ file: htm, dryRun: true, json: false }, deps())).toBe(0);
    expect(output()).toContain('Decision type:  unknown');
  });
});
