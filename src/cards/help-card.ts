import type { Member } from '../domain';
import { canPushNotifications } from '../domain';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip } from './text';

export interface HelpExample {
  /** What to type. */
  readonly text: string;
  /** What it does, in a few words. */
  readonly meaning: string;
}

export interface HelpView {
  readonly greeting: string;
  readonly councilName: string;
  readonly isOfficer: boolean;
  readonly examples: readonly HelpExample[];
  readonly officerExamples: readonly HelpExample[];
}

/** The questions PRODUCT.md promises an answer to; the chat command handler can pass its own list instead. */
export const defaultHelpExamples: readonly HelpExample[] = [
  { text: 'status community safety strategy', meaning: 'where a decision has got to' },
  { text: "what's on Cabinet next week", meaning: 'the next meetings and their agendas' },
  { text: 'to acknowledge', meaning: 'items waiting for you to read' },
  { text: 'my actions', meaning: 'actions you own, and how they stand' },
  { text: 'overdue actions', meaning: 'actions past their due date' },
];

export const defaultOfficerHelpExamples: readonly HelpExample[] = [
  { text: 'who has acknowledged <item>', meaning: 'the acknowledgement report, with a remind button' },
  { text: 'help', meaning: 'this card' },
];

export interface HelpCardInput {
  /** "Melton Borough Council"; "the council" when not configured. */
  readonly councilName?: string;
  /** The person asking, where known: the card greets them and shows officer help to officers. */
  readonly member?: Member;
  readonly examples?: readonly HelpExample[];
  readonly officerExamples?: readonly HelpExample[];
}

export const buildHelpView = (input: HelpCardInput = {}): HelpView => {
  const isOfficer = input.member !== undefined && canPushNotifications(input.member);
  return {
    greeting: input.member ? `Hello ${clip(input.member.name, 120)}` : 'Hello',
    councilName: input.councilName ?? 'the council',
    isOfficer,
    examples: input.examples ?? defaultHelpExamples,
    officerExamples: isOfficer ? (input.officerExamples ?? defaultOfficerHelpExamples) : [],
  };
};

/** Without a view: the general help card, as the bot shows to anyone. */
export const renderHelpCard = (view: HelpView = buildHelpView()): AdaptiveCard => renderTemplate('help', view);
