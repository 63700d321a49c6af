import type { AuditContext } from '../../domain';
import { recordChange } from '../audit/record-change';
import { cancelDelivery, DomainError, notFound, notificationWorkId, transitionNotification, type Notification } from '../../domain';
import type { Versioned } from '../../store/port';
import type { NotificationDeps } from './notification-deps';

/** Waiting deliveries are cancelled a page at a time. */
const PAGE = 200;
const FAR_FUTURE = new Date('9999-12-31T00:00:00.000Z');
const MAX_ATTEMPTS = 5;

/**
 * Cancels the deliveries of a notification that are still waiting (not yet sent, or waiting to retry). Ones being
 * sent at this moment are left to the sender, which sees the notification cancelled and stops before the next.
 * Answers how many it cancelled.
 */
export async function cancelWaitingDeliveries(notificationId: string, deps: Pick<NotificationDeps, 'store' | 'now'>): Promise<number> {
  const { store } = deps;
  let cancelled = 0;
  for (let seen = new Set<string>(); ; ) {
    const waiting = (await store.notifications.listWaitingDeliveries(notificationId, FAR_FUTURE, PAGE)).filter((d) => !seen.has(d.value.key));
    if (waiting.length === 0) return cancelled;
    for (const d of waiting) {
      seen.add(d.value.key);
      const next = cancelDelivery(d.value, deps.now());
      if (!next) continue;
      try {
        await store.notifications.replaceDelivery(next, d.etag);
        cancelled += 1;
      } catch (error) {
        // The sender claimed it a moment ago: it will see the cancellation before sending.
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      }
    }
  }
}

/** Makes the notification's due work due now, so the sender tidies up at once rather than at the time it was set for. */
async function bringForward(id: string, deps: NotificationDeps): Promise<void> {
  const work = await deps.store.dueWork.get(notificationWorkId(id));
  const now = deps.now();
  if (work && Date.parse(work.value.dueAt) > now.getTime()) {
    await deps.store.dueWork.replace({ ...work.value, dueAt: now.toISOString(), updatedAt: now.toISOString() }, work.etag).catch((error: unknown) => {
      // The sender changed it meanwhile: it is looking at it anyway.
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    });
  }
  deps.wake?.();
}

/**
 * An officer cancels a notification: what has not been sent is not sent. Those already sent stay sent (Teams has
 * them); the notification and its counts say so. Cancelling a cancelled notification answers it as it is.
 */
export async function cancelNotification(id: string, by: AuditContext, deps: NotificationDeps): Promise<{ notification: Notification; cancelledDeliveries: number }> {
  const { store } = deps;
  let notification: Notification | undefined;
  let cancelledNow = false;
  for (let attempt = 1; ; attempt++) {
    const current: Versioned<Notification> | undefined = await store.notifications.get(id);
    if (!current) throw notFound('Notification', id);
    if (current.value.status === 'cancelled') {
      notification = current.value;
      break;
    }
    if (current.value.status === 'completed') {
      throw new DomainError('invalid', 'Every recipient of this notification has been dealt with already: nothing is left to cancel.');
    }
    const at = deps.now().toISOString();
    try {
      notification = (
        await store.notifications.replace(
          { ...current.value, status: transitionNotification(current.value.status, 'cancel'), cancelledAt: at, cancelledBy: by.actor.memberId ?? by.actor.id, updatedAt: at },
          current.etag,
        )
      ).value;
      cancelledNow = true;
      break;
    } catch (error) {
      // The sender updated it at the same moment: read it again and cancel that.
      if (!(error instanceof DomainError && error.code === 'conflict') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
  const cancelledDeliveries = await cancelWaitingDeliveries(id, deps);
  await bringForward(id, deps);
  // Cancelling one already cancelled changes nothing, and is no event.
  if (cancelledNow) {
    await recordChange(store.audit, by, { action: 'notification.cancelled', target: { kind: 'notification', id }, details: { cancelledDeliveries } }, deps.now());
  }
  return { notification, cancelledDeliveries };
}
