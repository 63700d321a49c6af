import { isFinalNotificationStatus, notificationWorkId, sendableFrom, type DueWork, type Notification } from '../../domain';
import type { NotificationDeps } from './notification-deps';

/**
 * Puts a notification in the outbox: the notification, and the due work that makes the sender pick it up at its
 * time (quiet hours respected unless it is urgent). Held notifications get no due work until an officer sends them.
 *
 * The due work is written first. Were the notification written first and the process stopped between the two
 * writes, the notification would wait for ever; this way round, the sender finds due work with no notification and
 * drops it once it is old enough (see the sender). Idempotent: planning the same notification again (same id)
 * writes nothing new, and repairs missing due work for a notification that is still waiting.
 */
export async function recordNotification(notification: Notification, deps: NotificationDeps): Promise<{ notification: Notification; created: boolean }> {
  const { store } = deps;
  const existing = (await store.notifications.get(notification.id))?.value;
  const stored = existing ?? notification;
  if (stored.status !== 'held' && !isFinalNotificationStatus(stored.status)) await scheduleWork(stored, deps);
  if (existing) return { notification: existing, created: false };
  const result = await store.notifications.create(notification);
  deps.wake?.();
  return result.created ? { notification: result.record.value, created: true } : { notification: result.existing.value, created: false };
}

/** The due work that makes the sender pick a notification up, at its time. */
export async function scheduleWork(notification: Notification, deps: NotificationDeps): Promise<void> {
  const at = deps.now();
  const work: DueWork = {
    id: notificationWorkId(notification.id),
    kind: 'notification',
    notificationId: notification.id,
    dueAt: sendableFrom(new Date(notification.sendAt), notification.urgent, deps.quietHours).toISOString(),
    failures: 0,
    updatedAt: at.toISOString(),
  };
  await deps.store.dueWork.create(work);
  deps.wake?.();
}
