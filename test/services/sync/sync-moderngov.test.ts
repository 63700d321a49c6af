import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Committee } from '../../../src/domain';
import { createHttpModernGovSite } from '../../../src/moderngov/http-moderngov-site';
import { syncModernGov, type SyncModernGovOptions } from '../../../src/services/sync/sync-moderngov';
import type { Store } from '../../../src/store/port';
import { inProcessPageReader as pages } from '../../support/in-process-page-reader';
import { openTestStore, storedCounts } from '../import-test-store';
import { ModernGovStandIn } from './moderngov-stand-in';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/moderngov', name), 'utf8');
const GET_MEETINGS = fixture('lgsf_webservice_getmeetings.xml');
const GET_MEETING = fixture('lgsf_webservice_getmeeting.xml');
const CANCELLED = fixture('lgsf_webservice_getmeeting_cancelled.xml');
const DECISION_PAGE = fixture('lgsf_modgov_decision_detail.html');

/** Variations made from the real answers. */
const unpublished = GET_MEETING.replace('<agendapublished>True</agendapublished>', '<agendapublished>False</agendapublished>')
  .replace(/<agendaitems>[\s\S]*<\/agendaitems>/, '<agendaitems>\n  </agendaitems>');
const withoutWorkProgramme = GET_MEETING.replace(/<agendaitem>\s*<agendaitemid>18833<\/agendaitemid>[\s\S]*?<\/agendaitem>/, '');
const workProgrammeRestricted = GET_MEETING.replace(/(<agendaitemid>18833<\/agendaitemid>[\s\S]*?)<isrestricted>False<\/isrestricted>/, '$1<isrestricted>True</isrestricted>');
const workProgrammeDecided = GET_MEETING.replace(/(<agendaitemid>18833<\/agendaitemid>[\s\S]*?)<isdecisionpublished>False<\/isdecisionpublished>/, '$1<isdecisionpublished>True</isdecisionpublished>');
/** Decided, with the decision's words in GetMeeting itself (escaped Word HTML, as ModernGov writes it). */
const workProgrammeDecidedWithText = workProgrammeDecided.replace(/(<agendaitemid>18833<\/agendaitemid>[\s\S]*?<isdecisionpublished>True<\/isdecisionpublished>)/,
  '$1<decisionnonemptyhtmlbody>&lt;p&gt;1) AGREED the work programme for 2026/27.&lt;/p&gt;&lt;p&gt;2) NOTED the training dates.&lt;/p&gt;</decisionnonemptyhtmlbody>');
const newMeeting = GET_MEETING.replace('<meetingid>4967</meetingid>', '<meetingid>4990</meetingid>')
  .replace(/<meetingdate>10\/02\/2026<\/meetingdate>/, '<meetingdate>17/03/2026</meetingdate>')
  .replace('<agendaitemid>18831</agendaitemid>', '<agendaitemid>19001</agendaitemid>').replace('<agendaitemid>18833</agendaitemid>', '<agendaitemid>19003</agendaitemid>');
const meetingsWithNew = GET_MEETINGS.replace('</committeemeetings>',
  '  <meeting>\n        <meetingid>4990</meetingid>\n        <meetingdate>17/03/2026</meetingdate>\n        <meetingstatus>Confirmed</meetingstatus>\n      </meeting>\n    </committeemeetings>');

const AUDIT: Committee = { id: 'audit', name: 'Audit Committee', kind: 'other', callInWorkingDays: 5, externalId: '144' };
const UNFOLLOWED: Committee = { id: 'licensing', name: 'Licensing Committee', kind: 'regulatory', callInWorkingDays: 0 };
const NOW = new Date('2026-02-01T09:00:00.000Z');

let standIn: ModernGovStandIn;
let baseUrl: string;
let store: Store;
let dispose: () => Promise<void>;
let clock: Date;

beforeEach(async () => {
  standIn = new ModernGovStandIn();
  baseUrl = await standIn.start();
  ({ store, dispose } = await openTestStore([AUDIT, UNFOLLOWED]));
  clock = NOW;
  standIn.answer('GetMeetings?144', { xml: GET_MEETINGS });
  standIn.answer('GetMeeting?4966', { xml: CANCELLED });
  standIn.answer('GetMeeting?4967', { xml: GET_MEETING });
});
afterEach(async () => {
  await standIn.stop();
  await dispose();
});

const site = (over: { timeoutMs?: number; requestGapMs?: number } = {}) => createHttpModernGovSite({
  baseUrl, requestGapMs: over.requestGapMs ?? 5, timeoutMs: over.timeoutMs ?? 5000, contact: 'democratic.services@example.gov.uk',
});
const sync = async (options: Partial<SyncModernGovOptions> = {}, siteOver: Parameters<typeof site>[0] = {}) => {
  const result = await syncModernGov({ dryRun: false, holder: 'instance-a', ...options }, { store, pages, site: site(siteOver), now: () => clock });
  if (!result.ran) throw new Error(`the sync did not run: held by ${result.heldBy}`);
  expect(result.runs).toHaveLength(1); // the one committee with a ModernGov id
  return result.runs[0]!;
};
const later = (minutes: number): void => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
const meetingOf = async (modernGovMeetingId: string) => {
  const seen = await store.sync.getMeeting('audit', modernGovMeetingId);
  return seen ? (await store.meetings.get('audit', seen.meetingId))?.value : undefined;
};
const itemsOf = async (modernGovMeetingId: string) => {
  const seen = await store.sync.getMeeting('audit', modernGovMeetingId);
  return seen ? store.agendaItems.listByMeeting('audit', seen.meetingId) : [];
};
const digests = async () => (await store.notifications.listRecent(undefined, 100)).items.filter((n) => n.kind === 'meeting-digest');

describe('syncModernGov against a stand-in ModernGov site serving the real answers', () => {
  it('imports the committee\'s meetings, politely; a second sync of the same answers writes nothing', async () => {
    const run = await sync();
    expect(run).toEqual({
      committeeId: 'audit', modernGovCommitteeId: '144', startedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), dryRun: false,
      meetingsSeen: 2, imported: 2, unchanged: 0, failed: [], membershipProposals: [],
    });
    expect((await meetingOf('4966'))?.status).toBe('cancelled');
    expect((await meetingOf('4967'))).toMatchObject({ status: 'scheduled', startsAt: '2026-02-10T10:00:00.000Z', agendaPublishedAt: NOW.toISOString() });
    expect((await itemsOf('4967')).map((i) => [i.number, i.title, i.summary])).toEqual([
      ['1', 'Minutes', 'To approve as a correct record the minutes of the meeting held on 25 November 2025.'],
      ['9', 'Work Programme', 'The report of the Governance and Scrutiny Support Unit, attached.'],
    ]);
    expect(await digests()).toHaveLength(1);
    expect(await store.sync.listRuns()).toEqual([run]);

    // One request at a time, with the pause between them, naming the bot and the council's contact; the window asked for.
    expect(standIn.requests.map((r) => `${r.path.split('/').pop()}?${r.query.toString()}`)).toEqual([
      'GetMeetings?lCommitteeId=144&sFromDate=03%2F12%2F2025&sToDate=01%2F06%2F2026', 'GetMeeting?lMeetingId=4966', 'GetMeeting?lMeetingId=4967',
    ]);
    for (const r of standIn.requests) expect(r.userAgent).toMatch(/^CabinetBot\/\S+ \(.*contact democratic\.services@example\.gov\.uk\)$/);

    const marker = await store.changeMarker();
    const counts = await storedCounts(store);
    later(15);
    const again = await sync();
    expect([again.meetingsSeen, again.imported, again.unchanged, again.failed]).toEqual([2, 0, 2, []]);
    expect(await store.changeMarker()).toBe(marker);
    expect(await storedCounts(store)).toEqual(counts);
    expect((await store.sync.getMeeting('audit', '4967'))?.syncedAt).toBe(NOW.toISOString());
    expect(await digests()).toHaveLength(1);
  });

  it('sends the agenda once when it is published between two syncs, however many syncs see it', async () => {
    standIn.answer('GetMeeting?4967', { xml: unpublished });
    await sync();
    expect((await meetingOf('4967'))?.agendaPublishedAt).toBeUndefined();
    expect(await digests()).toEqual([]);
    standIn.answer('GetMeeting?4967', { xml: GET_MEETING });
    later(15);
    const published = await sync();
    expect(published.imported).toBe(1);
    expect((await meetingOf('4967'))?.agendaPublishedAt).toBe(clock.toISOString());
    expect(await digests()).toHaveLength(1);
    later(15);
    await sync();
    standIn.answer('GetMeeting?4967', { xml: withoutWorkProgramme });
    later(15);
    await sync();
    expect(await digests()).toHaveLength(1);
  });

  it('adds a new meeting; marks a cancelled one; marks an item gone from the agenda withdrawn, never deleting it', async () => {
    await sync();
    standIn.answer('GetMeetings?144', { xml: meetingsWithNew });
    standIn.answer('GetMeeting?4990', { xml: newMeeting });
    standIn.answer('GetMeeting?4967', { xml: withoutWorkProgramme.replace('<meetingstatus>Confirmed</meetingstatus>', '<meetingstatus>Cancelled</meetingstatus>') });
    later(15);
    const run = await sync();
    expect([run.meetingsSeen, run.imported, run.unchanged, run.failed]).toEqual([3, 2, 1, []]);
    expect((await itemsOf('4990')).map((i) => i.title)).toEqual(['Minutes', 'Work Programme']);
    expect((await meetingOf('4967'))?.status).toBe('cancelled');
    const items = await itemsOf('4967');
    expect(items.map((i) => [i.title, i.withdrawnAt])).toEqual([['Minutes', undefined], ['Work Programme', clock.toISOString()]]);
  });

  it('proposes a seat for a roster member ModernGov lists as attending, for an officer to confirm, never granting it', async () => {
    const curley = { id: 'cllr-curley', name: 'Councillor Basil Curley', role: 'councillor' as const, modernGovMemberId: '192', committees: [] };
    await store.members.create(curley);
    await store.members.create({ id: 'cllr-other', name: 'Councillor Other', role: 'councillor', modernGovMemberId: '555', committees: [] });
    const run = await sync();
    expect(run.membershipProposals).toEqual([
      { memberId: 'cllr-curley', name: 'Councillor Basil Curley', modernGovMemberId: '192', role: 'Committee Member', modernGovMeetingId: '4966' },
    ]);
    expect((await store.members.get('cllr-curley'))?.value.committees).toEqual([]);
    const seated = await store.members.get('cllr-curley');
    await store.members.replace({ ...seated!.value, committees: [{ committeeId: 'audit', seat: 'Member' }] }, seated!.etag);
    later(15);
    expect((await sync()).membershipProposals).toEqual([]);
  });

  it('makes a restricted item exempt business', async () => {
    standIn.answer('GetMeeting?4967', { xml: workProgrammeRestricted });
    await sync();
    expect((await itemsOf('4967')).map((i) => [i.title, i.exempt, i.exemptReason, i.documents.map((d) => d.restricted)])).toEqual([
      ['Minutes', false, undefined, [false]],
      ['Work Programme', true, 'Marked restricted in ModernGov', [false]],
    ]);
  });

  it('imports a decision from its page once ModernGov publishes it, and tries again while the page is not there', async () => {
    standIn.answer('GetMeeting?4967', { xml: workProgrammeDecided });
    const first = await sync();
    expect(first.failed).toEqual([{
      modernGovMeetingId: '4967', where: `${baseUrl}/ieDecisionDetails.aspx?AIId=18833`, why: 'The site answered HTTP 404.',
    }]);
    expect((await store.decisions.listAll(undefined, 10)).items).toEqual([]);
    standIn.answer('ieDecisionDetails.aspx?18833', { html: DECISION_PAGE });
    later(15);
    const second = await sync();
    expect([second.imported, second.unchanged, second.failed]).toEqual([1, 1, []]);
    const [decision] = (await store.decisions.listAll(undefined, 10)).items;
    const workProgramme = (await itemsOf('4967'))[1]!;
    expect(decision).toMatchObject({ committeeId: 'audit', agendaItemId: workProgramme.id, source: { url: `${baseUrl}/ieDecisionDetails.aspx?AIId=18833` } });
    expect((await store.sync.getMeeting('audit', '4967'))?.decisionPagesImported).toEqual(['18833']);
    later(15);
    const third = await sync();
    expect([third.imported, third.unchanged]).toEqual([0, 2]);
    expect(standIn.requests.filter((r) => r.path.endsWith('ieDecisionDetails.aspx'))).toHaveLength(2);
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a login redirect', { redirect: '/mgLogin.aspx?ReturnUrl=%2fieDecisionDetails.aspx' }],
    ['a login page answered 200', { html: '<html><head><title>Login</title></head><body><form action="mgLogin.aspx"><input type="password"></form></body></html>' }],
  ] as const)('records a published decision from GetMeeting\'s own text when its page cannot be had (%s), and completes that record once the page comes', async (_what, pageAnswer) => {
    clock = new Date('2026-02-12T09:00:00.000Z'); // two days after the meeting
    standIn.answer('GetMeeting?4967', { xml: workProgrammeDecidedWithText });
    standIn.answer('ieDecisionDetails.aspx?18833', pageAnswer);
    const first = await sync();
    expect(first.failed).toEqual([expect.objectContaining({ modernGovMeetingId: '4967', where: `${baseUrl}/ieDecisionDetails.aspx?AIId=18833` })]);
    expect(first.failed[0]!.why).toMatch(/recorded from GetMeeting's text \(its call-in facts unknown/);
    const workProgramme = (await itemsOf('4967'))[1]!;
    const [fromText, ...more] = (await store.decisions.listAll(undefined, 10)).items;
    expect(more).toEqual([]);
    expect(fromText).toMatchObject({
      committeeId: 'audit', agendaItemId: workProgramme.id, meetingId: workProgramme.meetingId, title: 'Work Programme', decisionMaker: 'Audit Committee',
      type: 'unknown', decidedOn: '2026-02-10', source: { kind: 'moderngov-meeting-xml' },
      outcomes: [
        // The Audit Committee is not an executive: no call-in, so effective (as any such decision whose page is silent).
        expect.objectContaining({ number: 1, verb: 'AGREED', text: 'the work programme for 2026/27.', status: 'effective' }),
        expect.objectContaining({ number: 2, verb: 'NOTED', text: 'the training dates.', status: 'noted' }),
      ],
    });
    expect(fromText!.subjectToCallIn).toBeUndefined();
    expect(fromText!.publishedOn).toBeUndefined();

    // Seen again while the page still fails: the same record, unchanged.
    later(15);
    await sync();
    expect((await store.decisions.listAll(undefined, 10)).items).toEqual([fromText]);

    // The page comes: it completes the one record.
    standIn.answer('ieDecisionDetails.aspx?18833', { html: DECISION_PAGE });
    later(15);
    const third = await sync();
    expect(third.failed).toEqual([]);
    const [completed, ...others] = (await store.decisions.listAll(undefined, 10)).items;
    expect(others).toEqual([]);
    expect(completed).toMatchObject({ id: fromText!.id, agendaItemId: workProgramme.id, decisionMaker: 'Policy Committee', publishedOn: '2015-10-22', source: { kind: 'moderngov-decision' } });
  });

  describe('what a site answers in place of XML is a located failure of that meeting, recorded, never stored, deleting nothing', () => {
    const failingWith = async (answer: Parameters<ModernGovStandIn['answer']>[1], siteOver: Parameters<typeof site>[0] = {}) => {
      await sync();
      const before = await storedCounts(store);
      const items = await itemsOf('4967');
      standIn.answer('GetMeeting?4967', answer);
      later(15);
      const run = await sync({}, siteOver);
      expect([run.meetingsSeen, run.imported, run.unchanged]).toEqual([2, 0, 1]);
      expect(await storedCounts(store)).toEqual(before);
      expect(await itemsOf('4967')).toEqual(items);
      expect(await store.sync.listRuns()).toEqual([run]);
      return run.failed;
    };
    const GET_4967 = () => `${baseUrl}/mgWebService.asmx/GetMeeting?lMeetingId=4967`;

    it('an HTML error page', async () => {
      expect(await failingWith({ html: '<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>Server Error in \'/\' Application.</body></html>' })).toEqual([{
        modernGovMeetingId: '4967', where: `${GET_4967()} (line 1)`,
        why: 'The server answered with an HTML page ("Runtime Error") instead of GetMeeting XML: the web service may be switched off, or it refused a scripted client.',
      }]);
    });

    it('a 500, retried with backoff before it is given up', async () => {
      expect(await failingWith({ status: 500 })).toEqual([{ modernGovMeetingId: '4967', where: GET_4967(), why: 'The site answered HTTP 500. (after 3 tries)' }]);
      expect(standIn.requests.filter((r) => r.query.get('lMeetingId') === '4967')).toHaveLength(4); // 1 good sync + 3 tries
    });

    it('a login redirect', async () => {
      expect(await failingWith({ redirect: '/mgLogin.aspx?ReturnUrl=%2fmgWebService.asmx' })).toEqual([{
        modernGovMeetingId: '4967', where: GET_4967(),
        why: 'The site redirected (HTTP 302) to /mgLogin.aspx?ReturnUrl=%2fmgWebService.asmx: a login page, so it refuses scripted clients or needs signing in.',
      }]);
    });

    it('truncated XML', async () => {
      const failed = await failingWith({ xml: GET_MEETING.slice(0, GET_MEETING.indexOf('<attendees>')) });
      expect(failed).toHaveLength(1);
      expect(failed[0]!.where).toMatch(new RegExp(`^${GET_4967().replace(/[.?]/g, '\\$&')} \\(line \\d+, column \\d+\\)$`));
      expect(failed[0]!.why).toMatch(/^The answer is not well-formed XML: /);
    });

    it('a stall (the site never answers), ended by the configured time limit', async () => {
      const started = Date.now();
      expect(await failingWith({ stall: true }, { timeoutMs: 300 })).toEqual([{
        modernGovMeetingId: '4967', where: GET_4967(), why: 'No complete answer within 300 ms (the site stalled or is slow). (after 3 tries)',
      }]);
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('a committee whose meeting list fails is recorded as such, its meetings left as they were', async () => {
      await sync();
      const before = await storedCounts(store);
      standIn.answer('GetMeetings?144', { status: 503 });
      later(15);
      const run = await sync();
      expect(run).toMatchObject({ meetingsSeen: 0, imported: 0, unchanged: 0 });
      expect(run.failed).toEqual([{ where: expect.stringContaining('/mgWebService.asmx/GetMeetings?lCommitteeId=144'), why: 'The site answered HTTP 503. (after 3 tries)' }]);
      expect(await storedCounts(store)).toEqual(before);
    });
  });

  it('writes nothing on a dry run, and says what it would do', async () => {
    const result = await syncModernGov({ dryRun: true, holder: 'cli' }, { store, pages, site: site(), now: () => clock });
    expect(result.ran && result.runs.map((r) => [r.meetingsSeen, r.imported, r.unchanged, r.failed, r.dryRun])).toEqual([[2, 2, 0, [], true]]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
    expect(await store.sync.listRuns()).toEqual([]);
    expect(await store.sync.getMeeting('audit', '4967')).toBeUndefined();
  });

  it('syncs on one instance at a time: a second one asking at once does nothing', async () => {
    const [a, b] = await Promise.all([
      syncModernGov({ dryRun: false, holder: 'instance-a' }, { store, pages, site: site({ requestGapMs: 50 }), now: () => new Date() }),
      syncModernGov({ dryRun: false, holder: 'instance-b' }, { store, pages, site: site({ requestGapMs: 50 }), now: () => new Date() }),
    ]);
    const ran = [a, b].filter((r) => r.ran);
    const skipped = [a, b].filter((r) => !r.ran);
    expect(ran).toHaveLength(1);
    expect(skipped).toEqual([{ ran: false, heldBy: a.ran ? 'instance-a' : 'instance-b', until: expect.any(String) }]);
    expect(standIn.requests).toHaveLength(3);
    for (let i = 1; i < standIn.requests.length; i += 1) expect(standIn.requests[i]!.at - standIn.requests[i - 1]!.at).toBeGreaterThanOrEqual(45);
    expect((await storedCounts(store)).meetings).toBe(2);
  });
});
