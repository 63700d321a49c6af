import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Committee } from '../../src/domain';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { storedCounts } from '../services/import-test-store';
import { startTestApp, type TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
const MAX_BODY_BYTES = 65_536;
const MODERNGOV = path.resolve(__dirname, '../fixtures/moderngov');
const page = (name: string): Buffer => readFileSync(path.join(MODERNGOV, name));
const xml = (name: string): Buffer => readFileSync(path.join(__dirname, '../fixtures/moderngov-xml', name));

const MELTON = page('melton_cabinet_agenda_item_community_safety.txt');
const MELTON_URL = 'https://democracy.melton.gov.uk/mgAi.aspx?ID=17241';
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** The demo council seeds these; every assertion on what an import stored is relative to them. */
const DEMO_COUNTS = { agendaItems: 5, decisions: 2, meetings: 4 };

const POLICY: Committee = { id: 'policy', name: 'Policy Committee', kind: 'other', callInWorkingDays: 5 };
const HOMES: Committee = { id: 'homes-director', name: 'Service Director - Homes & Neighbourhoods', kind: 'other', callInWorkingDays: 0 };

type Json = Record<string, unknown>;
interface Answer { status: number; contentType: string | null; body: Json }

describe('POST /api/v1/imports through HTTP, on the demo council', () => {
  let app: TestApp;
  /** A second handle on the app's embedded store: what a restart (or the CLI) would see. */
  let store: Store;

  beforeEach(async () => {
    app = await startTestApp({ OFFICER_API_TOKEN: OFFICER_TOKEN, MAX_BODY_BYTES: String(MAX_BODY_BYTES) }, { seed: (s) => seedDemoCouncil(s, new Date()) });
    store = createEmbeddedStore({ dataDir: app.dataDir });
  });
  afterEach(async () => {
    await store.close();
    await app.stop();
  });

  const post = async (body: string | Buffer, contentType: string | undefined, query = '', headers: Record<string, string> = { authorization: `Bearer ${OFFICER_TOKEN}` }): Promise<Answer> => {
    const res = await fetch(`${app.url}/api/v1/imports${query}`, {
      method: 'POST',
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as Json };
  };

  describe('each ModernGov page kind', () => {
    it('imports the Melton agenda-item text page: 201, the item, the non-key decision with its outcomes, the year warning', async () => {
      const res = await post(MELTON, 'text/plain; charset=utf-8', `?sourceUrl=${encodeURIComponent(MELTON_URL)}`);

      expect(res.status).toBe(201);
      expect(res.contentType).toBe('application/json; charset=utf-8');
      expect(Object.keys(res.body)).toEqual(['agendaItem', 'decision', 'warnings', 'notifications']);
      // A past meeting's business: nothing for members to be told now.
      expect(res.body.notifications).toEqual({ planned: [] });
      const item = res.body.agendaItem as Json;
      expect(item).toEqual({
        id: expect.stringMatching(/^ai-[0-9a-f]{24}$/),
        committeeId: 'cabinet',
        title: 'Approval of the Community Safety Partnership Strategic Plan',
        titleAsPublished: 'APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN',
        summary: expect.stringMatching(/^The Portfolio Holder for Housing and Communities to submit a report .* long standing issues\.$/),
        portfolioHolder: 'Portfolio Holder for Housing and Communities',
        leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
        recommendations: [],
        documents: [],
        forDecision: true,
        exempt: false,
        source: { kind: 'moderngov-agenda-item', url: MELTON_URL, externalId: 'moderngov-agenda-item:17241', importedAt: ISO },
        history: [],
        createdAt: ISO,
        updatedAt: ISO,
      });
      const decision = res.body.decision as Json;
      expect(decision).toMatchObject({
        id: expect.stringMatching(/^dec-[0-9a-f]{24}$/),
        committeeId: 'cabinet',
        agendaItemId: item.id,
        title: 'Approval of the Community Safety Partnership Strategic Plan',
        decisionMaker: 'Cabinet',
        type: 'non-key',
        urgent: false,
        exempt: false,
        history: [],
      });
      expect(decision.outcomes).toEqual([
        {
          number: 1, verb: 'NOTED', status: 'noted',
          text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership',
        },
        {
          // The demo council's next Full Council meeting is the first one after the Cabinet decision.
          number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council', councilMeetingId: 'council-next',
          text: 'that the proposed Community Safety Strategy 2021-24 be approved.',
        },
      ]);
      expect(res.body.warnings).toEqual([{
        code: 'document-year-mismatch',
        where: 'summary (line 5); decision outcome 2 (line 17)',
        message: expect.stringContaining('"Community Safety Strategy" is named with different years: 2021-23'),
      }]);

      // Stored exactly as answered, seen through another connection to the file.
      expect(JSON.parse(JSON.stringify((await store.agendaItems.get('cabinet', item.id as string))?.value))).toEqual(item);
      expect(JSON.parse(JSON.stringify((await store.decisions.get('cabinet', decision.id as string))?.value))).toEqual(decision);
      expect(await storedCounts(store)).toEqual({ ...DEMO_COUNTS, agendaItems: DEMO_COUNTS.agendaItems + 1, decisions: DEMO_COUNTS.decisions + 1 });
    });

    it('imports the Policy Committee decision-details page once that committee exists', async () => {
      await store.committees.create(POLICY);
      const url = 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=7001';
      const res = await post(page('lgsf_modgov_decision_detail.html'), 'text/html', `?sourceUrl=${encodeURIComponent(url)}`);

      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['agendaItem', 'decision', 'warnings', 'notifications']);
      // A past meeting's business: nothing for members to be told now.
      expect(res.body.notifications).toEqual({ planned: [] });
      expect(res.body.agendaItem).toBeNull();
      expect(res.body.warnings).toEqual([]);
      expect(res.body.decision).toEqual({
        id: expect.stringMatching(/^dec-[0-9a-f]{24}$/),
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
        source: { kind: 'moderngov-decision', url, externalId: 'moderngov-decision:7001', importedAt: ISO },
        history: [],
        createdAt: ISO,
        updatedAt: ISO,
      });
      expect((await store.decisions.findBySource({ url }))?.value.committeeId).toBe('policy');
    });

    it('imports the officer decision page into the demo meeting named by meetingId (its committee wins)', async () => {
      const res = await post(page('lgsf_modgov_decision_detail_no_documents.html'), 'text/html; charset=utf-8', '?meetingId=cabinet-past');

      expect(res.status).toBe(201);
      expect(res.body.agendaItem).toBeNull();
      expect(res.body.warnings).toEqual([]);
      expect(res.body.decision).toMatchObject({
        committeeId: 'cabinet',
        meetingId: 'cabinet-past',
        title: 'To enable the Council\'s waste treatment contractor to consult on alternative processing arrangements',
        decisionMaker: 'Strategic Director for Environment',
        type: 'key',
        subjectToCallIn: true,
        purpose: 'To seek approval for alternative processing arrangements.',
        decidedOn: '2026-08-04',
        publishedOn: '2026-08-05',
        documents: [],
        // Published 2026-08-05: its call-in window has long closed.
        outcomes: [{
          number: 1, verb: 'DECIDED', status: 'effective',
          text: 'That approval be given to enable the contractor to consult on alternative processing arrangements, subject to employee consultation outcomes.',
        }],
      });
      expect(await storedCounts(store)).toEqual({ ...DEMO_COUNTS, decisions: DEMO_COUNTS.decisions + 1 });
    });

    it('imports the multi-paragraph officer decision under the committee of its decision maker', async () => {
      await store.committees.create(HOMES);
      const res = await post(page('lgsf_modgov_decision_multi_paragraph.html'), 'text/html');

      expect(res.status).toBe(201);
      expect(res.body.decision).toMatchObject({
        committeeId: 'homes-director',
        title: 'Appointment of contractor to demolish Holme Park Court',
        decisionMaker: 'Service Director - Homes & Neighbourhoods',
        type: 'non-key',
        subjectToCallIn: false,
        decidedOn: '2021-07-27',
        outcomes: [{
          number: 1, verb: 'DECIDED', status: 'effective',
          text: 'The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.\n\nThis decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.',
        }],
      });
      expect(res.body.decision).not.toHaveProperty('meetingId');
      expect(await storedCounts(store)).toEqual({ ...DEMO_COUNTS, decisions: DEMO_COUNTS.decisions + 1 });
    });

    it('imports a GetMeeting XML answer: the meeting and its three agenda items', async () => {
      const res = await post(xml('getmeeting_cabinet.xml'), 'application/xml');

      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['agendaItem', 'decision', 'warnings', 'meeting', 'agendaItems', 'notifications']);
      expect(res.body.agendaItem).toBeNull();
      expect(res.body.decision).toBeNull();
      const meeting = res.body.meeting as Json;
      expect(meeting).toEqual({
        id: expect.stringMatching(/^mtg-[0-9a-f]{24}$/), committeeId: 'cabinet', startsAt: '2021-10-12T15:30:00.000Z', status: 'held',
        venue: 'Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH',
        source: { kind: 'moderngov-meeting-xml', externalId: 'moderngov-meeting:2841', importedAt: ISO },
      });
      const items = res.body.agendaItems as Json[];
      expect(items.map((i) => [i.number, i.title, i.forDecision, i.exempt, (i.documents as unknown[]).length, i.meetingId])).toEqual([
        ['1', 'Apologies for Absence', false, false, 0, meeting.id],
        ['6', 'Approval of the Community Safety Partnership Strategic Plan', true, false, 2, meeting.id],
        ['9', 'Disposal of land at Snow Hill & Nottingham Street', true, true, 1, meeting.id],
      ]);
      expect(res.body.warnings).toEqual([{
        code: 'restricted-or-exempt', where: 'agenda item 3 (ModernGov id 17245)',
        message: 'The item is marked restricted (exempt); it will only be shown to the committee.',
      }]);
      expect((await store.meetings.get('cabinet', meeting.id as string))?.value.startsAt).toBe('2021-10-12T15:30:00.000Z');
      expect(await storedCounts(store)).toEqual({ agendaItems: DEMO_COUNTS.agendaItems + 3, decisions: DEMO_COUNTS.decisions, meetings: DEMO_COUNTS.meetings + 1 });
    });
  });

  describe('dry run and re-import', () => {
    /** The answer with the import's own timestamps taken out, to compare two imports made at different moments. */
    const withoutTimes = (body: Json): Json =>
      JSON.parse(JSON.stringify(body, (key, value: unknown) => (['importedAt', 'createdAt', 'updatedAt'].includes(key) ? '<time>' : value))) as Json;

    it('?dryRun=true answers 200 with the same body and stores nothing', async () => {
      const dry = await post(MELTON, 'text/plain', `?dryRun=true&sourceUrl=${encodeURIComponent(MELTON_URL)}`);
      expect(dry.status).toBe(200);
      expect(dry.contentType).toBe('application/json; charset=utf-8');
      expect(await storedCounts(store)).toEqual(DEMO_COUNTS);
      expect(await store.decisions.findBySource({ url: MELTON_URL })).toBeUndefined();
      expect(await store.agendaItems.findBySource({ url: MELTON_URL })).toBeUndefined();

      const real = await post(MELTON, 'text/plain', `?dryRun=false&sourceUrl=${encodeURIComponent(MELTON_URL)}`);
      expect(real.status).toBe(201);
      // The same, but for the notifications a real import plans (none here: the meeting is past).
      const { notifications, ...stored } = real.body;
      expect(withoutTimes(dry.body)).toEqual(withoutTimes(stored));
      expect(notifications).toEqual({ planned: [] });
      expect((dry.body.decision as Json).type).toBe('non-key');
      expect(await storedCounts(store)).toEqual({ ...DEMO_COUNTS, agendaItems: DEMO_COUNTS.agendaItems + 1, decisions: DEMO_COUNTS.decisions + 1 });
    });

    it('a dry run of a GetMeeting answer stores no meeting and no item', async () => {
      const dry = await post(xml('getmeeting_cabinet.xml'), 'application/xml', '?dryRun=true');
      expect(dry.status).toBe(200);
      expect((dry.body.agendaItems as unknown[]).length).toBe(3);
      expect(await storedCounts(store)).toEqual(DEMO_COUNTS);
    });

    it('a second import of the same source updates the same records and duplicates nothing', async () => {
      const query = `?sourceUrl=${encodeURIComponent(MELTON_URL)}`;
      const first = await post(MELTON, 'text/plain', query);
      expect(first.status).toBe(201);
      const firstDecision = first.body.decision as Json;

      // The same page again: nothing new, nothing changed.
      const same = await post(MELTON, 'text/plain', query);
      expect(same.status).toBe(201);
      expect(same.body).toEqual(first.body);

      // The council corrects the page: the same records are updated and keep what changed.
      const corrected = MELTON.toString('utf8').replace(/Community Safety Strategy 2021-24/g, 'Community Safety Strategy 2021-23');
      const second = await post(corrected, 'text/plain', query);
      expect(second.status).toBe(201);
      const decision = second.body.decision as Json;
      expect(decision.id).toBe(firstDecision.id);
      expect((second.body.agendaItem as Json).id).toBe((first.body.agendaItem as Json).id);
      expect(decision.createdAt).toBe(firstDecision.createdAt);
      expect((decision.outcomes as Json[])[1]!.text).toBe('that the proposed Community Safety Strategy 2021-23 be approved.');
      expect(decision.history).toEqual([{
        at: decision.updatedAt,
        by: 'local-officer',
        changes: [{ field: 'outcomes[1].text', from: 'that the proposed Community Safety Strategy 2021-24 be approved.', to: 'that the proposed Community Safety Strategy 2021-23 be approved.' }],
      }]);
      expect(second.body.warnings).toEqual([]);

      const stored = (await store.decisions.findBySource({ url: MELTON_URL }))!.value;
      expect(stored.id).toBe(firstDecision.id);
      expect(stored.outcomes[1]!.text).toBe('that the proposed Community Safety Strategy 2021-23 be approved.');
      expect(await storedCounts(store)).toEqual({ ...DEMO_COUNTS, agendaItems: DEMO_COUNTS.agendaItems + 1, decisions: DEMO_COUNTS.decisions + 1 });
    });

    it('importing the same GetMeeting answer twice keeps one meeting and three items', async () => {
      const first = await post(xml('getmeeting_cabinet.xml'), 'application/xml');
      const again = await post(xml('getmeeting_cabinet.xml'), 'text/xml');
      expect([first.status, again.status]).toEqual([201, 201]);
      expect((again.body.meeting as Json).id).toBe((first.body.meeting as Json).id);
      expect((again.body.agendaItems as Json[]).map((i) => i.id)).toEqual((first.body.agendaItems as Json[]).map((i) => i.id));
      expect(await storedCounts(store)).toEqual({ agendaItems: DEMO_COUNTS.agendaItems + 3, decisions: DEMO_COUNTS.decisions, meetings: DEMO_COUNTS.meetings + 1 });
    });
  });

  describe('refusals: problem+json that says what is wrong, and nothing stored', () => {
    const nul = Buffer.concat([Buffer.from('Cabinet agenda item'), Buffer.from([0x00, 0x01, 0x02]), Buffer.from('more')]);
    const notModernGov = '<html><head><title>Welcome</title></head><body><h1>Welcome to our council</h1></body></html>';

    it.each<[string, () => string | Buffer, string | undefined, string, number, string]>([
      ['an empty body', () => '', 'text/plain', '', 422, 'The body is empty: send the page to import.'],
      ['an unsupported content type', () => MELTON, 'application/pdf', '', 415,
        'Unsupported content type "application/pdf": send text/plain (an agenda-item page), text/html (a decision-details page) or application/xml (a GetMeeting answer).'],
      ['binary data (NUL bytes)', () => nul, 'text/plain', '', 422, 'The body is binary data (it contains NUL bytes), not a page of text.'],
      ['an HTML page that is not a ModernGov page', () => notModernGov, 'text/html', '', 422,
        'page: This HTML page ("Welcome") is not a ModernGov page: expected a decision-details page (ieDecisionDetails.aspx).'],
      ['a body over MAX_BODY_BYTES', () => 'x'.repeat(MAX_BODY_BYTES + 1), 'text/plain', '', 413,
        `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes. Split the page or raise MAX_BODY_BYTES.`],
      ['dryRun=maybe', () => MELTON, 'text/plain', '?dryRun=maybe', 400, 'The query parameter dryRun must be true or false.'],
      ['a decision page whose committee does not exist', () => page('lgsf_modgov_decision_detail.html'), 'text/html', '', 422,
        'No committee named Policy Committee. Create it first (PUT /api/v1/committees/policy-committee with {"name":"Policy Committee","kind":"other"}), or import again with ?createCommittee=true (cabinet-bot import --create-committee), which creates it as that; or pass meetingId (--meeting) naming a meeting you created with PUT /api/v1/meetings/{id}.'],
      ['an unknown meetingId', () => MELTON, 'text/plain', '?meetingId=no-such-meeting', 422,
        'No meeting no-such-meeting: check the meeting id, or leave it out to use the committee the page names.'],
      ['a relative sourceUrl', () => MELTON, 'text/plain', '?sourceUrl=mgAi.aspx%3FID%3D1', 422, 'sourceUrl: Invalid url'],
    ])('refuses %s', async (_name, body, contentType, query, status, detail) => {
      const res = await post(body(), contentType, query);
      expect(res.status).toBe(status);
      expect(res.contentType).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toMatchObject({ type: 'about:blank', status, detail, requestId: expect.any(String) });
      expect(await storedCounts(store)).toEqual(DEMO_COUNTS);
    });

    it('refuses a body over MAX_BODY_BYTES sent without a Content-Length (streamed), with 413', async () => {
      const chunk = new TextEncoder().encode('y'.repeat(16_384));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= MAX_BODY_BYTES * 2) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await fetch(`${app.url}/api/v1/imports`, {
        method: 'POST', headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': 'text/plain' }, body: stream, duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(((await res.json()) as Json).detail).toContain(`limit of ${MAX_BODY_BYTES} bytes`);
      expect(await storedCounts(store)).toEqual(DEMO_COUNTS);
    });

    it('refuses a request without a token with 401, and a wrong token too, storing nothing', async () => {
      const none = await post(MELTON, 'text/plain', '', {});
      expect(none.status).toBe(401);
      expect(none.contentType).toBe('application/problem+json; charset=utf-8');
      expect(none.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Send an Authorization: Bearer <token> header.' });
      const wrong = await post(MELTON, 'text/plain', '', { authorization: 'Bearer not-the-token' });
      expect(wrong.status).toBe(401);
      expect(wrong.contentType).toBe('application/problem+json; charset=utf-8');
      expect(await storedCounts(store)).toEqual(DEMO_COUNTS);
    });
  });
});
