import {
  backoffMs, claimDelivery, deliveryAfterAttempt, DomainError, isDue, isQuietAt, nextLondonWallTime, OVERDUE_ACTIONS_SWEEP_ID, outsideQuietHours,
  transitionNotification, type Delivery, type DueWork, type Lease, type Notification, type QuietHours, type RetryPolicy,
} from '../domain';
import type { Logger } from '../logging/logger';
import type { Messenger } from '../services/messenger';
import { attemptDelivery, type AttemptDeps } from '../services/notifications/attempt-delivery';
import { cancelWaitingDeliveries } from '../services/notifications/cancel-notification';
import { notificationReport } from '../services/notifications/notification-report';
import { OVERDUE_SWEEP_TIME, planOverdueReminders } from '../services/notifications/plan-overdue-reminders';
import { prepareNotification } from '../services/notifications/prepare-notification';
import type { Store, Versioned } from '../store/port';

/** The lease that makes one instance at a time the sender: Teams' tenant budget is then kept by one limiter. */
export const SENDER_LEASE = 'outbox-sender';

export interface OutboxSenderOptions {
  /** Names this instance in the lease. */
  readonly instanceId: string;
  /**
   * Deliveries claimed and not yet recorded at any moment. After a crash these are the only ones that may be sent
   * twice (Teams has no idempotent send), so this is the bound on duplicates.
   */
  readonly concurrency: number;
  /** How often an idle instance looks for due work (each look is one small query). */
  readonly idlePollMs: number;
  /** How often a busy sender feeds claims and renews its lease. */
  readonly busyTickMs: number;
  /** How long the sender lease lasts unrenewed: how soon another instance takes over from one that stopped. */
  readonly leaseTtlMs: number;
  /** How often the officer's progress card is redrawn while a notification is being sent. */
  readonly progressEveryMs: number;
  readonly policy: RetryPolicy;
}

export interface OutboxSenderDeps {
  readonly store: Store;
  readonly messenger: Messenger;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly random: () => number;
  readonly quietHours?: QuietHours;
  /** The chats this instance's turns confirmed: one found blocked or gone is no longer trusted (attempt-delivery.ts). */
  readonly chats?: AttemptDeps['chats'];
}

const FAR_FUTURE = new Date('9999-12-31T00:00:00.000Z');
/** Due work whose notification has not appeared after this long was left by a request that failed half way. */
const ORPHAN_GRACE_MS = 60_000;
/**
 * A sender taking over from another waits this long after the other's lease ended before sending: Teams counts
 * requests in sliding windows (the longest per conversation that matters here is 2 s), and the new sender's limiter
 * knows nothing of what the old one sent just before.
 */
const HANDOVER_PAUSE_MS = 2000;
/** A sender keeps its lease when more work falls due this soon, rather than hand it over and back. */
const KEEP_LEASE_WITHIN_MS = 5000;

/**
 * The outbox's sender: a loop in the bot process that finds due work in the store and does it, while this instance
 * holds the sender lease. Any number of instances run it; one sends at a time (the lease), another takes over
 * within the lease's lifetime when that one stops. Between instances nothing is shared but the store.
 *
 * Each due notification is prepared (its deliveries written, in the background), then fed to the Messenger: claims
 * of due deliveries (an ETag write each, so no delivery is ever claimed twice), at most `concurrency` in flight,
 * each recorded when Teams answers. The Messenger keeps Teams' rate limits (ConnectorBudget). When nothing is due the
 * loop sleeps until the earliest due work or the next poll, whichever is sooner, and holds no lease.
 */
export class OutboxSender {
  private lease: Versioned<Lease> | undefined;
  /** After a handover: no sends before this (epoch ms). */
  private quietUntilMs = 0;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly inFlightByNotification = new Map<string, number>();
  private readonly preparing = new Map<string, Promise<void>>();
  private readonly cancelled = new Set<string>();
  private readonly progress = new Map<string, { changed: boolean; lastDrawnMs: number; drawing?: Promise<void> }>();
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private stopping = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: OutboxSenderDeps,
    private readonly options: OutboxSenderOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** New work was written by this instance: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming, lets sends in flight finish (up to `graceMs`), and gives up the lease for another instance. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    const settled = Promise.allSettled([...this.inFlight.values(), ...this.preparing.values()]);
    await Promise.race([settled, new Promise((r) => setTimeout(r, graceMs).unref())]);
    await this.releaseLease();
  }

  private async run(): Promise<void> {
    await this.ensureSweepScheduled().catch((err: unknown) => this.deps.logger.warn({ err }, 'could not schedule the overdue-actions sweep'));
    let failures = 0;
    while (!this.stopping) {
      let sleepMs: number;
      try {
        sleepMs = await this.tick();
        failures = 0;
      } catch (err) {
        failures += 1;
        sleepMs = Math.min(this.options.idlePollMs, backoffMs(failures, this.options.policy, this.deps.random()));
        this.deps.logger.warn({ err, retryInMs: sleepMs }, 'outbox sender: the store did not answer; trying again');
      }
      await this.sleep(sleepMs);
    }
  }

  /** One look at the due work; answers how long to sleep before the next. */
  private async tick(): Promise<number> {
    const now = this.deps.now();
    const works = await this.deps.store.dueWork.listEarliest(20);
    const due = works.filter((w) => Date.parse(w.value.dueAt) <= now.getTime());
    if (due.length === 0 && this.inFlight.size === 0 && this.preparing.size === 0) {
      const next = works[0] ? Date.parse(works[0].value.dueAt) - now.getTime() : this.options.idlePollMs;
      // More work soon (retries after a 429, say): keep the lease rather than hand it over and back.
      if (this.lease && next <= KEEP_LEASE_WITHIN_MS) await this.holdLease(now);
      else await this.releaseLease();
      return Math.max(20, Math.min(next, this.options.idlePollMs));
    }
    const heldBy = await this.holdLease(now);
    if (heldBy !== undefined) {
      // Another instance is sending; look again when its lease would run out, in case it stopped.
      return Math.max(50, Math.min(Date.parse(heldBy.expiresAt) - now.getTime() + 50, this.options.idlePollMs));
    }
    if (now.getTime() < this.quietUntilMs) return this.quietUntilMs - now.getTime();
    for (const work of due) {
      if (this.stopping) break;
      await this.runWork(work);
    }
    this.drawProgressCards();
    return this.options.busyTickMs;
  }

  private async runWork(work: Versioned<DueWork>): Promise<void> {
    try {
      if (work.value.kind === 'overdue-actions-sweep') await this.runSweep(work);
      else await this.runNotification(work);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'unavailable') throw err;
      const failures = work.value.failures + 1;
      const retryIn = backoffMs(failures, this.options.policy, this.deps.random());
      this.deps.logger.error({ err, work: work.value.id, failures, retryInMs: retryIn }, 'due work failed; it will be tried again');
      const now = this.deps.now();
      await this.deps.store.dueWork
        .replace({ ...work.value, failures, lastError: err instanceof Error ? err.message.slice(0, 1000) : String(err), dueAt: new Date(now.getTime() + retryIn).toISOString(), updatedAt: now.toISOString() }, work.etag)
        .catch(() => undefined); // changed meanwhile: the next tick reads it again
    }
  }

  private async reschedule(work: Versioned<DueWork>, at: Date): Promise<void> {
    if (work.value.dueAt === at.toISOString()) return;
    await this.deps.store.dueWork
      .replace({ ...work.value, dueAt: at.toISOString(), updatedAt: this.deps.now().toISOString() }, work.etag)
      .catch((err: unknown) => {
        if (!(err instanceof DomainError && err.code === 'conflict')) throw err;
      });
  }

  private async runNotification(work: Versioned<DueWork>): Promise<void> {
    const { store } = this.deps;
    const now = this.deps.now();
    const id = work.value.notificationId ?? '';
    const current = await store.notifications.get(id);
    if (!current) {
      // Written by a request that stopped before writing the notification (see recordNotification), or a race with it.
      if (now.getTime() - Date.parse(work.value.updatedAt) > ORPHAN_GRACE_MS) await store.dueWork.remove(work);
      else await this.reschedule(work, new Date(now.getTime() + 5000));
      return;
    }
    const n = current.value;
    if (n.status === 'held' || n.status === 'completed') {
      await store.dueWork.remove(work);
      return;
    }
    if (n.status === 'cancelled') {
      this.cancelled.add(n.id);
      await cancelWaitingDeliveries(n.id, this.deps);
      if (!this.inFlightByNotification.get(n.id) && !this.preparing.has(n.id)) {
        // A claim left by a sender that stopped mid-send is cancelled only once it lapses: come back then.
        const [left] = await store.notifications.listWaitingDeliveries(n.id, FAR_FUTURE, 1);
        if (left) {
          await this.reschedule(work, new Date(Math.max(now.getTime(), Date.parse(left.value.dueAt ?? now.toISOString()))));
          return;
        }
        this.touchProgress(n.id);
        await store.dueWork.remove(work);
        this.cancelled.delete(n.id);
      }
      return;
    }
    if (!n.urgent && isQuietAt(now, this.deps.quietHours)) {
      if (!this.inFlightByNotification.get(n.id)) await this.reschedule(work, outsideQuietHours(now, this.deps.quietHours));
      return;
    }
    if (!n.prepared && !this.preparing.has(n.id)) this.prepare(current);

    const inFlightHere = this.inFlightByNotification.get(n.id) ?? 0;
    const room = this.options.concurrency - this.inFlight.size;
    if (room > 0 && !this.stopping) {
      const waiting = await store.notifications.listWaitingDeliveries(n.id, now, room + inFlightHere);
      await this.claimAndSend(waiting.filter((d) => !this.inFlight.has(this.key(d.value))).slice(0, room), n);
    }
    if (n.prepared && !this.inFlightByNotification.get(n.id) && !this.preparing.has(n.id)) {
      const [next] = await store.notifications.listWaitingDeliveries(n.id, FAR_FUTURE, 1);
      if (next === undefined) await this.complete(current, work);
      else await this.reschedule(work, new Date(Math.max(now.getTime(), Date.parse(next.value.dueAt ?? now.toISOString()))));
    }
  }

  private prepare(current: Versioned<Notification>): void {
    const id = current.value.id;
    const task = prepareNotification(current, {
      store: this.deps.store,
      now: this.deps.now,
      cancelled: () => this.cancelled.has(id) || this.stopping,
      written: () => this.wake(),
    })
      .then((prepared) => {
        this.deps.logger.info({ notificationId: id, recipients: prepared.value.recipientCount }, 'notification prepared');
        this.touchProgress(id);
      })
      .catch((err: unknown) => this.deps.logger.warn({ err, notificationId: id }, 'preparing a notification failed; it will be tried again'))
      .finally(() => {
        this.preparing.delete(id);
        this.wake();
      });
    this.preparing.set(id, task);
  }

  private key(d: Pick<Delivery, 'notificationId' | 'key'>): string {
    return `${d.notificationId}/${d.key}`;
  }

  /**
   * Claims these deliveries in one write (each by its ETag, so none is ever claimed twice; on the embedded store one
   * log sync for the lot, which keeps the event loop free for the limiter's timers), then sends each one claimed.
   */
  private async claimAndSend(waiting: readonly Versioned<Delivery>[], notification: Notification): Promise<void> {
    const now = this.deps.now();
    const due = waiting.filter((d) => isDue(d.value, now));
    if (due.length === 0) return;
    const claims = await this.deps.store.notifications.replaceDeliveries(
      due.map((d) => ({ value: claimDelivery(d.value, now, this.options.policy), etag: d.etag })),
    );
    for (const claimed of claims) {
      if (claimed instanceof DomainError) {
        // Cancelled or claimed by someone else since it was read: leave it.
        if (claimed.code === 'conflict' || claimed.code === 'not-found') continue;
        throw claimed;
      }
      const key = this.key(claimed.value);
      this.inFlightByNotification.set(notification.id, (this.inFlightByNotification.get(notification.id) ?? 0) + 1);
      const task = this.send(claimed, notification)
        .catch((err: unknown) => this.deps.logger.warn({ err, delivery: key }, 'recording a delivery failed; its claim will lapse and it will be tried again'))
        .finally(() => {
          this.inFlight.delete(key);
          this.inFlightByNotification.set(notification.id, (this.inFlightByNotification.get(notification.id) ?? 1) - 1);
          if (!this.inFlightByNotification.get(notification.id)) this.inFlightByNotification.delete(notification.id);
          this.touchProgress(notification.id);
          // Feed more while half the claims are still queued for the budget (about half a second of sending at 30/s):
          // a refill takes a few store round trips, and the limiter must never run dry while work waits.
          if (this.inFlight.size <= this.options.concurrency / 2) this.wake();
        });
      this.inFlight.set(key, task);
    }
  }

  private async send(claimed: Versioned<Delivery>, notification: Notification): Promise<void> {
    if (this.cancelled.has(notification.id)) {
      // Claimed just before the officer cancelled: not sent.
      await this.deps.store.notifications.replaceDelivery(
        deliveryAfterAttempt(claimed.value, { kind: 'not-needed', detail: 'the notification was cancelled' }, this.deps.now(), this.options.policy, 0),
        claimed.etag,
      );
      return;
    }
    const outcome = await attemptDelivery(claimed, notification, { ...this.deps, policy: this.options.policy });
    if (outcome.result.kind !== 'sent') {
      this.deps.logger.info({ delivery: this.key(claimed.value), result: outcome.result, status: outcome.delivery.status }, 'delivery not sent');
    }
  }

  private async complete(current: Versioned<Notification>, work: Versioned<DueWork>): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.store.notifications.replace(
      { ...current.value, status: transitionNotification(current.value.status, 'complete'), completedAt: at, updatedAt: at },
      current.etag,
    );
    await this.deps.store.dueWork.remove(work);
    this.deps.logger.info({ notificationId: current.value.id }, 'notification completed');
    this.touchProgress(current.value.id, true);
    this.drawProgressCards();
  }

  private async runSweep(work: Versioned<DueWork>): Promise<void> {
    const planned = await planOverdueReminders({ ...this.deps, wake: () => this.wake() });
    this.deps.logger.info({ owners: planned }, 'overdue-actions sweep planned reminders');
    await this.reschedule(work, nextLondonWallTime(this.deps.now(), OVERDUE_SWEEP_TIME));
  }

  private async ensureSweepScheduled(): Promise<void> {
    const now = this.deps.now();
    await this.deps.store.dueWork.create({
      id: OVERDUE_ACTIONS_SWEEP_ID,
      kind: 'overdue-actions-sweep',
      dueAt: nextLondonWallTime(now, OVERDUE_SWEEP_TIME).toISOString(),
      failures: 0,
      updatedAt: now.toISOString(),
    });
  }

  // --- the officer's progress card --------------------------------------------------------------------------------

  private touchProgress(notificationId: string, final = false): void {
    const entry = this.progress.get(notificationId) ?? { changed: false, lastDrawnMs: 0 };
    entry.changed = true;
    if (final) entry.lastDrawnMs = 0;
    this.progress.set(notificationId, entry);
  }

  /** Redraws changed progress cards, each at most every progressEveryMs (and once more when it is done). */
  private drawProgressCards(): void {
    const nowMs = Date.now();
    for (const [id, entry] of this.progress) {
      if (!entry.changed || entry.drawing || nowMs - entry.lastDrawnMs < this.options.progressEveryMs) continue;
      entry.changed = false;
      entry.lastDrawnMs = nowMs;
      entry.drawing = this.drawProgressCard(id)
        .catch((err: unknown) => this.deps.logger.warn({ err, notificationId: id }, 'could not redraw the progress card'))
        .finally(() => {
          entry.drawing = undefined;
          if (!entry.changed && !this.inFlightByNotification.get(id) && !this.preparing.has(id)) this.progress.delete(id);
        });
    }
  }

  private async drawProgressCard(notificationId: string): Promise<void> {
    const { store, messenger } = this.deps;
    const n = (await store.notifications.get(notificationId))?.value;
    if (!n?.progressCard) return;
    const conversation = (await store.conversations.get(n.progressCard.conversationId))?.value;
    if (!conversation) return;
    const report = await notificationReport(notificationId, store);
    await messenger.update(conversation, n.progressCard.activityId, { kind: 'progress', report, now: this.deps.now() });
  }

  // --- the lease ----------------------------------------------------------------------------------------------------

  /** Holds (takes or renews) the sender lease; answers the other holder's lease when another instance has it. */
  private async holdLease(now: Date): Promise<Lease | undefined> {
    const { leases } = this.deps.store;
    const { leaseTtlMs } = this.options;
    if (this.lease && Date.parse(this.lease.value.expiresAt) - now.getTime() > leaseTtlMs / 2) return undefined;
    if (this.lease) {
      const renewed = await leases.renew(this.lease, now, leaseTtlMs);
      if (renewed) {
        this.lease = renewed;
        return undefined;
      }
      this.deps.logger.warn('outbox sender: lost the sender lease to another instance');
      this.lease = undefined;
    }
    const attempt = await leases.acquire(SENDER_LEASE, this.options.instanceId, now, leaseTtlMs);
    if (!attempt.acquired) return attempt.current;
    this.deps.logger.info({ instanceId: this.options.instanceId, takenOverFrom: attempt.previous?.holder }, 'outbox sender: this instance is now the sender');
    this.lease = attempt.lease;
    if (attempt.previous && attempt.previous.holder !== this.options.instanceId) {
      this.quietUntilMs = Math.max(this.quietUntilMs, Date.parse(attempt.previous.expiresAt) + HANDOVER_PAUSE_MS);
    }
    return undefined;
  }

  private async releaseLease(): Promise<void> {
    if (!this.lease) return;
    const lease = this.lease;
    this.lease = undefined;
    await this.deps.store.leases.release(lease, this.deps.now()).catch((err: unknown) => this.deps.logger.warn({ err }, 'could not release the sender lease'));
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // Whichever ends the sleep, the timer or a wake, unhooks the wake: a wake that comes while the next tick runs
      // must set `woken` for the sleep after it, not be swallowed by this one's stale hook.
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = () => {
        this.woken = false;
        done();
      };
    });
  }
}
