import { findItem } from '../../services/conversation/find-item';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, echo, textReply, type Reply } from './reply';

/** "item 6" or "item community safety": the agenda item card, with my own acknowledgement state where only I see it. */
export async function answerItem(request: { number: string } | { query: string }, turn: Turn, deps: BotDeps): Promise<Reply> {
  const answer = await findItem(request, turn.viewer, deps);
  if (answer.kind === 'nothing-found') {
    return textReply(`I found no agenda item for ${echo(answer.asked)}. Try "agenda" to see the next meetings' items, or different words.`);
  }
  return cardReply(agendaItemCard(answer.details, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
