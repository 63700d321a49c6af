import type { AgendaWhen } from '../../services/commands/parse-command';
import { answerAgenda } from '../../services/conversation/answer-agenda';
import { meetingDigestCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, echo, textReply, type Reply } from './reply';

const WHEN_WORDS: Record<AgendaWhen, string> = { next: 'coming up', today: 'today', tomorrow: 'tomorrow', 'this-week': 'this week', 'next-week': 'next week' };

/** "agenda", "next meeting", "what's on Cabinet next week": a digest card per meeting. */
export async function answerAgendaCommand(request: { when: AgendaWhen; committee?: string }, turn: Turn, deps: BotDeps): Promise<Reply> {
  const answer = await answerAgenda(request, turn.viewer, deps);
  switch (answer.kind) {
    case 'meetings':
      return cardReply(...answer.agendas.map((agenda) => meetingDigestCard(agenda, turn.viewer)));
    case 'no-meetings':
      return textReply(`No meetings of ${answer.committees.join(', ') || 'your committees'} ${WHEN_WORDS[answer.when]}. Try "agenda" for the next ones.`);
    case 'unknown-committee':
      return textReply(`I don't know a committee called ${echo(answer.asked)}. The committees are: ${answer.known.join(', ')}.`);
  }
}
