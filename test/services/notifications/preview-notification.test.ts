import { parseQuietHours } from '../../../src/domain';
import { DEMO_PEOPLE } from '../../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import { previewNotification } from '../../../src/services/notifications/preview-notification';
import type { Store } from '../../../src/store/port';
import { renderForConversation } from '../../../src/teams/notification-messages';
import { openTestStore } from '../import-test-store';

// 22:30 London time (GMT in November): inside the default quiet hours.
const LATE = new Date('2026-11-03T22:30:00.000Z');
const OFFICER = { actor: { id: DEMO_PEOPLE.democraticServices.id, via: 'api' } } as const;

describe('previewNotification: when a push would go', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore([]));
    await seedDemoCouncil(store, LATE);
  });
  afterEach(() => dispose());

  const deps = (quiet: string) => ({ store, now: () => LATE, quietHours: parseQuietHours(quiet), render: renderForConversation });

  it('is held by quiet hours until they end, unless urgent, and goes at once outside them', async () => {
    const held = await previewNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, deps('21:00-08:00'));
    expect(held).toMatchObject({ heldBy: 'quiet-hours', sendAt: LATE.toISOString(), sendsAt: '2026-11-04T08:00:00.000Z' });
    const urgent = await previewNotification({ agendaItemId: 'item-safer-streets', urgent: true }, OFFICER, deps('21:00-08:00'));
    expect(urgent).toMatchObject({ heldBy: 'nothing', sendsAt: LATE.toISOString() });
    const off = await previewNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, deps('off'));
    expect(off).toMatchObject({ heldBy: 'nothing', sendsAt: LATE.toISOString() });
  });

  it('stores nothing', async () => {
    await previewNotification({ agendaItemId: 'item-safer-streets' }, OFFICER, deps('off'));
    expect((await store.notifications.listRecent(undefined, 10)).items).toEqual([]);
    expect(await store.dueWork.listEarliest(10)).toEqual([]);
  });
});
