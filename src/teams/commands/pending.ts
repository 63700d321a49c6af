import { listPendingItems } from '../../services/conversation/list-pending-items';
import { meetingDigestCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, textReply, type Reply } from './reply';

/** "pending": the meetings whose papers I have not all acknowledged yet. */
export async function answerPending(turn: Turn, deps: BotDeps): Promise<Reply> {
  if (!turn.viewer.member) return textReply('You are not on the council roster, so nothing is waiting for your acknowledgement. Ask democratic services to add you.');
  const pending = await listPendingItems(turn.viewer, deps);
  if (pending.length === 0) return textReply('Nothing is waiting for your acknowledgement. Well done.');
  return cardReply(...pending.slice(0, 3).map((agenda) => meetingDigestCard(agenda, turn.viewer)));
}
