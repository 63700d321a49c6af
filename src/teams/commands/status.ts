import { answerStatusQuery } from '../../services/conversation/answer-status';
import { agendaItemCard, decisionCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, textReply, type Reply } from './reply';

/** "status community safety": the decision card, whose outcomes each say their status and what comes next. */
export async function answerStatus(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const answer = await answerStatusQuery(query, turn.viewer, deps);
  switch (answer.kind) {
    case 'decision':
      return cardReply(decisionCard(answer, turn.viewer));
    case 'not-yet-decided':
      return {
        text: `"${answer.item.title}" has not been decided yet.`,
        cards: [agendaItemCard({ item: answer.item, committee: answer.committee, meeting: answer.meeting }, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now() })],
      };
    case 'nothing-found':
      return textReply(`I found no decision matching "${answer.query}".\n\n${answer.suggestions.map((s) => `- ${s}`).join('\n')}`);
  }
}
