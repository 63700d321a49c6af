import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportFolder, type ImportFolderDeps } from '../../src/cli/import-folder-command';
import type { Committee } from '../../src/domain';
import { openFolderModernGovSite } from '../../src/moderngov/folder-moderngov-site';
import { createHttpModernGovSite } from '../../src/moderngov/http-moderngov-site';
import { syncModernGov } from '../../src/services/sync/sync-moderngov';
import type { Store } from '../../src/store/port';
import { openTestStore, storedCounts } from '../services/import-test-store';
import { ModernGovStandIn } from '../services/sync/moderngov-stand-in';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const FIXTURES = join(__dirname, '../fixtures/moderngov');
const decided = readFileSync(join(FIXTURES, 'lgsf_webservice_getmeeting.xml'), 'utf8')
  .replace(/(<agendaitemid>18833<\/agendaitemid>[\s\S]*?)<isdecisionpublished>False<\/isdecisionpublished>/, '$1<isdecisionpublished>True</isdecisionpublished>');
const AUDIT: Committee = { id: 'audit', name: 'Audit Committee', kind: 'other', callInWorkingDays: 5, externalId: '144' };

describe('cabinet-bot import <folder>: a saved GetMeeting answer with its decision pages', () => {
  let folder: string;
  let store: Store;
  let dispose: () => Promise<void>;
  let lines: string[];
  let deps: ImportFolderDeps;
  const SITE = 'https://democracy.manchester.gov.uk';
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cabinet-folder-'));
    writeFileSync(join(folder, 'GetMeeting 4967.xml'), decided);
    copyFileSync(join(FIXTURES, 'lgsf_modgov_decision_detail.html'), join(folder, 'ieDecisionDetails.aspx_AIId=18833.html'));
    ({ store, dispose } = await openTestStore([AUDIT]));
    lines = [];
    deps = { store, pages, now: () => new Date('2026-02-11T09:00:00.000Z'), out: (line) => lines.push(line), openFolder: openFolderModernGovSite };
  });
  afterEach(async () => {
    rmSync(folder, { recursive: true, force: true });
    await dispose();
  });

  it('imports the meeting, its items and the decision linked to its item, under the committee given', async () => {
    expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps)).toBe(0);
    expect(lines).toEqual(['Meeting 4967 of Audit Committee: imported.']);
    expect(await storedCounts(store)).toEqual({ agendaItems: 2, decisions: 1, meetings: 1 });
    const [decision] = (await store.decisions.listAll(undefined, 10)).items;
    const item = await store.agendaItems.findBySource({ externalId: 'moderngov-agenda-item:18833' });
    expect(decision).toMatchObject({ agendaItemId: item!.value.id, source: { url: `${SITE}/ieDecisionDetails.aspx?AIId=18833` } });
    lines = [];
    expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps)).toBe(0);
    expect(lines).toEqual(['Meeting 4967 of Audit Committee: unchanged.']);
  });

  it('a decision page saved from its own address (ID=) is placed on its item through its meeting and title: one record, as by AIId', async () => {
    rmSync(join(folder, 'ieDecisionDetails.aspx_AIId=18833.html'));
    // The real page, made the decision of this meeting's Work Programme (its "Decided at meeting" link and title).
    const page = readFileSync(join(FIXTURES, 'lgsf_modgov_decision_detail.html'), 'utf8')
      .replace('MID=4832', 'MID=4967').replace('<h2 class="mgSubTitleTxt">Minutes of Previous Meeting</h2>', '<h2 class="mgSubTitleTxt">Work Programme</h2>');
    writeFileSync(join(folder, 'ieDecisionDetails.aspx_ID=13567.html'), page);
    expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps)).toBe(0);
    expect(lines).toEqual([
      'Meeting 4967 of Audit Committee: imported.',
      `Decision page ${SITE}/ieDecisionDetails.aspx?ID=13567: created, the decision on "Work Programme".`,
    ]);
    const item = await store.agendaItems.findBySource({ externalId: 'moderngov-agenda-item:18833' });
    const [decision, ...more] = (await store.decisions.listAll(undefined, 10)).items;
    expect(more).toEqual([]);
    expect(decision).toMatchObject({ agendaItemId: item!.value.id, source: { url: `${SITE}/ieDecisionDetails.aspx?ID=13567`, externalId: 'moderngov-decision:13567' } });

    // Saved again by AIId as well: the same record, no second one.
    writeFileSync(join(folder, '18833.html'), page);
    lines = [];
    await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps);
    expect((await store.decisions.listAll(undefined, 10)).items.map((d) => d.id)).toEqual([decision!.id]);
  });

  it('gives the same result as a sync of the same answers: a sync afterwards finds nothing to do', async () => {
    const standIn = new ModernGovStandIn();
    const baseUrl = await standIn.start();
    try {
      expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl, dryRun: false }, deps)).toBe(0);
      const counts = await storedCounts(store);
      const marker = await store.changeMarker();
      standIn.answer('GetMeetings?144', { xml: '<getmeetings><committee><committeeid>144</committeeid><committeemeetings><meeting><meetingid>4967</meetingid></meeting></committeemeetings></committee></getmeetings>' });
      standIn.answer('GetMeeting?4967', { xml: decided });
      const result = await syncModernGov({ dryRun: false, holder: 'a' }, { store, pages, site: createHttpModernGovSite({ baseUrl, requestGapMs: 0, timeoutMs: 2000 }), now: deps.now });
      expect(result.ran && result.runs.map((r) => [r.imported, r.unchanged, r.failed])).toEqual([[0, 1, []]]);
      expect(await storedCounts(store)).toEqual(counts);
      expect(await store.changeMarker()).toBe(marker);
      expect(standIn.requests.filter((r) => r.path.endsWith('ieDecisionDetails.aspx'))).toEqual([]);
    } finally {
      await standIn.stop();
    }
  });

  it('says what is missing: the committee, a decision page, a folder without one GetMeeting answer', async () => {
    expect(await runImportFolder({ folder, baseUrl: SITE, dryRun: false }, deps)).toBe(2);
    rmSync(join(folder, 'ieDecisionDetails.aspx_AIId=18833.html'));
    expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps)).toBe(1);
    expect(lines.slice(1)).toEqual([
      'Meeting 4967 of Audit Committee: imported.',
      `  not imported: ${SITE}/ieDecisionDetails.aspx?AIId=18833: No decision page for agenda item 18833 in the folder: save ${SITE}/ieDecisionDetails.aspx?AIId=18833 beside the XML as 18833.html.`,
    ]);
    writeFileSync(join(folder, 'another.xml'), decided);
    lines = [];
    expect(await runImportFolder({ folder, committeeId: 'audit', baseUrl: SITE, dryRun: false }, deps)).toBe(2);
    expect(lines).toEqual(['The folder must hold exactly one GetMeeting answer (.xml); it holds 2: GetMeeting 4967.xml, another.xml.']);
  });
});
