import type { ActionData } from '../../cards';
import { loadItemDetails } from '../../services/conversation/item-details';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/** The refresh of a user-specific view: each person sees their own acknowledgement state on a shared card. */
export async function onRefreshItem(data: ActionData<'refreshItem'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await loadItemDetails(data, turn.viewer, deps);
  return replaceWith(agendaItemCard(details, turn.viewer, { audience: 'viewer', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
