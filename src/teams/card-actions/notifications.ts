import type { ActionData } from '../../cards';
import { DomainError, isOfficer, type Viewer } from '../../domain';
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


/**
 * Send on the confirmation card: the push goes into the outbox, and the card becomes its progress card, which the
 * sender redraws in place as deliveries finish. One press is one push, however often Teams delivers it: the
 * notification's id is the card's.
 */
export async function onSendNotification(data: ActionData<'sendNotification'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const officer = requireOfficer(turn.viewer);
  const cardId = turn.replyToId ?? turn.activityId ?? `${turn.teamsUserId}|${deps.now().toISOString()}`;
  const { notification } = await pushNotification(
    data.agendaItemId !== undefined ? { agendaItemId: data.agendaItemId } : { meetingId: data.meetingId },
    { id: officer },
    deps.notifications,
    {
      id: plannedNotificationId(`send|${turn.conversationId}|${cardId}`),
      ...(turn.replyToId ? { progressCard: { conversationId: turn.conversationId, activityId: turn.replyToId } } : {}),
    },
  );
  turn.logger.info({ notificationId: notification.id }, 'notification pushed from Teams');
  return replaceWith(await progressCardOf(notification.id, deps));
}

export async function onNotificationProgress(data: ActionData<'notificationProgress'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  requireOfficer(turn.viewer);
  return replaceWith(await progressCardOf(data.notificationId, deps));
}

export async function onCancelNotification(data: ActionData<'cancelNotification'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const officer = requireOfficer(turn.viewer);
  const { cancelledDeliveries } = await cancelNotification(data.notificationId, { id: officer }, deps.notifications);
  turn.logger.info({ notificationId: data.notificationId, cancelledDeliveries }, 'notification cancelled from Teams');
  return replaceWith(await progressCardOf(data.notificationId, deps));
}
