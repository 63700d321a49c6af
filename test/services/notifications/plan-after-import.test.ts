import { readFileSync } from 'node:fs';
import path from 'node:path';
import { callInClosesAt, type Decision, type Delivery, type Notification } from '../../../src/domain';
import { importPage } from '../../../src/services/import-page';
import { plannedNotificationId } from '../../../src/services/notifications/notification-ids';
import { planNotificationsAfterImport } from '../../../src/services/notifications/plan-after-import';
import type { Store } from '../../../src/store/port';
import { CABINET, openTestStore } from '../import-test-store';
import { inProcessPageReader as pages } from '../../support/in-process-page-reader';

const XML = readFileSync(path.resolve(__dirname, '../../fixtures/moderngov-xml/getmeeting_cabinet.xml'), 'utf8');
/** The fixture's meeting: Cabinet, Tue 12 October 2021, 4.30pm (BST). */
const MEETING_AT = '2021-10-12T15:30:00.000Z';
const BEFORE_THE_MEETING = new Date('2021-10-01T09:00:00.000Z');

const importXml = (store: Store, body: string, now = BEFORE_THE_MEETING) =>
  importPage({ body, contentType: 'application/xml', dryRun: false, importedBy: 'officer', now, sourceUrl: 'https://democracy.melton.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=2841' }, { store, pages });

const notificationsOf = async (store: Store): Promise<Notification[]> => {
  const all: Notification[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.notifications.listRecent(continuation, 100);
    all.push(...page.items);
    continuation = page.continuation;
  } while (continuation);
  return all.sort((a, b) => a.id.localeCompare(b.id));
};

/** A card about a subject that went out earlier: what "redraw the cards already sent" looks for. */
async function sentCard(store: Store, notificationId: string, subjectKeys: string[]): Promise<void> {
  await store.notifications.create({
    id: notificationId, kind: 'meeting-digest', committeeId: 'cabinet', subject: { meetingId: 'x' }, audience: { committeeIds: ['cabinet'], memberIds: [], channelIds: [] },
    resolveAudience: 'when-due', urgent: false, origin: 'schedule', sendAt: BEFORE_THE_MEETING.toISOString(), status: 'completed', prepared: true,
    createdBy: 'schedule', createdAt: BEFORE_THE_MEETING.toISOString(), updatedAt: BEFORE_THE_MEETING.toISOString(),
  });
  const delivery: Delivery = {
    notificationId, key: 'cllr-a', recipient: { kind: 'member', memberId: 'cllr-a', name: 'Cllr A' }, action: 'send', conversationId: 'a:chat-a',
    subjectKeys, status: 'sent', attempts: 1, faults: 0, activityId: '1:card-a', sentAt: BEFORE_THE_MEETING.toISOString(), updatedAt: BEFORE_THE_MEETING.toISOString(),
  };
  await store.notifications.createDelivery(delivery);
}

describe('notifications an import makes due', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await openTestStore([CABINET])));
  afterEach(() => dispose());

  it("publishing an upcoming meeting's agenda plans the agenda for the committee and a reminder 48 hours before, once however often it is imported", async () => {
    const first = await importXml(store, XML);
    const meetingId = first.meeting!.id;
    expect(first.notifications.problem).toBeUndefined();
    expect(first.notifications.planned.map((p) => [p.kind, p.status, p.sendAt])).toEqual([
      ['meeting-digest', 'scheduled', BEFORE_THE_MEETING.toISOString()],
      ['reminder', 'scheduled', '2021-10-10T15:30:00.000Z'],
    ]);
    const digest = (await store.notifications.get(plannedNotificationId(`agenda-published|${meetingId}`)))!.value;
    expect(digest).toMatchObject({ kind: 'meeting-digest', subject: { meetingId }, resolveAudience: 'when-due', origin: 'schedule', audience: { committeeIds: ['cabinet'] } });
    // The sender picks each up at its time.
    expect((await store.dueWork.listEarliest(10)).map((w) => [w.value.notificationId, w.value.dueAt])).toEqual([
      [digest.id, BEFORE_THE_MEETING.toISOString()],
      [plannedNotificationId(`reminder|${meetingId}`), '2021-10-10T15:30:00.000Z'],
    ]);

    // Imported again (a re-import, the sync seeing it again): nothing new is planned.
    const again = await importXml(store, XML, new Date('2021-10-02T09:00:00.000Z'));
    expect(again.notifications.planned).toEqual([]);
    expect((await notificationsOf(store)).map((n) => n.id).sort()).toEqual(first.notifications.planned.map((p) => p.id).sort());
  });

  it('holds the agenda for an officer\'s Send when the committee says so, and plans nothing when it is off', async () => {
    const held = await openTestStore([{ ...CABINET, notifications: { agendaPublished: 'hold', reminderHoursBefore: null } }]);
    try {
      const result = await importXml(held.store, XML);
      expect(result.notifications.planned.map((p) => [p.kind, p.status])).toEqual([['meeting-digest', 'held']]);
      expect(await held.store.dueWork.listEarliest(10)).toEqual([]); // nothing due until an officer sends it
    } finally {
      await held.dispose();
    }
    const off = await openTestStore([{ ...CABINET, notifications: { agendaPublished: 'off', reminderHoursBefore: null } }]);
    try {
      expect((await importXml(off.store, XML)).notifications.planned).toEqual([]);
    } finally {
      await off.dispose();
    }
  });

  it('plans nothing for a meeting that has already taken place', async () => {
    expect((await importXml(store, XML, new Date('2021-11-01T09:00:00.000Z'))).notifications.planned).toEqual([]);
  });

  it('an item added to an agenda already sent goes out on its own', async () => {
    await importXml(store, XML);
    const withNewItem = XML.replace('</agendaitems>', `<agendaitem><agendaitemid>17300</agendaitemid><agendaitemnumber>10</agendaitemnumber>
      <agendaitemtitle>URGENT ITEM: FLOOD RECOVERY GRANT</agendaitemtitle><isdecision>True</isdecision><linkeddocuments /></agendaitem></agendaitems>`);
    const result = await importXml(store, withNewItem, new Date('2021-10-05T09:00:00.000Z'));
    const added = result.agendaItems.find((i) => i.title.toLowerCase().includes('flood'))!;
    expect(result.notifications.planned.map((p) => [p.kind, p.id])).toEqual([['agenda-item', plannedNotificationId(`item-added|${added.id}`)]]);
  });

  it('a meeting moved: the waiting reminder moves with it; cards already sent are redrawn and a notice says what changed', async () => {
    const first = await importXml(store, XML);
    const meetingId = first.meeting!.id;
    await sentCard(store, 'n-earlier-digest', [`meeting:${meetingId}`]);
    const moved = XML.replace('<meetingtime>16:30</meetingtime>', '<meetingtime>18:00</meetingtime>').replace('Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH', 'Council Chamber, Parkside');
    const result = await importXml(store, moved, new Date('2021-10-04T09:00:00.000Z'));
    const kinds = result.notifications.planned.map((p) => p.kind).sort();
    expect(kinds).toEqual(['card-update', 'notice']);
    const reminder = (await store.notifications.get(plannedNotificationId(`reminder|${meetingId}`)))!.value;
    expect(reminder.sendAt).toBe('2021-10-10T17:00:00.000Z');
    expect((await store.dueWork.get(`notification-${reminder.id}`))!.value.dueAt).toBe('2021-10-10T17:00:00.000Z');
    const notice = result.notifications.planned.find((p) => p.kind === 'notice')!;
    expect((await store.notifications.get(notice.id))!.value.change).toEqual({
      kind: 'meeting-moved',
      from: { startsAt: MEETING_AT, venue: 'Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH' },
      to: { startsAt: '2021-10-12T17:00:00.000Z', venue: 'Council Chamber, Parkside' },
    });
  });

  it('a meeting postponed: its cards already sent are redrawn and those sent them are told once, however many syncs see it; the reminder is cancelled', async () => {
    const first = await importXml(store, XML);
    const meetingId = first.meeting!.id;
    await sentCard(store, 'n-earlier-digest', [`meeting:${meetingId}`]);
    const postponed = XML.replace('<meetingstatus>Published</meetingstatus>', '<meetingstatus>Postponed</meetingstatus>');
    const result = await importXml(store, postponed, new Date('2021-10-04T09:00:00.000Z'));
    expect(result.meeting!.status).toBe('postponed');
    expect(result.notifications.planned.map((p) => p.kind).sort()).toEqual(['card-update', 'notice']);
    const notice = result.notifications.planned.find((p) => p.kind === 'notice')!;
    expect((await store.notifications.get(notice.id))!.value.change).toEqual({ kind: 'meeting-postponed', startsAt: MEETING_AT });
    expect((await store.notifications.get(plannedNotificationId(`reminder|${meetingId}`)))!.value.status).toBe('cancelled');

    const noticesBefore = (await notificationsOf(store)).filter((n) => n.kind === 'notice').length;
    const again = await importXml(store, postponed.replace('Appendix A - Community Safety Strategy 2021-24', 'Appendix A - Community Safety Strategy 2021-24 (revised)'), new Date('2021-10-05T09:00:00.000Z'));
    expect(again.notifications.planned.filter((p) => p.kind === 'notice')).toEqual([]);
    expect((await notificationsOf(store)).filter((n) => n.kind === 'notice')).toHaveLength(noticesBefore);
  });

  it('a meeting postponed before anyone was sent its agenda: nobody is told (there is nothing to take back)', async () => {
    await importXml(store, XML.replace('<meetingstatus>Published</meetingstatus>', '<meetingstatus>Confirmed</meetingstatus>'));
    const result = await importXml(store, XML.replace('<meetingstatus>Published</meetingstatus>', '<meetingstatus>Postponed</meetingstatus>'), new Date('2021-10-04T09:00:00.000Z'));
    expect(result.notifications.planned.filter((p) => p.kind === 'notice')).toEqual([]);
  });

  it("an item's new papers: its cards already sent are redrawn, and members are told which papers are new", async () => {
    const first = await importXml(store, XML);
    const item = first.agendaItems.find((i) => i.number === '6')!;
    await sentCard(store, 'n-earlier-item', [`item:${item.id}`]);
    const withPaper = XML.replace('</linkeddoc>\n        </linkeddocuments>\n      </agendaitem>\n      <agendaitem>\n        <agendaitemid>17245', `</linkeddoc>
          <linkeddoc><title>Supplementary: Equality Impact Assessment</title><url>https://democracy.melton.gov.uk/documents/s22000/EIA.pdf</url><isrestricted>False</isrestricted></linkeddoc>
        </linkeddocuments>
      </agendaitem>
      <agendaitem>
        <agendaitemid>17245`);
    expect(withPaper).not.toBe(XML);
    const result = await importXml(store, withPaper, new Date('2021-10-06T09:00:00.000Z'));
    const updated = result.agendaItems.find((i) => i.id === item.id)!;
    const notice = result.notifications.planned.find((p) => p.kind === 'notice')!;
    expect(notice.id).toBe(plannedNotificationId(`notice|item|${item.id}|${updated.updatedAt}`));
    expect((await store.notifications.get(notice.id))!.value.change).toEqual({ kind: 'papers-added', titles: ['Supplementary: Equality Impact Assessment'] });
    expect(result.notifications.planned.filter((p) => p.kind === 'card-update')).toHaveLength(1);
  });

  describe('decisions', () => {
    const decision = (overrides: Partial<Decision> = {}): Decision => ({
      id: 'd-csp', committeeId: 'cabinet', title: 'Community Safety Partnership Strategic Plan', decisionMaker: 'Cabinet', type: 'non-key',
      decidedOn: '2021-10-12', publishedOn: '2021-10-13', reasons: [], alternatives: [], minutes: [], discussionPoints: [], documents: [], exempt: false, history: [],
      outcomes: [{ number: 1, verb: 'APPROVED', text: 'the plan', status: 'call-in-open', statusSince: '2021-10-13T09:00:00.000Z' }],
      createdAt: '2021-10-13T09:00:00.000Z', updatedAt: '2021-10-13T09:00:00.000Z',
      ...overrides,
    }) as Decision;
    const plan = (d: Decision, now: Date, committee = CABINET) =>
      planNotificationsAfterImport(
        { pageKind: 'decision-html', committee, meeting: null, agendaItems: [], decision: d, writes: [{ record: 'decision', id: d.id, action: 'created' }] },
        { store, now: () => now },
      );

    it('a decision just published: a notice now, and one when its call-in period closes (5pm on the fifth clear working day)', async () => {
      const result = await plan(decision(), new Date('2021-10-13T10:00:00.000Z'));
      expect(result.planned.map((p) => [p.kind, p.status, p.sendAt])).toEqual([
        ['decision-published', 'scheduled', '2021-10-13T10:00:00.000Z'],
        ['call-in-ended', 'scheduled', callInClosesAt('2021-10-13', 5)],
      ]);
      expect(callInClosesAt('2021-10-13', 5)).toBe('2021-10-20T16:00:00.000Z'); // Wed 20 October 2021, 5pm BST
    });

    it('holds the call-in notice for an officer when the committee says so; no call-in notice when none applies', async () => {
      const holding = { ...CABINET, notifications: { callInEnded: 'hold' as const } };
      const held = await plan(decision(), new Date('2021-10-13T10:00:00.000Z'), holding);
      expect(held.planned.map((p) => [p.kind, p.status])).toEqual([['decision-published', 'scheduled'], ['call-in-ended', 'held']]);
      const noted = await plan(decision({ id: 'd-noted', outcomes: [{ number: 1, verb: 'NOTED', text: 'the report', status: 'noted', statusSince: '2021-10-13T09:00:00.000Z' }] }), new Date('2021-10-13T10:00:00.000Z'));
      expect(noted.planned.map((p) => p.kind)).toEqual(['decision-published']);
    });

    it('an old decision imported for the record is not news', async () => {
      expect((await plan(decision(), new Date('2022-03-01T10:00:00.000Z'))).planned).toEqual([]);
    });
  });
});
