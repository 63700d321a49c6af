import type { ConversationRecord } from '../../../src/domain';
import { DEMO_PEOPLE } from '../../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import { allDeliveries, notificationReport } from '../../../src/services/notifications/notification-report';
import { prepareNotification } from '../../../src/services/notifications/prepare-notification';
import { pushNotification } from '../../../src/services/notifications/push-notification';
import { UNREACHABLE_ADVICE } from '../../../src/services/notifications/unreachable-advice';
import type { Store } from '../../../src/store/port';
import { openTestStore } from '../import-test-store';

const NOW = new Date('2026-11-03T10:00:00.000Z');

const personalChat = (id: string, memberId: string, reachable: boolean): ConversationRecord => ({
  id, kind: 'personal', memberId, reference: { serviceUrl: 'https://smba.example/teams/' }, reachable, updatedAt: NOW.toISOString(),
});

describe('prepareNotification: recording each recipient as a delivery', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore([]));
    await seedDemoCouncil(store, NOW);
  });
  afterEach(() => dispose());

  it('counts a member whose chat was closed on the bot as blocked, as a 403 at send time does, with the same reason and advice', async () => {
    // Alan Pearson blocked the bot when an earlier card was sent; Joe Orson has a chat; Margaret Glancy has none yet.
    await store.conversations.upsert(personalChat('a:chat-of-alan', DEMO_PEOPLE.housing.id, false));
    await store.conversations.upsert(personalChat('a:chat-of-joe', DEMO_PEOPLE.leader.id, true));
    const { notification } = await pushNotification(
      { agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.housing.id, DEMO_PEOPLE.leader.id, DEMO_PEOPLE.councillor.id] } },
      { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } },
      { store, now: () => NOW },
    );
    await prepareNotification((await store.notifications.get(notification.id))!, { store, now: () => NOW });

    const byMember = Object.fromEntries((await allDeliveries(store, notification.id)).map((d) => [d.key, [d.status, d.unreachable?.reason]]));
    expect(byMember).toEqual({
      [DEMO_PEOPLE.housing.id]: ['blocked', 'blocked'],
      [DEMO_PEOPLE.leader.id]: ['pending', undefined],
      [DEMO_PEOPLE.councillor.id]: ['pending', undefined],
    });
    const report = await notificationReport(notification.id, store);
    expect(report.counts).toMatchObject({ total: 3, pending: 2, blocked: 1, unreachable: 0 });
    expect(report.unreachable).toEqual([
      expect.objectContaining({
        name: 'Cllr Alan Pearson', status: 'blocked',
        unreachable: { reason: 'blocked', why: 'blocked or removed the bot', advice: UNREACHABLE_ADVICE.blocked },
      }),
    ]);
  });

  it('leaves a former member out of a committee push, and records one named in it as unreachable because they left', async () => {
    const housing = (await store.members.get(DEMO_PEOPLE.housing.id))!.value;
    // Their last day was yesterday in London: from today they are a former member.
    await store.members.replace({ ...housing, endsOn: '2026-11-03' }, (await store.members.get(housing.id))!.etag);

    const toCommittee = await pushNotification({ agendaItemId: 'item-safer-streets' }, { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } }, { store, now: () => NOW });
    expect(toCommittee.notification.recipients?.members.map((m) => m.id)).not.toContain(housing.id);

    const named = await pushNotification(
      { agendaItemId: 'item-safer-streets', audience: { memberIds: [housing.id, DEMO_PEOPLE.leader.id] } },
      { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } },
      { store, now: () => NOW },
    );
    await prepareNotification((await store.notifications.get(named.notification.id))!, { store, now: () => NOW });
    const byMember = Object.fromEntries((await allDeliveries(store, named.notification.id)).map((d) => [d.key, [d.status, d.unreachable?.reason]]));
    expect(byMember[housing.id]).toEqual(['unreachable', 'left']);
    expect(byMember[DEMO_PEOPLE.leader.id]?.[0]).toBe('pending');
    const report = await notificationReport(named.notification.id, store);
    expect(report.unreachable).toEqual([
      expect.objectContaining({ name: 'Cllr Alan Pearson', status: 'unreachable', unreachable: { reason: 'left', why: 'former member (end date reached)', advice: UNREACHABLE_ADVICE.left } }),
    ]);
  });

  it('refuses a push naming only former members, saying so', async () => {
    const housing = (await store.members.get(DEMO_PEOPLE.housing.id))!.value;
    await store.members.replace({ ...housing, endsOn: '2026-05-07' }, (await store.members.get(housing.id))!.etag);
    await expect(
      pushNotification({ agendaItemId: 'item-safer-streets', audience: { memberIds: [housing.id] } }, { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } }, { store, now: () => NOW }),
    ).rejects.toThrow(/Cllr Alan Pearson is a former member/);
  });
});
