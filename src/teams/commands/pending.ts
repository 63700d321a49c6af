import { formatDateTime, plural } from '../../cards';
import { listPendingItems } from '../../services/conversation/list-pending-items';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { textReply, type Reply } from './reply';

/** Cards in one answer: each unread item is a card of its own, with its Acknowledge button. */
const MAX_CARDS = 5;

/** "pending": only what I still have to read, each item's card with its Acknowledge button; or that there is nothing. */
export async function answerPending(turn: Turn, deps: BotDeps): Promise<Reply> {
  if (!turn.viewer.member) return textReply('You are not on the council roster, so nothing is waiting for your acknowledgement. Ask democratic services to add you.');
  const pending = await listPendingItems(turn.viewer, deps);
  if (pending.length === 0) return textReply("Nothing to read: you have acknowledged every item on your committees' coming agendas.");
  const shown = pending.slice(0, MAX_CARDS);
  const meetings = [...new Map(pending.filter((d) => d.meeting).map((d) => [d.meeting!.id, `${d.committee.name}, ${formatDateTime(d.meeting!.startsAt)}`])).values()];
  const lines = [
    `You have ${plural(pending.length, 'item')} still to read${meetings.length > 0 ? ` (${meetings.join('; ')})` : ''}. Press Acknowledge on each once you have read it.`,
    ...(pending.length > shown.length ? [`Here are the first ${shown.length}; say "pending" again when you have read them.`] : []),
  ];
  return {
    text: lines.join('\n\n'),
    cards: shown.map((details) => agendaItemCard(details, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now() })),
  };
}
