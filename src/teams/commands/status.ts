import type { FoundInput } from '../../cards';
import { isWithdrawn, type AgendaItem, type Meeting } from '../../domain';
import { answerStatusQuery, type Found } from '../../services/conversation/answer-status';
import { agendaItemCard, decisionCard, searchResultsCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { bulletList, cardReply, echo, paragraphs, textReply, type Reply } from './reply';

const foundInput = (found: Found): FoundInput => ({
  ...(found.passage ? { passage: found.passage } : {}),
  filters: found.filters,
  relaxed: found.relaxed,
});

/** What the answer says of an item with no decision: withdrawn, or its meeting off, before "not decided yet". */
export const undecidedText = (item: AgendaItem, meeting: Meeting | undefined): string =>
  isWithdrawn(item) ? `"${item.title}" was withdrawn from the agenda: it is not before the meeting to be decided.`
    : meeting?.status === 'cancelled' ? `"${item.title}" has not been decided: its meeting has been cancelled.`
      : meeting?.status === 'postponed' ? `"${item.title}" has not been decided yet: its meeting has been postponed, and a new date will follow.`
        : `"${item.title}" has not been decided yet.`;

const quoted = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');

/**
 * "status community safety", or any question: the decision card, whose outcomes each say their status and what
 * comes next, showing why it matched; an undecided item's card; the list for a question of filters alone; and when
 * nothing matched, the nearest words and titles the index really has.
 */
export async function answerStatus(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const answer = await answerStatusQuery(query, turn.viewer, deps);
  switch (answer.kind) {
    case 'decision':
      return cardReply(decisionCard(answer, turn.viewer, foundInput(answer.found)));
    case 'not-yet-decided':
      return {
        text: undecidedText(answer.item, answer.meeting),
        cards: [agendaItemCard({ item: answer.item, committee: answer.committee, meeting: answer.meeting }, turn.viewer, {
          audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now(), found: foundInput(answer.found),
        })],
      };
    case 'list':
      return { text: `Filtered: ${answer.filters.join(' · ')}`, cards: [searchResultsCard(answer.filters.join(' · '), answer.hits)] };
    case 'nothing-found': {
      const { words, titles } = answer.suggestions;
      const blocks = [
        `I found no decision matching ${echo(answer.query)}${answer.filters.length > 0 ? ` (${answer.filters.join(' · ')})` : ''}.`,
        ...(words.length > 0 ? [`Words I know that are close to yours: ${quoted(words)}.`] : []),
        ...(titles.length > 0 ? ['The nearest titles:', bulletList(titles)] : []),
        ...(words.length === 0 && titles.length === 0 ? ['I know no words or titles close to these: try other words, or "decisions" for the last 30 days.'] : []),
      ];
      return textReply(paragraphs(...blocks));
    }
  }
}
