export {
  parseCommand, parseQuestion, COMMAND_KINDS, OFFICER_ONLY_COMMANDS, DEFAULT_DECISIONS_DAYS, type Command, type CommandKind, type AgendaWhen, type ParseOptions,
} from './parse-command';
export { findModernGovLinks, parseModernGovLink, type ModernGovLink } from './moderngov-link';
