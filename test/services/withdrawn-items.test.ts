import { buildAcknowledgementReportView } from '../../src/cards/acknowledgement-report-card';
import { buildAgendaItemView, renderAgendaItemCard } from '../../src/cards/agenda-item-card';
import { buildLinkPreviewView } from '../../src/cards/link-preview-card';
import { buildMeetingDigestView, renderMeetingDigestCard } from '../../src/cards/meeting-digest-card';
import { buildSearchResultPreview } from '../../src/cards/search-result-preview';
import { buildSearchResultsView } from '../../src/cards/search-results-card';
import { isWithdrawn, itemsToRead, type AgendaItem, type Member, type Viewer } from '../../src/domain';
import { exemptViews } from '../../src/services/audit/exempt-views';
import { acknowledgementReport } from '../../src/services/conversation/acknowledgement-report';
import { listPendingItems } from '../../src/services/conversation/list-pending-items';
import { remindOutstanding } from '../../src/services/conversation/remind-outstanding';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { allDeliveries } from '../../src/services/notifications/notification-report';
import { prepareNotification } from '../../src/services/notifications/prepare-notification';
import { pushNotification } from '../../src/services/notifications/push-notification';
import { itemAcknowledgements } from '../../src/services/records/item-acknowledgements';
import { meetingAcknowledgements, meetingAcknowledgementsCsv } from '../../src/services/records/meeting-acknowledgements';
import { SearchIndex } from '../../src/services/search';
import { undecidedText } from '../../src/teams/commands/status';
import type { Store } from '../../src/store/port';
import { openTestStore } from './import-test-store';

const NOW = new Date('2026-11-03T10:00:00.000Z');
const WITHDRAWN_ID = 'item-safer-streets';
const WORDS = 'Withdrawn from the agenda';

/** Every text a card shows, in one string. */
const textsOf = (card: unknown): string => JSON.stringify(card);

describe('a withdrawn item is shown as withdrawn, and asks nobody to read it', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let withdrawn: AgendaItem;
  const memberOf = async (id: string): Promise<Member> => (await store.members.get(id))!.value;
  const viewerOf = async (id: string): Promise<Viewer> => ({ member: await memberOf(id), where: 'personal' });
  const deps = () => ({ store, now: () => NOW, search: new SearchIndex(store), views: exemptViews(store.audit, { now: () => NOW, onNotRecorded: (error: unknown) => { throw error; } }) });

  beforeEach(async () => {
    ({ store, dispose } = await openTestStore([]));
    await seedDemoCouncil(store, NOW);
    const current = (await store.agendaItems.get(DEMO_IDS.cabinet, WITHDRAWN_ID))!;
    withdrawn = (await store.agendaItems.replace({ ...current.value, withdrawnAt: '2026-11-02T09:00:00.000Z' }, current.etag)).value;
  });
  afterEach(() => dispose());

  it('is one rule in the domain', () => {
    expect(isWithdrawn(withdrawn)).toBe(true);
    expect(isWithdrawn({ ...withdrawn, withdrawnAt: undefined })).toBe(false);
    expect(itemsToRead([withdrawn, { ...withdrawn, id: 'x', withdrawnAt: undefined }]).map((i) => i.id)).toEqual(['x']);
  });

  it('the meeting digest lists it marked in words and leaves it out of the counts', async () => {
    const items = await store.agendaItems.listByMeeting(DEMO_IDS.cabinet, DEMO_IDS.nextCabinet);
    const meeting = (await store.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.nextCabinet))!.value;
    const committee = (await store.committees.get(DEMO_IDS.cabinet))!.value;
    const view = buildMeetingDigestView({ meeting, committee, items, myAcknowledgements: [] });
    const row = view.items.find((i) => i.agendaItemId === WITHDRAWN_ID)!;
    expect(row.withdrawnText).toBe(`✖️ ${WORDS}`);
    expect(view.items.filter((i) => i.withdrawnText !== '')).toHaveLength(1);
    const onAgenda = items.length - 1;
    expect(view.acknowledgedText).toBe(`You have acknowledged 0 of ${onAgenda} items`);
    expect(view.forDecisionText).toMatch(new RegExp(`of ${onAgenda} items`));
    expect(textsOf(renderMeetingDigestCard(view))).toContain(WORDS);
  });

  it('the item card says so in words, in the default colour, and offers no Acknowledge', async () => {
    const committee = (await store.committees.get(DEMO_IDS.cabinet))!.value;
    const view = buildAgendaItemView({ item: withdrawn, committee, now: NOW });
    expect(view.withdrawnText).toBe(`✖️ ${WORDS}`);
    const card = renderAgendaItemCard(view) as { body: Array<Record<string, unknown>>; actions?: Array<{ title: string }> };
    const block = card.body.find((b) => b.text === `✖️ ${WORDS}`);
    expect(block).toBeDefined();
    expect(block!.color).toBeUndefined();
    expect((card.actions ?? []).map((a) => a.title)).not.toContain('Acknowledge');
    const onAgenda = renderAgendaItemCard(buildAgendaItemView({ item: { ...withdrawn, withdrawnAt: undefined }, committee, now: NOW })) as { actions: Array<{ title: string }> };
    expect(onAgenda.actions.map((a) => a.title)).toContain('Acknowledge');
  });

  it('a search result, the compose-box preview and a link preview say withdrawn', async () => {
    const committee = (await store.committees.get(DEMO_IDS.cabinet))!.value;
    const hit = { kind: 'agenda-item' as const, item: withdrawn, committee };
    expect(buildSearchResultsView({ query: 'safer streets', hits: [hit] }).results[0]!.statusText).toContain(WORDS);
    expect(buildSearchResultPreview(hit).text).toContain(WORDS);
    expect(textsOf(buildLinkPreviewView({ hit }))).toContain(WORDS);
  });

  it('a status answer about it says it was withdrawn, not that it waits to be decided', () => {
    expect(undecidedText(withdrawn, undefined)).toMatch(/was withdrawn from the agenda/);
    expect(undecidedText({ ...withdrawn, withdrawnAt: undefined }, undefined)).toMatch(/has not been decided yet\.$/);
  });

  it('is never pending', async () => {
    const pending = await listPendingItems(await viewerOf(DEMO_PEOPLE.leader.id), deps());
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.map((d) => d.item.id)).not.toContain(WITHDRAWN_ID);
  });

  it('has nobody outstanding, on the Teams report, the record for the file and its CSV, and nobody is reminded', async () => {
    const officer = await viewerOf(DEMO_PEOPLE.democraticServices.id);
    const report = await acknowledgementReport({ committeeId: DEMO_IDS.cabinet, agendaItemId: WITHDRAWN_ID }, officer, deps());
    expect(report.audience.length).toBeGreaterThan(0);
    expect(report.outstanding).toEqual([]);
    const view = buildAcknowledgementReportView({ ...report.details, audience: report.audience, acknowledgements: report.acknowledgements, now: NOW });
    expect(view.outstandingCount).toBe('0');
    expect(view.countsText).toContain(WORDS);

    const reader = officer.member!;
    expect((await itemAcknowledgements(WITHDRAWN_ID, reader, store)).outstanding).toEqual([]);
    const meetingRecord = await meetingAcknowledgements(DEMO_IDS.nextCabinet, reader, store);
    const csv = meetingAcknowledgementsCsv(meetingRecord);
    expect(csv).toContain('(withdrawn)');

    const reminder = await remindOutstanding({ committeeId: DEMO_IDS.cabinet, agendaItemId: WITHDRAWN_ID }, officer, { ...deps(), notifications: { store, now: () => NOW } });
    expect(reminder.outstanding).toEqual([]);
    expect(reminder.notification).toBeUndefined();
  });

  it('a notification pushed or planned about it before it was withdrawn goes to nobody', async () => {
    const current = (await store.agendaItems.get(DEMO_IDS.cabinet, WITHDRAWN_ID))!;
    await store.agendaItems.replace({ ...current.value, withdrawnAt: undefined }, current.etag);
    const { notification } = await pushNotification({ agendaItemId: WITHDRAWN_ID }, { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } }, { store, now: () => NOW });
    expect(notification.recipients?.members.length).toBeGreaterThan(0);
    const again = (await store.agendaItems.get(DEMO_IDS.cabinet, WITHDRAWN_ID))!;
    await store.agendaItems.replace({ ...again.value, withdrawnAt: NOW.toISOString() }, again.etag);

    await prepareNotification((await store.notifications.get(notification.id))!, { store, now: () => NOW });
    expect(await allDeliveries(store, notification.id)).toEqual([]);
  });

  it("the meeting's reminder does not count it: a member who read everything else is not reminded", async () => {
    const councillor = await memberOf(DEMO_PEOPLE.leader.id);
    const items = await store.agendaItems.listByMeeting(DEMO_IDS.cabinet, DEMO_IDS.nextCabinet);
    for (const item of items.filter((i) => i.id !== WITHDRAWN_ID)) {
      await store.acknowledgements.create({ memberId: councillor.id, agendaItemId: item.id, committeeId: item.committeeId, acknowledgedAt: NOW.toISOString(), via: { channel: 'api' } });
    }
    const at = NOW.toISOString();
    await store.notifications.create({
      id: 'reminder-next-cabinet', kind: 'reminder', committeeId: DEMO_IDS.cabinet, subject: { meetingId: DEMO_IDS.nextCabinet },
      audience: { committeeIds: [DEMO_IDS.cabinet], memberIds: [], channelIds: [] }, resolveAudience: 'when-due', urgent: false, origin: 'schedule',
      sendAt: at, status: 'scheduled', prepared: false, createdBy: 'schedule', createdAt: at, updatedAt: at,
    });
    await prepareNotification((await store.notifications.get('reminder-next-cabinet'))!, { store, now: () => NOW });
    expect((await allDeliveries(store, 'reminder-next-cabinet')).map((d) => d.key)).not.toContain(councillor.id);
  });
});
