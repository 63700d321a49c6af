import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeOutcomeStatus } from '../../src/domain';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { importPage } from '../../src/services/import-page';
import { councilResultOf, sameBusiness } from '../../src/services/link-council-decision';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const councilPage = readFileSync(path.join(__dirname, '../fixtures/moderngov-html/full_council_community_safety_strategy.html'), 'utf8');

describe('a Cabinet recommendation follows Full Council\'s decision when it is imported', () => {
  const COUNCIL_2021 = 'council-2021-07-21';
  let dir: string;
  let store: Store;
  const now = new Date();
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'council-link-'));
    store = createEmbeddedStore({ dataDir: dir });
    await seedDemoCouncil(store, now);
    // The demo records Council's 2021 decision on the real recommendation; here it is as it stood before Council met
    // (15 June to 21 July 2021): awaiting the Council meeting of 21 July 2021.
    await store.meetings.create({ id: COUNCIL_2021, committeeId: DEMO_IDS.council, startsAt: '2021-07-21T18:00:00.000Z', status: 'held' });
    const real = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!;
    const outcomes = real.value.outcomes.map((o) => (o.number === 2 ? { ...o, status: 'awaiting-council' as const, statusSince: '2021-06-15T17:30:00.000Z', councilMeetingId: COUNCIL_2021 } : o));
    await store.decisions.replace({ ...real.value, outcomes }, real.etag);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importCouncilPage = (html: string, dryRun = false, meetingId: string = COUNCIL_2021) =>
    importPage({ body: html, contentType: 'text/html', meetingId, dryRun, importedBy: 'sarah-morgan', now }, { store, pages });

  it('marks the recommendation approved by Council, linked to the Council decision, and leaves the noted outcome alone', async () => {
    const result = await importCouncilPage(councilPage);
    expect(result.committee.id).toBe(DEMO_IDS.council);
    expect(result.councilLinked.map((d) => d.id)).toEqual([DEMO_IDS.cspDecision]);
    const cabinet = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value;
    expect(cabinet.outcomes.map((o) => [o.number, o.status, o.councilDecisionId])).toEqual([
      [1, 'noted', undefined],
      [2, 'approved-by-council', result.decision!.id],
    ]);
    const status = describeOutcomeStatus(cabinet.outcomes[1]!, cabinet, { today: now.toISOString().slice(0, 10), callInWorkingDays: 5 });
    expect(status.label).toMatch(/^Approved by (Full )?Council/);
    expect(status.final).toBe(true);
  });

  it('is idempotent: importing the Council page again changes nothing more', async () => {
    await importCouncilPage(councilPage);
    const before = await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision);
    const again = await importCouncilPage(councilPage);
    expect(again.councilLinked).toEqual([]);
    expect((await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.etag).toBe(before!.etag);
  });

  it('records an amendment as amended by Council', async () => {
    await importCouncilPage(councilPage.replace('That the Community Safety Strategy 2021-24 be approved.', 'That the Community Safety Strategy 2021-24 be approved as amended at the meeting.'));
    const cabinet = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value;
    expect(cabinet.outcomes[1]!.status).toBe('amended-by-council');
  });

  it('leaves recommendations on other business waiting, and a dry run links nothing', async () => {
    const other = councilPage.replace(/Community Safety Strategy 2021-24/g, 'Local Plan Review 2026');
    expect((await importCouncilPage(other)).councilLinked).toEqual([]);
    expect((await importCouncilPage(councilPage, true)).councilLinked).toEqual([]);
    const cabinet = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value;
    expect(cabinet.outcomes[1]!.status).toBe('awaiting-council');
  });

  it('never decides a recommendation made after the Council decision: the current strategy still awaits the coming Council', async () => {
    // Council's 2021 decision imported into the coming Council meeting, which the current recommendation awaits.
    const result = await importCouncilPage(councilPage, false, DEMO_IDS.nextCouncil);
    expect(result.councilLinked.map((d) => d.id)).not.toContain(DEMO_IDS.strategyDecision);
    const current = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.strategyDecision))!.value;
    expect(current.outcomes.find((o) => o.verb === 'RECOMMENDED')!.status).toBe('awaiting-council');
  });
});

describe('reading Full Council\'s result and matching business', () => {
  const outcome = (verb: 'APPROVED' | 'REJECTED' | 'NOTED' | 'DECIDED', text: string) => ({ number: 1, verb, text, status: 'made' as const });
  it.each([
    [[outcome('APPROVED', 'the strategy')], 'approved'],
    [[outcome('DECIDED', 'that the strategy be approved subject to the amendment moved')], 'amended'],
    [[outcome('REJECTED', 'the recommendation')], 'rejected'],
    [[outcome('NOTED', 'the report')], undefined],
  ])('%j -> %s', (outcomes, result) => {
    expect(councilResultOf({ outcomes })).toBe(result);
  });

  it('matches the same business named differently, not other business', () => {
    expect(sameBusiness('Community Safety Strategy 2021-24', 'Approval of the Community Safety Partnership Strategic Plan that the proposed Community Safety Strategy 2021-24 be approved')).toBe(true);
    expect(sameBusiness('Local Plan Review', 'Approval of the Community Safety Partnership Strategic Plan')).toBe(false);
  });
});
