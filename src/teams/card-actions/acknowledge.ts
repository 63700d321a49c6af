import type { ActionData } from '../../cards';
import { acknowledgeItem } from '../../services/conversation/acknowledge-item';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/** Acknowledge: records it for the person Teams authenticated, and answers with their card saying so. */
export async function onAcknowledge(data: ActionData<'acknowledge'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const result = await acknowledgeItem(data, turn.viewer, { channel: 'teams', conversationId: turn.conversationId, activityId: turn.replyToId }, deps);
  turn.logger.info({ agendaItemId: data.agendaItemId, recorded: result.recorded }, 'acknowledgement');
  return replaceWith(agendaItemCard(result.details, turn.viewer, { audience: 'viewer', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
