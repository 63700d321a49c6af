import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutboxSender } from '../../src/delivery/outbox-sender';
import { claimDelivery, DEFAULT_RETRY_POLICY, notificationWorkId, type AttemptResult, type ConversationRecord } from '../../src/domain';
import { createLogger } from '../../src/logging/logger';
import type { Messenger } from '../../src/services/messenger';
import { cancelNotification } from '../../src/services/notifications/cancel-notification';
import { prepareNotification } from '../../src/services/notifications/prepare-notification';
import { pushNotification } from '../../src/services/notifications/push-notification';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { FANOUT, seedFanoutCouncil } from '../support/fanout-council';

/** A messenger that records what it was asked to send and says every send went. */
class RecordingMessenger implements Messenger {
  readonly sent: string[] = [];
  async send(to: ConversationRecord): Promise<AttemptResult> {
    this.sent.push(to.id);
    return { kind: 'sent', activityId: `activity-${this.sent.length}` };
  }
  async update(): Promise<AttemptResult> {
    return { kind: 'sent' };
  }
  async openPersonalChat(): Promise<never> {
    throw new Error('every member of the fan-out council has a chat');
  }
}

const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The sender in process, on an embedded store, with a clock the test can move on. */
describe('the outbox sender', () => {
  let dataDir: string;
  let store: Store;
  let skewMs = 0;
  const now = () => new Date(Date.now() + skewMs);

  beforeEach(async () => {
    skewMs = 0;
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-sender-'));
    store = createEmbeddedStore({ dataDir });
    await seedFanoutCouncil(store, { members: 3, serviceUrl: 'http://127.0.0.1:9/' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('cancelling after a sender stopped mid-send: the claim it left is cancelled once it lapses, and the notification is tidied away', async () => {
    const { notification } = await pushNotification({ agendaItemId: FANOUT.itemId }, { actor: { id: 'officer', via: 'api' } }, { store, now });
    const prepared = await prepareNotification((await store.notifications.get(notification.id))!, { store, now, cancelled: () => false });
    // A sender claimed the first delivery and was killed before Teams answered: the claim is all that is left of it.
    const first = (await store.notifications.listDeliveries(notification.id)).items[0]!;
    const stored = (await store.notifications.getDelivery(notification.id, first.key))!;
    await store.notifications.replaceDelivery(claimDelivery(stored.value, now(), DEFAULT_RETRY_POLICY), stored.etag);

    const { cancelledDeliveries } = await cancelNotification(prepared.value.id, { actor: { id: 'officer', via: 'api' } }, { store, now });
    expect(cancelledDeliveries).toBe(2);

    const messenger = new RecordingMessenger();
    const sender = new OutboxSender(
      { store, messenger, logger: createLogger({ level: 'silent', pretty: false }), now, random: () => 0.5 },
      { instanceId: 'test', concurrency: 4, idlePollMs: 10_000, busyTickMs: 50, leaseTtlMs: 15_000, progressEveryMs: 3000, policy: DEFAULT_RETRY_POLICY },
    );
    sender.start();
    try {
      // While the claim is live it is left alone (its sender might yet record it), and the work waits for it.
      await new Promise((r) => setTimeout(r, 300));
      expect((await store.notifications.getDelivery(notification.id, first.key))?.value.status).toBe('sending');
      expect(await store.dueWork.get(notificationWorkId(notification.id))).toBeDefined();

      skewMs = DEFAULT_RETRY_POLICY.claimLeaseMs + 1000;
      sender.wake();
      await until('the notification work to be removed', async () => ((await store.dueWork.get(notificationWorkId(notification.id))) ? undefined : true));
      expect((await store.notifications.getDelivery(notification.id, first.key))?.value).toMatchObject({ status: 'cancelled' });
      expect((await store.notifications.listDeliveries(notification.id)).items.map((d) => d.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(messenger.sent).toEqual([]);
    } finally {
      await sender.stop(1000);
    }
  });
});
