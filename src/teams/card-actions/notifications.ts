import { teamsAuditContext } from '../audit-context';
import type { ActionData } from '../../cards';
import { DomainError, isOfficer, notFound, type Viewer } from '../../domain';
import { loadSubject } from '../../services/notifications/notification-subject';
import { forbidUnlessVisible } from '../../services/notifications/preview-push';
import { cancelNotification } from '../../services/notifications/cancel-notification';
import { plannedNotificationId } from '../../services/notifications/notification-ids';
import { pushNotification } from '../../services/notifications/push-notification';
import { progressCardOf } from '../progress-card';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

const requireOfficer = (viewer: Viewer): string => {
  if (!isOfficer(viewer.member)) throw new DomainError('forbidden', 'Only democratic services officers can send or follow notifications.');
  return viewer.member!.id;
};

/** An officer may follow or cancel a notification here only where its subject may be shown (exempt: personal chats). */
async function requireVisibleHere(notificationId: string, viewer: Viewer, deps: BotDeps): Promise<void> {
  const notification = (await deps.store.notifications.get(notificationId))?.value;
  if (!notification) throw notFound('Notification', notificationId);
  const subject = await loadSubject(notification, deps.store).catch(() => undefined);
  if (subject) forbidUnlessVisible(viewer, subject);
}


/**
 * Send on the confirmation card: the push goes into the outbox, and the card becomes its progress card, which the
 * sender redraws in place as deliveries finish. One press is one push, however often Teams delivers it: the
 * notification's id is the card's and what it sends (a client that reuses a card id for another item, as a test
 * harness or a replayed fixture may, gets a push of its own rather than a conflict with the first).
 */
export async function onSendNotification(data: ActionData<'sendNotification'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  requireOfficer(turn.viewer);
  const target = data.agendaItemId !== undefined ? { agendaItemId: data.agendaItemId } : { meetingId: data.meetingId! };
  forbidUnlessVisible(turn.viewer, await loadSubject({ subject: target }, deps.store));
  const cardId = turn.replyToId ?? turn.activityId ?? `${turn.teamsUserId}|${deps.now().toISOString()}`;
  const { notification } = await pushNotification(
    target,
    teamsAuditContext(turn),
    deps.notifications,
    {
      id: plannedNotificationId(`send|${turn.conversationId}|${cardId}|${data.agendaItemId ?? `meeting:${data.meetingId}`}`),
      ...(turn.replyToId ? { progressCard: { conversationId: turn.conversationId, activityId: turn.replyToId } } : {}),
    },
  );
  turn.logger.info({ notificationId: notification.id }, 'notification pushed from Teams');
  return replaceWith(await progressCardOf(notification.id, deps));
}

export async function onNotificationProgress(data: ActionData<'notificationProgress'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  requireOfficer(turn.viewer);
  await requireVisibleHere(data.notificationId, turn.viewer, deps);
  return replaceWith(await progressCardOf(data.notificationId, deps));
}

export async function onCancelNotification(data: ActionData<'cancelNotification'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  requireOfficer(turn.viewer);
  await requireVisibleHere(data.notificationId, turn.viewer, deps);
  const { cancelledDeliveries } = await cancelNotification(data.notificationId, teamsAuditContext(turn), deps.notifications);
  turn.logger.info({ notificationId: data.notificationId, cancelledDeliveries }, 'notification cancelled from Teams');
  return replaceWith(await progressCardOf(data.notificationId, deps));
}
