import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards';
import { attachProgressCard } from '../services/notifications/attach-progress-card';
import { notificationReport, type NotificationReport } from '../services/notifications/notification-report';
import { renderOutgoingMessage } from './notification-messages';
import type { BotDeps } from './turn';

const cardOf = (report: NotificationReport, now: Date): AdaptiveCard => renderOutgoingMessage({ kind: 'progress', report, now }).cards[0]!;

/** What the progress card shows that can change: its status and counts. */
const stateOf = (report: NotificationReport): string => JSON.stringify([report.notification.status, report.counts]);

/** A notification's progress card as it stands now: the same card the sender redraws. */
export async function progressCardOf(notificationId: string, deps: BotDeps): Promise<AdaptiveCard> {
  return cardOf(await notificationReport(notificationId, deps.store), deps.now());
}

/**
 * Posts a notification's progress card in this conversation and tells the sender where it is, to redraw it there.
 * A quick notification may finish before the sender learns of the card: then it is redrawn here, once, at the end.
 */
export async function postProgressCard(ctx: TurnContext, notificationId: string, deps: BotDeps): Promise<void> {
  const posted = await notificationReport(notificationId, deps.store);
  const sent = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(cardOf(posted, deps.now()))] });
  if (!sent?.id) return;
  await attachProgressCard(notificationId, { conversationId: ctx.activity.conversation.id, activityId: sent.id }, deps.notifications);
  const now = await notificationReport(notificationId, deps.store);
  if (stateOf(now) !== stateOf(posted)) {
    await ctx.updateActivity({ id: sent.id, type: 'message', attachments: [CardFactory.adaptiveCard(cardOf(now, deps.now()))] });
  }
}
