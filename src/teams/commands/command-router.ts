import { isOfficer } from '../../domain';
import { OFFICER_ONLY_COMMANDS, parseCommand, type Command } from '../../services/commands/parse-command';
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

/** One handler per command; the parser decides which, and officer-only commands refuse others politely. */
export async function answerCommand(text: string, turn: Turn, deps: BotDeps, botNames: readonly string[]): Promise<Reply> {
  const command = parseCommand(text, { botNames });
  if (OFFICER_ONLY_COMMANDS.has(command.kind) && !isOfficer(turn.viewer.member)) {
    return textReply('Sorry, that is for democratic services officers. You can ask "status <words>", "agenda", "pending" or "help".');
  }
  return dispatch(command, turn, deps);
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
