import { DomainError } from '../../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE } from '../../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import type { NotificationDeps } from '../../../src/services/notifications/notification-deps';
import { pushNotification, type PushRequest } from '../../../src/services/notifications/push-notification';
import type { Store } from '../../../src/store/port';
import { openTestStore } from '../import-test-store';

const NOW = new Date('2026-11-03T10:00:00.000Z');
const OFFICER = { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } } as const;
const KEY = 'n-retried-push';

describe('pushNotification repeated with the same id (an Idempotency-Key retried)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let deps: NotificationDeps;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore([]));
    await seedDemoCouncil(store, NOW);
    deps = { store, now: () => NOW };
  });
  afterEach(() => dispose());

  const laterBy = (ms: number) => ({ ...deps, now: () => new Date(NOW.getTime() + ms) });

  it('answers the notification as recorded, without resolving the audience again, though the roster has changed', async () => {
    const first = await pushNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, deps, { id: KEY });
    expect(first.created).toBe(true);
    expect(first.notification.recipients?.members.length).toBeGreaterThan(0);
    // Every Cabinet councillor has left the committee: resolving again would find nobody to send to (422).
    for (const m of await store.members.listByCommittee(DEMO_IDS.cabinet)) await store.members.upsert({ ...m, committees: [] });
    await expect(pushNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, laterBy(5000))).rejects.toThrow(/Nobody to send to/);

    const repeat = await pushNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, laterBy(5000), { id: KEY });
    expect(repeat).toEqual({ notification: first.notification, created: false });
  });

  it('takes the same request written differently as the same: ids in another order, a past sendAt for "now"', async () => {
    const asked: PushRequest = { agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.leader.id, DEMO_PEOPLE.housing.id] }, message: 'Papers for Thursday' };
    const first = await pushNotification(asked, OFFICER, deps, { id: KEY });
    const again = await pushNotification(
      { ...asked, audience: { memberIds: [DEMO_PEOPLE.housing.id, DEMO_PEOPLE.leader.id] }, sendAt: '2026-11-03T09:00:00.000Z' },
      OFFICER,
      laterBy(60_000),
      { id: KEY },
    );
    expect(again).toEqual({ notification: first.notification, created: false });
  });

  it.each<[string, Partial<PushRequest>, string]>([
    ['another item', { agendaItemId: 'item-hra-budget-monitoring' }, 'agendaItemId'],
    ['a meeting instead of the item', { agendaItemId: undefined, meetingId: DEMO_IDS.nextCabinet }, 'meetingId'],
    ['other members', { audience: { memberIds: [DEMO_PEOPLE.leader.id] } }, 'audience.memberIds'],
    ['a committee as well', { audience: { memberIds: [DEMO_PEOPLE.housing.id], committeeIds: [DEMO_IDS.cabinet] } }, 'audience.committeeIds'],
    ['a channel as well', { channelIds: ['19:cabinet-channel@thread.tacv2'] }, 'channelIds'],
    ['another time', { sendAt: '2026-11-04T09:00:00.000Z' }, 'sendAt'],
    ['another note', { message: 'Papers for Friday' }, 'message'],
    ['urgent now', { urgent: true }, 'urgent'],
  ])('refuses the same id for a different push (%s), naming what differs, and records nothing new', async (_what, change, field) => {
    const asked: PushRequest = { agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.housing.id] }, message: 'Papers for Thursday' };
    const first = await pushNotification(asked, OFFICER, deps, { id: KEY });
    const refused = pushNotification({ ...asked, ...change }, OFFICER, laterBy(1000), { id: KEY });
    await expect(refused).rejects.toThrow(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: 'exists',
      message: expect.stringMatching(new RegExp(`^This Idempotency-Key was already used for a different notification \\(${KEY}\\): its ${field.replace('.', '\\.')} differs\\.`)),
    });
    expect((await store.notifications.get(KEY))?.value).toEqual(first.notification);
  });
});
