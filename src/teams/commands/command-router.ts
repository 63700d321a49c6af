import { isOfficer } from '../../domain';
import { OFFICER_ONLY_COMMANDS, parseCommand, parseQuestion, type Command } from '../../services/commands/parse-command';
import { itemNaming, namesAnItem } from '../../services/conversation/name-item';
import type { BotDeps, Turn } from '../turn';
import { answerActions } from './actions';
import { answerAgendaCommand } from './agenda';
import { answerDecisions } from './decisions';
import { answerHelp } from './help';
import { answerItem } from './item';
import { answerNotify } from './notify';
import { answerPending } from './pending';
import { answerRemind } from './remind';
import { answerReport } from './report';
import { textReply, type Reply } from './reply';
import { answerStatus } from './status';

/**
 * One handler per command; the parser decides which. An officer's command (report, remind, notify) is one only when
 * what follows names an item or an agenda; otherwise the words are a question and get a search answer, whoever asks.
 * Named in command form, it is refused to all but officers, politely.
 */
export async function answerCommand(text: string, turn: Turn, deps: BotDeps, botNames: readonly string[]): Promise<Reply> {
  const command = parseCommand(text, { botNames });
  if (OFFICER_ONLY_COMMANDS.has(command.kind)) {
    if (!(await namesItsSubject(command, turn, deps))) return dispatch(parseQuestion(text, { botNames }), turn, deps);
    if (!isOfficer(turn.viewer.member)) {
      return textReply('Sorry, that is for democratic services officers. You can ask "status <words>", "agenda", "pending" or "help".');
    }
  }
  return dispatch(command, turn, deps);
}

/** Whether an officer's command names its subject as the command needs: an item (or, for notify, an agenda). */
async function namesItsSubject(command: Command, turn: Turn, deps: BotDeps): Promise<boolean> {
  switch (command.kind) {
    case 'report':
    case 'remind':
      return namesAnItem(itemNaming(command.query), turn.viewer, deps);
    case 'notify':
      return 'agenda' in command ? true : namesAnItem(command.item, turn.viewer, deps);
    default:
      return true;
  }
}

function dispatch(command: Command, turn: Turn, deps: BotDeps): Promise<Reply> {
  switch (command.kind) {
    case 'help':
      return answerHelp(turn);
    case 'agenda':
      return answerAgendaCommand(command, turn, deps);
    case 'item':
      return answerItem('number' in command ? { number: command.number } : { query: command.query }, turn, deps);
    case 'status':
      return answerStatus(command.query, turn, deps);
    case 'decisions':
      return answerDecisions(command.days, turn, deps);
    case 'pending':
      return answerPending(turn, deps);
    case 'actions':
      return answerActions(command.overdueOnly, turn, deps);
    case 'report':
      return answerReport(command.query, turn, deps);
    case 'remind':
      return answerRemind(command.query, turn, deps);
    case 'notify':
      return answerNotify(command, turn, deps);
  }
}
