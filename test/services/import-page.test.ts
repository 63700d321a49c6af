import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../src/domain';
import { agendaItemExternalId, idFromSource, meetingExternalId } from '../../src/import/source-keys';
import { importPage, importResponseBody, type ImportPageInput } from '../../src/services/import-page';
import type { Store } from '../../src/store/port';
import {
  CABINET, CABINET_MEETING, COUNCIL, COUNCIL_MEETING, POLICY, openTestStore, storedCounts,
} from './import-test-store';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const FIXTURES = join(__dirname, '../fixtures/moderngov');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const xml = (name: string): Buffer => readFileSync(join(__dirname, '../fixtures/moderngov-xml', name));
const ITEM_PAGE = fixture('melton_cabinet_agenda_item_community_safety.txt');
const NOW = new Date('2026-11-26T10:00:00.000Z');
const AT = NOW.toISOString();

const input = (over: Partial<ImportPageInput> = {}): ImportPageInput => ({
  body: ITEM_PAGE, contentType: 'text/plain; charset=utf-8', dryRun: false, importedBy: 'officer-1', now: NOW, ...over,
});

let store: Store;
let dispose: () => Promise<void>;
const open = async (...args: Parameters<typeof openTestStore>): Promise<void> => {
  ({ store, dispose } = await openTestStore(...args));
};
afterEach(async () => dispose());

const REFUSAL_CABINET = 'No committee named Cabinet. Create it first (PUT /api/v1/committees/cabinet with {"name":"Cabinet","kind":"cabinet"}), '
  + 'or import again with ?createCommittee=true (cabinet-bot import --create-committee), which creates it as that; '
  + 'or pass meetingId (--meeting) naming a meeting you created with PUT /api/v1/meetings/{id}.';

/** The error an import fails with, for asserting its code and message. */
async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

describe('importPage: the agenda-item text page', () => {
  it('stores the item and its decision, with outcome statuses, and answers the officer API body', async () => {
    await open([CABINET, COUNCIL], [CABINET_MEETING, COUNCIL_MEETING]);
    const result = await importPage(input({ meetingId: CABINET_MEETING.id, sourceUrl: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=17241' }), { store, pages });

    expect(result.agendaItem).toEqual({
      id: expect.stringMatching(/^ai-[0-9a-f]{24}$/),
      committeeId: 'cabinet',
      meetingId: CABINET_MEETING.id,
      title: 'Approval of the Community Safety Partnership Strategic Plan',
      titleAsPublished: 'APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN',
      summary: 'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed Community Safety Strategy 2021-23, providing an overview of the issues impacting on communities across the borough and setting out how the Council and partner agencies seek to resolve long standing issues.',
      portfolioHolder: 'Portfolio Holder for Housing and Communities',
      leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
      recommendations: [],
      documents: [],
      forDecision: true,
      exempt: false,
      source: {
        kind: 'moderngov-agenda-item', url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=17241', externalId: 'moderngov-agenda-item:17241', importedAt: AT,
      },
      history: [],
      createdAt: AT,
      updatedAt: AT,
    });
    const decision = result.decision!;
    expect(decision).toMatchObject({
      id: expect.stringMatching(/^dec-[0-9a-f]{24}$/),
      committeeId: 'cabinet',
      agendaItemId: result.agendaItem!.id,
      meetingId: CABINET_MEETING.id,
      title: 'Approval of the Community Safety Partnership Strategic Plan',
      decisionMaker: 'Cabinet',
      type: 'non-key',
      urgent: false,
      decidedOn: '2021-06-16',
      exempt: false,
      history: [],
    });
    expect(decision.outcomes).toEqual([
      {
        number: 1, verb: 'NOTED', status: 'noted',
        text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership',
      },
      {
        number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council', councilMeetingId: COUNCIL_MEETING.id,
        text: 'that the proposed Community Safety Strategy 2021-24 be approved.',
      },
    ]);
    expect(decision.discussionPoints).toHaveLength(5);
    expect(decision.minutes).toHaveLength(6);
    expect(decision.reasons).toHaveLength(9);
    expect(result.warnings.map((w) => w.code)).toEqual(['document-year-mismatch']);
    expect(result.writes).toEqual([
      { record: 'agenda-item', id: result.agendaItem!.id, action: 'created' },
      { record: 'decision', id: decision.id, action: 'created' },
    ]);

    expect((await store.agendaItems.get('cabinet', result.agendaItem!.id))?.value).toEqual(result.agendaItem);
    expect((await store.decisions.get('cabinet', decision.id))?.value).toEqual(decision);
    expect(JSON.parse(JSON.stringify(importResponseBody(result)))).toEqual(JSON.parse(JSON.stringify({
      agendaItem: result.agendaItem, decision, warnings: result.warnings, notifications: { planned: [] },
    })));
  });

  it('finds the committee by the decision maker and warns when no Council meeting is known', async () => {
    await open([CABINET, COUNCIL]);
    const result = await importPage(input(), { store, pages });
    expect(result.committee.id).toBe('cabinet');
    expect(result.agendaItem?.meetingId).toBeUndefined();
    expect(result.decision?.outcomes[1]).toEqual({
      number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council', text: 'that the proposed Community Safety Strategy 2021-24 be approved.',
    });
    expect(result.warnings.find((w) => w.code === 'council-meeting-unknown')).toEqual({
      code: 'council-meeting-unknown',
      where: 'decision outcome 2 (line 17)',
      message: 'Outcome 2 is a recommendation to Council, but no meeting of Council is known after today: import or create it so members can see when Council decides.',
    });
    // Without a source URL the page's own content identifies it.
    expect(result.agendaItem?.source).toEqual({
      kind: 'moderngov-agenda-item', externalId: expect.stringMatching(/^moderngov-agenda-item:fingerprint:[0-9a-f]{24}$/), importedAt: AT,
    });
  });

  it('re-importing the same page changes nothing and duplicates nothing', async () => {
    await open([CABINET, COUNCIL]);
    const first = await importPage(input(), { store, pages });
    const again = await importPage(input({ now: new Date('2026-11-27T09:00:00.000Z') }), { store, pages });
    expect(again.writes.map((w) => w.action)).toEqual(['unchanged', 'unchanged']);
    expect(again.agendaItem).toEqual(first.agendaItem);
    expect(again.decision).toEqual(first.decision);
    expect(await storedCounts(store)).toEqual({ agendaItems: 1, decisions: 1, meetings: 0 });
  });

  it('re-importing a corrected page updates the same records and keeps what changed', async () => {
    await open([CABINET, COUNCIL]);
    const first = await importPage(input(), { store, pages });
    const corrected = ITEM_PAGE.toString('utf8').replace(/Community Safety Strategy 2021-24/g, 'Community Safety Strategy 2021-23');
    const later = new Date('2026-11-27T09:00:00.000Z');
    const second = await importPage(input({ body: corrected, now: later, importedBy: 'officer-2' }), { store, pages });

    expect(second.decision!.id).toBe(first.decision!.id);
    expect(second.writes.map((w) => w.action)).toEqual(['unchanged', 'updated']);
    expect(second.warnings.map((w) => w.code)).toEqual(['council-meeting-unknown']);
    const stored = (await store.decisions.get('cabinet', first.decision!.id))!.value;
    expect(stored.outcomes[1]!.text).toBe('that the proposed Community Safety Strategy 2021-23 be approved.');
    expect(stored.createdAt).toBe(AT);
    expect(stored.updatedAt).toBe(later.toISOString());
    expect(stored.history).toEqual([{
      at: later.toISOString(),
      by: 'officer-2',
      changes: [{
        field: 'outcomes[1].text',
        from: 'that the proposed Community Safety Strategy 2021-24 be approved.',
        to: 'that the proposed Community Safety Strategy 2021-23 be approved.',
      }],
    }]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 1, decisions: 1, meetings: 0 });
  });

  it('keeps an outcome status that moved on since the first import', async () => {
    await open([CABINET, COUNCIL]);
    const first = await importPage(input(), { store, pages });
    const read = (await store.decisions.get('cabinet', first.decision!.id))!;
    const decided = { ...read.value, outcomes: read.value.outcomes.map((o) => (o.number === 2 ? { ...o, status: 'approved-by-council' as const, councilDecisionId: 'dec-council-1' } : o)) };
    await store.decisions.replace(decided, read.etag);
    const again = await importPage(input(), { store, pages });
    expect(again.decision!.outcomes[1]).toMatchObject({ status: 'approved-by-council', councilDecisionId: 'dec-council-1' });
    expect(again.writes.map((w) => w.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('stores nothing on a dry run, and answers the same body', async () => {
    await open([CABINET, COUNCIL]);
    const dry = await importPage(input({ dryRun: true }), { store, pages });
    expect(dry.dryRun).toBe(true);
    expect(dry.writes.map((w) => w.action)).toEqual(['created', 'created']);
    expect(dry.decision?.type).toBe('non-key');
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
    const real = await importPage(input(), { store, pages });
    expect(real.decision).toEqual(dry.decision);
  });

  it('retries once when the record changed between reading and writing, keeping both changes', async () => {
    await open([CABINET, COUNCIL]);
    await importPage(input(), { store, pages });
    const replace = store.agendaItems.replace.bind(store.agendaItems);
    let interfered = false;
    // An officer edits the item at the moment the re-import writes: the import's ETag is then stale.
    store.agendaItems.replace = async (item, etag) => {
      if (!interfered) {
        interfered = true;
        const current = (await store.agendaItems.get(item.committeeId, item.id))!;
        await replace({ ...current.value, recommendations: ['Added by an officer'] }, current.etag);
      }
      return replace(item, etag);
    };
    const corrected = ITEM_PAGE.toString('utf8').replace('long standing issues.', 'long-standing issues.');
    const result = await importPage(input({ body: corrected }), { store, pages });
    expect(interfered).toBe(true);
    expect(result.writes[0]).toEqual({ record: 'agenda-item', id: result.agendaItem!.id, action: 'updated' });
    const stored = (await store.agendaItems.get('cabinet', result.agendaItem!.id))!.value;
    expect(stored.recommendations).toEqual(['Added by an officer']);
    expect(stored.summary).toContain('long-standing issues.');
  });
});

describe('importPage: refusals, with nothing stored', () => {
  it.each([
    ['an empty body', { body: Buffer.alloc(0) }, 'The body is empty: send the page to import.'],
    ['a blank body', { body: ' \n\u00a0\n' }, 'The body is empty: send the page to import.'],
    ['an unsupported content type', { contentType: 'application/pdf' },
      'Unsupported content type "application/pdf": send text/plain (an agenda-item page), text/html (a decision-details page) or application/xml (a GetMeeting answer).'],
    ['NUL bytes', { body: Buffer.from([0x41, 0x00, 0x42]) }, 'The body is binary data (it contains NUL bytes), not a page of text.'],
    ['invalid UTF-8', { body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x80]) },
      'The body is not valid UTF-8 text: is it a PDF, a Word file or another binary file? Save the page as text or HTML first.'],
    ['an unsupported charset', { contentType: 'text/plain; charset=shift_jis' }, 'Unsupported charset "shift_jis": send the page as UTF-8.'],
    ['an HTML page that is not ModernGov', { contentType: 'text/html', body: '<html><head><title>Welcome</title></head><body>Hi</body></html>' },
      'page: This HTML page ("Welcome") is not a ModernGov page: expected a decision-details page (ieDecisionDetails.aspx).'],
    ['a decisions list', { contentType: 'text/html', body: fixture('lgsf_modgov_officer_decisions_list.html') },
      'page: This is a ModernGov decisions list with 1 decision(s); import each decision\'s details page instead:\nAdmission of the Public: ieDecisionDetails.aspx?ID=13149'],
    ['an HTML error page sent as XML', { contentType: 'application/xml', body: xml('getmeeting_html_error_page.xml') },
      'line 1: The server answered with an HTML page ("403 - Forbidden: Access is denied.") instead of GetMeeting XML: the web service may be switched off, or it refused a scripted client.'],
    ['a relative source URL', { sourceUrl: 'mgAi.aspx?ID=1' }, 'sourceUrl: Invalid url'],
  ])('refuses %s', async (_, over, message) => {
    await open([CABINET]);
    const err = await failure(importPage(input(over as Partial<ImportPageInput>), { store, pages }));
    expect(err.code).toBe('invalid');
    expect(err.message).toBe(message);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });

  it('refuses a page whose committee does not exist', async () => {
    await open([COUNCIL]);
    const err = await failure(importPage(input(), { store, pages }));
    expect([err.code, err.message]).toEqual(['invalid', REFUSAL_CABINET]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });

  it('refuses an unknown meeting', async () => {
    await open([CABINET]);
    const err = await failure(importPage(input({ meetingId: 'no-such-meeting' }), { store, pages }));
    expect(err.message).toBe('No meeting no-such-meeting: check the meeting id, or leave it out to use the committee the page names.');
  });

  it('writes none of a GetMeeting answer whose meeting has no date', async () => {
    await open([CABINET]);
    const body = xml('getmeeting_cabinet.xml').toString('utf8').replace('<meetingdate>12/10/2021</meetingdate>', '');
    const err = await failure(importPage(input({ body, contentType: 'text/xml' }), { store, pages }));
    expect(err.message).toBe('The GetMeeting answer has no readable <meetingdate>: pass --meeting to import its items into a meeting you created.');
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });
});

describe('importPage: a new user\'s first import, on a store with no committees', () => {
  it('shows everything the page holds on a dry run, with a warning for the committee it does not know, and stores nothing', async () => {
    await open([]);
    const result = await importPage(input({ dryRun: true }), { store, pages });
    expect(result.dryRun).toBe(true);
    expect(result.committee).toEqual({ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 });
    expect(result.agendaItem?.title).toBe('Approval of the Community Safety Partnership Strategic Plan');
    expect(result.decision?.outcomes.map((o) => o.verb)).toEqual(['NOTED', 'RECOMMENDED']);
    expect(result.warnings.find((w) => w.code === 'committee-unknown')).toEqual({
      code: 'committee-unknown',
      where: 'committee',
      message: 'The bot has no committee named Cabinet. This dry run shows the page under committee cabinet ("Cabinet", kind cabinet), not stored; '
        + 'a real import is refused until it exists: create it with PUT /api/v1/committees/cabinet, or import with ?createCommittee=true (cabinet-bot import --create-committee).',
    });
    expect(result.writes.map((w) => [w.record, w.action])).toEqual([['committee', 'created'], ['agenda-item', 'created'], ['decision', 'created']]);
    expect(await store.committees.list()).toEqual([]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });

  it('refuses a real import naming the call that creates the committee, and stores nothing', async () => {
    await open([]);
    const err = await failure(importPage(input(), { store, pages }));
    expect([err.code, err.message]).toEqual(['invalid', REFUSAL_CABINET]);
    expect(await store.committees.list()).toEqual([]);
  });

  it('creates the committee the page names when asked, with the council\'s call-in period, then the records under it', async () => {
    await open([]);
    const result = await importPage(input({ createCommittee: true, defaultCallInWorkingDays: 3 }), { store, pages });
    expect(result.warnings.find((w) => w.code === 'committee-unknown')?.message).toBe(
      'The bot had no committee named Cabinet: the import creates committee cabinet ("Cabinet", kind cabinet); change it later with PUT /api/v1/committees/cabinet.');
    expect(await store.committees.list()).toEqual([{ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 3 }]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 1, decisions: 1, meetings: 0 });
    expect((await store.agendaItems.findById(result.agendaItem!.id))?.value.committeeId).toBe('cabinet');
    // Once it exists, the next import finds it: no warning, nothing created twice.
    const again = await importPage(input({ createCommittee: true }), { store, pages });
    expect(again.warnings.map((w) => w.code)).not.toContain('committee-unknown');
    expect(again.writes.map((w) => w.record)).not.toContain('committee');
    // A committee opens exempt business to its members: who created it, and how, is on the audit log, once.
    const log = await store.audit.list({}, undefined, 10);
    expect(log.items.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['committee.created', { id: 'officer-1', via: 'api' }, { kind: 'committee', id: 'cabinet', label: 'Cabinet' }],
    ]);
  });
});

describe('importPage: decision-details HTML', () => {
  it('imports the Policy Committee decision with its meeting date, status and absolute document link', async () => {
    await open([POLICY]);
    const result = await importPage(input({
      body: fixture('lgsf_modgov_decision_detail.html'), contentType: 'text/html; charset=utf-8',
      sourceUrl: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=7001',
    }), { store, pages });
    expect(result.agendaItem).toBeNull();
    expect(result.warnings).toEqual([]);
    expect(result.decision).toEqual({
      id: expect.stringMatching(/^dec-/),
      committeeId: 'policy',
      title: 'Minutes of Previous Meeting',
      decisionMaker: 'Policy Committee',
      type: 'non-key',
      subjectToCallIn: false,
      urgent: false,
      outcomes: [{ number: 1, verb: 'DECIDED', status: 'effective', text: 'The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record.' }],
      reasons: [],
      alternatives: [],
      publishedStatus: 'Recommendations Approved',
      minutes: [],
      discussionPoints: [],
      decidedOn: '2015-10-19',
      publishedOn: '2015-10-22',
      documents: [{ title: 'polc2 - 23.09.2015', url: 'https://democracy.example.gov.uk/documents/s7942/polc2%20-%2023.09.2015.pdf', restricted: false }],
      exempt: false,
      source: { kind: 'moderngov-decision', url: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=7001', externalId: 'moderngov-decision:7001', importedAt: AT },
      history: [],
      createdAt: AT,
      updatedAt: AT,
    });
  });

  it('places an officer decision through the meeting named, and opens call-in when published and subject to it', async () => {
    await open([CABINET], [CABINET_MEETING]);
    const body = fixture('lgsf_modgov_decision_detail_no_documents.html');
    const during = await importPage(input({ body, contentType: 'text/html', meetingId: CABINET_MEETING.id, now: new Date('2026-08-06T09:00:00Z'), dryRun: true }), { store, pages });
    expect(during.decision).toMatchObject({
      committeeId: 'cabinet', meetingId: CABINET_MEETING.id, decisionMaker: 'Strategic Director for Environment', type: 'key', subjectToCallIn: true,
      purpose: 'To seek approval for alternative processing arrangements.', publishedOn: '2026-08-05', decidedOn: '2026-08-04',
    });
    expect(during.decision!.outcomes.map((o) => o.status)).toEqual(['call-in-open']);
    const after = await importPage(input({ body, contentType: 'text/html', meetingId: CABINET_MEETING.id }), { store, pages });
    expect(after.decision!.outcomes.map((o) => o.status)).toEqual(['effective']);
  });
});

describe('importPage: a decision page by its own ID and by its agenda item (AIId) is one record', () => {
  const SITE = 'https://democracy.example.gov.uk';
  const BY_ID = `${SITE}/ieDecisionDetails.aspx?ID=7001`;
  const BY_ITEM = `${SITE}/ieDecisionDetails.aspx?AIId=9001`;
  const page = fixture('lgsf_modgov_decision_detail.html');
  /** The page's "Decided at meeting:" meeting (MID=4832) as a sync stores it, with the item the decision is on and another. */
  const meetingId = idFromSource('mtg', { externalId: meetingExternalId('4832') });
  const itemId = 'ai-minutes-of-previous-meeting';
  const seed = async (): Promise<void> => {
    await open([POLICY], [{ id: meetingId, committeeId: 'policy', startsAt: '2015-10-19T18:00:00.000Z', status: 'held', source: { kind: 'moderngov-meeting-xml', externalId: meetingExternalId('4832'), importedAt: AT } }]);
    for (const [id, title, aiid] of [[itemId, 'Minutes of Previous Meeting', '9001'], ['ai-other', 'Budget Monitoring', '9002']] as const) {
      await store.agendaItems.create({
        id, committeeId: 'policy', meetingId, number: aiid.slice(-1), title, titleAsPublished: title.toUpperCase(), summary: '', recommendations: [], documents: [],
        forDecision: true, exempt: false, source: { kind: 'moderngov-meeting-xml', externalId: agendaItemExternalId(aiid), importedAt: AT }, history: [], createdAt: AT, updatedAt: AT,
      });
    }
  };
  const decisions = async () => (await store.decisions.listAll(undefined, 100)).items;
  const html = (sourceUrl: string, over: Partial<ImportPageInput> = {}) =>
    importPage(input({ body: page, contentType: 'text/html', sourceUrl, ...over }), { store, pages });

  it('imported by AIId (as the sync does) and then by ID: the ID page finds the record through its meeting and title, and updates it', async () => {
    await seed();
    const first = await html(BY_ITEM, { agendaItemId: itemId, committeeId: 'policy' });
    const second = await html(BY_ID);
    expect(second.decision!.id).toBe(first.decision!.id);
    expect(second.decision!.agendaItemId).toBe(itemId);
    const third = await html(BY_ITEM, { agendaItemId: itemId, committeeId: 'policy' });
    expect(third.decision!.id).toBe(first.decision!.id);
    expect(await decisions()).toHaveLength(1);
    // Re-imported by its ID again: found by the ModernGov decision id it now holds.
    expect((await html(BY_ID)).writes.find((w) => w.record === 'decision')).toEqual({ record: 'decision', id: first.decision!.id, action: 'unchanged' });
  });

  it('imported by ID first: tied to its agenda item at once, so the sync\'s AIId import updates it rather than adding a second', async () => {
    await seed();
    const first = await html(BY_ID);
    expect(first.decision!.agendaItemId).toBe(itemId);
    expect(first.decision!.meetingId).toBe(meetingId);
    const second = await html(BY_ITEM, { agendaItemId: itemId, committeeId: 'policy' });
    expect(second.decision!.id).toBe(first.decision!.id);
    expect(second.decision!.source).toMatchObject({ url: BY_ID, externalId: 'moderngov-decision:7001' });
    expect(await decisions()).toHaveLength(1);
  });

  it('ties nothing by guess: with two items of that title in the meeting, the ID page is a decision of its own, not tied to either', async () => {
    await seed();
    const other = (await store.agendaItems.get('policy', 'ai-other'))!;
    await store.agendaItems.replace({ ...other.value, title: 'Minutes of previous  meeting' }, other.etag);
    const result = await html(BY_ID);
    expect(result.decision!.agendaItemId).toBeUndefined();
  });
});

describe('importPage: GetMeeting XML', () => {
  const SERVICE = 'https://democracy.melton.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=2841';

  it('records the meeting and one agenda item per item, and a later item page updates the same item', async () => {
    await open([CABINET, COUNCIL]);
    const result = await importPage(input({ body: xml('getmeeting_cabinet.xml'), contentType: 'application/xml', sourceUrl: SERVICE }), { store, pages });
    expect(result.meeting).toEqual({
      id: expect.stringMatching(/^mtg-/), committeeId: 'cabinet', startsAt: '2021-10-12T15:30:00.000Z', status: 'held',
      venue: 'Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH',
      source: { kind: 'moderngov-meeting-xml', url: SERVICE, externalId: 'moderngov-meeting:2841', importedAt: AT },
    });
    expect(result.agendaItem).toBeNull();
    expect(result.decision).toBeNull();
    expect(result.agendaItems.map((i) => [i.number, i.title, i.forDecision, i.exempt, i.documents.length, i.meetingId])).toEqual([
      ['1', 'Apologies for Absence', false, false, 0, result.meeting!.id],
      ['6', 'Approval of the Community Safety Partnership Strategic Plan', true, false, 2, result.meeting!.id],
      ['9', 'Disposal of land at Snow Hill & Nottingham Street', true, true, 1, result.meeting!.id],
    ]);
    expect(result.agendaItems[2]!.documents).toEqual([{ title: 'Exempt appendix: valuation', url: 'https://democracy.melton.gov.uk/documents/s21950/Valuation.pdf', restricted: true }]);
    expect(result.warnings.map((w) => [w.code, w.where])).toEqual([['restricted-or-exempt', 'agenda item 3 (ModernGov id 17245)']]);
    expect(Object.keys(importResponseBody(result))).toEqual(['agendaItem', 'decision', 'warnings', 'meeting', 'agendaItems', 'notifications']);

    const again = await importPage(input({ body: xml('getmeeting_cabinet.xml'), contentType: 'application/xml', sourceUrl: SERVICE }), { store, pages });
    expect(again.writes.map((w) => w.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);

    const page = await importPage(input({ sourceUrl: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=17241' }), { store, pages });
    expect(page.agendaItem!.id).toBe(result.agendaItems[1]!.id);
    expect(page.agendaItem!.meetingId).toBe(result.meeting!.id);
    expect(page.agendaItem!.documents).toHaveLength(2); // the item page lists none: the web service's are kept
    expect(page.agendaItem!.history[0]!.changes.map((c) => c.field)).toEqual([
      'summary', 'source.kind', 'source.url', 'portfolioHolder', 'leadOfficer',
    ]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 3, decisions: 1, meetings: 1 });
  });
});

describe('importPage: the real GetMeeting answer (Manchester), which names no committee', () => {
  const AUDIT = { id: 'audit', name: 'Audit Committee', kind: 'other' as const, callInWorkingDays: 5, externalId: '144' };
  const SERVICE = 'https://democracy.manchester.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4967';
  const BEFORE = new Date('2026-02-01T09:00:00.000Z');
  const manchester = (over: Partial<ImportPageInput> = {}): ImportPageInput =>
    input({ body: fixture('lgsf_webservice_getmeeting.xml'), contentType: 'application/xml', sourceUrl: SERVICE, now: BEFORE, ...over });

  it('is refused without the committee it was listed under, saying how to give it, and stores nothing', async () => {
    await open([CABINET, AUDIT]);
    const err = await failure(importPage(manchester(), { store, pages }));
    expect(err.message).toBe('The page names no decision maker or committee: pass --committee (committeeId) or --meeting (meetingId) to say where it belongs.');
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
  });

  it('imports under the committee given: meeting, items as plain text, documents with dates, the agenda published once', async () => {
    await open([CABINET, AUDIT]);
    const result = await importPage(manchester({ committeeId: 'audit' }), { store, pages });
    expect(result.meeting).toEqual({
      id: expect.stringMatching(/^mtg-/), committeeId: 'audit', startsAt: '2026-02-10T10:00:00.000Z', status: 'scheduled',
      venue: 'Council Antechamber, Level 2, Town Hall Extension', agendaPublishedAt: BEFORE.toISOString(),
      source: { kind: 'moderngov-meeting-xml', url: SERVICE, externalId: 'moderngov-meeting:4967', importedAt: BEFORE.toISOString() },
    });
    expect(result.agendaItems.map((i) => ({
      number: i.number, title: i.title, summary: i.summary, minutes: i.minutes, exempt: i.exempt, forDecision: i.forDecision, documents: i.documents,
      committeeId: i.committeeId, meetingId: i.meetingId, source: i.source,
    }))).toEqual([
      {
        number: '1', title: 'Minutes', exempt: false, forDecision: false, committeeId: 'audit', meetingId: result.meeting!.id,
        summary: 'To approve as a correct record the minutes of the meeting held on 25 November 2025.',
        minutes: 'To approve the minutes of the meeting held on 25 November 2025 as a correct record.',
        documents: [{ title: '6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860', restricted: false, publishedOn: '2026-02-02' }],
        source: { kind: 'moderngov-meeting-xml', externalId: 'moderngov-agenda-item:18831', importedAt: BEFORE.toISOString() },
      },
      {
        number: '9', title: 'Work Programme', exempt: false, forDecision: false, committeeId: 'audit', meetingId: result.meeting!.id,
        summary: 'The report of the Governance and Scrutiny Support Unit, attached.',
        minutes: 'The Committee considered a report of the Governance and Scrutiny Support Unit which set out its future Work Programme for the remainder of 2025/26 municipal year.',
        documents: [{ title: 'DRAFT WP FEBRUARY 2026', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909', restricted: false, publishedOn: '2026-02-02' }],
        source: { kind: 'moderngov-meeting-xml', externalId: 'moderngov-agenda-item:18833', importedAt: BEFORE.toISOString() },
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.notifications.planned.filter((n) => n.kind === 'meeting-digest')).toHaveLength(1);

    const later = new Date(BEFORE.getTime() + 3_600_000);
    const again = await importPage(manchester({ committeeId: 'audit', now: later }), { store, pages });
    expect(again.writes.map((w) => w.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.meeting!.agendaPublishedAt).toBe(BEFORE.toISOString());
    expect((await store.notifications.listRecent(undefined, 100)).items.filter((n) => n.kind === 'meeting-digest')).toHaveLength(1);
  });

  it('marks a meeting ModernGov cancelled, and one it postpones; a meeting listed again as going ahead is scheduled again', async () => {
    await open([AUDIT]);
    const cancelled = await importPage(manchester({ committeeId: 'audit', body: fixture('lgsf_webservice_getmeeting_cancelled.xml') }), { store, pages });
    expect([cancelled.meeting!.status, cancelled.meeting!.agendaPublishedAt, cancelled.agendaItems]).toEqual(['cancelled', undefined, []]);
    const postponedXml = fixture('lgsf_webservice_getmeeting.xml').toString('utf8').replace('<meetingstatus>Confirmed</meetingstatus>', '<meetingstatus>Postponed</meetingstatus>');
    const postponed = await importPage(manchester({ committeeId: 'audit', body: postponedXml }), { store, pages });
    expect(postponed.meeting!.status).toBe('postponed');
    expect(postponed.notifications.planned.filter((n) => n.kind === 'meeting-digest')).toEqual([]);
    const goingAhead = await importPage(manchester({ committeeId: 'audit' }), { store, pages });
    expect(goingAhead.meeting!.status).toBe('scheduled');
  });

  it('refuses an unknown committee id', async () => {
    await open([AUDIT]);
    const err = await failure(importPage(manchester({ committeeId: 'nope' }), { store, pages }));
    expect(err.message).toBe('No committee nope: check the committee id.');
  });

  it('marks an item gone from the published agenda withdrawn, never deleting it, and takes it back when it is listed again', async () => {
    await open([AUDIT]);
    const first = await importPage(manchester({ committeeId: 'audit' }), { store, pages });
    const workProgramme = first.agendaItems[1]!;
    const withoutIt = fixture('lgsf_webservice_getmeeting.xml').toString('utf8').replace(/<agendaitem>\s*<agendaitemid>18833<\/agendaitemid>[\s\S]*?<\/agendaitem>/, '');
    const later = new Date(BEFORE.getTime() + 60_000);
    const second = await importPage(manchester({ committeeId: 'audit', body: withoutIt, now: later }), { store, pages });
    expect(second.agendaItems.map((i) => i.id)).toEqual([first.agendaItems[0]!.id]);
    expect(second.warnings).toEqual([{
      code: 'agenda-item-withdrawn', where: `agenda item 9 (${workProgramme.id})`,
      message: '"Work Programme" is no longer on the published agenda: it is marked withdrawn, not deleted.',
    }]);
    expect(second.writes).toContainEqual({ record: 'agenda-item', id: workProgramme.id, action: 'updated' });
    const stored = (await store.agendaItems.get('audit', workProgramme.id))!.value;
    expect(stored.withdrawnAt).toBe(later.toISOString());
    expect(stored.history.at(-1)).toEqual({ at: later.toISOString(), by: 'officer-1', changes: [{ field: 'withdrawnAt', to: later.toISOString() }] });
    expect(await storedCounts(store)).toEqual({ agendaItems: 2, decisions: 0, meetings: 1 });

    const third = await importPage(manchester({ committeeId: 'audit', body: withoutIt, now: new Date(later.getTime() + 60_000) }), { store, pages });
    expect(third.warnings).toEqual([]);
    const back = await importPage(manchester({ committeeId: 'audit', now: new Date(later.getTime() + 120_000) }), { store, pages });
    expect(back.agendaItems[1]!.withdrawnAt).toBeUndefined();
    expect((await store.agendaItems.get('audit', workProgramme.id))!.value.withdrawnAt).toBeUndefined();
  });
});

