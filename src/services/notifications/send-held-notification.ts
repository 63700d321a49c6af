import { DomainError, notFound, transitionNotification, type AuditContext, type Notification } from '../../domain';
import { recordChange } from '../audit/record-change';
import type { NotificationDeps } from './notification-deps';
import { scheduleWork } from './record-notification';

/**
 * An officer sends a notification the bot held for them (a committee set to "hold"): it goes now, or at `sendAt`,
 * to its audience as it stands then.
 */
export async function sendHeldNotification(
  id: string,
  options: { readonly sendAt?: Date; readonly urgent?: boolean },
  by: AuditContext,
  deps: NotificationDeps,
): Promise<Notification> {
  const current = await deps.store.notifications.get(id);
  if (!current) throw notFound('Notification', id);
  if (current.value.status !== 'held') {
    throw new DomainError('invalid', `This notification is ${current.value.status}, not held for sending: there is nothing to release.`);
  }
  const now = deps.now();
  const sendAt = options.sendAt && options.sendAt.getTime() > now.getTime() ? options.sendAt : now;
  const released = (
    await deps.store.notifications.replace(
      {
        ...current.value,
        status: transitionNotification('held', 'release'),
        sendAt: sendAt.toISOString(),
        urgent: options.urgent ?? current.value.urgent,
        updatedAt: now.toISOString(),
      },
      current.etag,
    )
  ).value;
  await scheduleWork(released, deps);
  await recordChange(
    deps.store.audit,
    by,
    { action: 'notification.sent', target: { kind: 'notification', id }, details: { sendAt: released.sendAt, urgent: released.urgent } },
    now,
  );
  return released;
}
