import { listRecentDecisions } from '../../services/conversation/list-recent-decisions';
import { searchResultsCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, textReply, type Reply } from './reply';

/** "decisions": the last N days' decisions, each with the status most worth knowing. */
export async function answerDecisions(days: number, turn: Turn, deps: BotDeps): Promise<Reply> {
  const recent = await listRecentDecisions(days, turn.viewer, deps);
  if (recent.length === 0) return textReply(`No decisions in the last ${days} days. Try "status" and a few words to find an older one.`);
  const hits = recent.map((r) => ({ kind: 'decision' as const, decision: r.decision, committee: r.committee, status: r.status }));
  return cardReply(searchResultsCard('', hits, { heading: `Decisions in the last ${days} days`, noun: 'decision' }));
}
