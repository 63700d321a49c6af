import type { ActionData } from '../../cards';
import { loadItemDetails } from '../../services/conversation/item-details';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

/** Open an item from a digest or search result: its card is posted below, the digest stays as it was. */
export async function onViewItem(data: ActionData<'viewItem'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await loadItemDetails(data, turn.viewer, deps);
  return postBelow(`Opened "${details.item.title}"`, agendaItemCard(details, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
