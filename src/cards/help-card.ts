import type { Member } from '../domain';
import { isOfficer as actsAsOfficer } from '../domain';
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

/** The chat commands (services/commands/parse-command.ts understands them; the manifest's command list says the same). */
export const defaultHelpExamples: readonly HelpExample[] = [
  { text: 'status community safety strategy', meaning: 'where a decision has got to, and what happens next' },
  { text: 'agenda', meaning: 'the next meetings of your committees and their items' },
  { text: "what's on Cabinet next week", meaning: 'one committee, one week' },
  { text: 'item 6', meaning: 'an agenda item by its number (or by words)' },
  { text: 'decisions', meaning: 'decisions of the last 30 days' },
  { text: 'pending', meaning: 'items waiting for your acknowledgement' },
  { text: 'actions', meaning: 'actions you own, overdue first' },
];

export const defaultOfficerHelpExamples: readonly HelpExample[] = [
  { text: 'report community safety', meaning: 'who has and has not acknowledged an item' },
  { text: 'remind community safety', meaning: 'remind those who have not acknowledged it' },
  { text: 'notify item 6', meaning: "send an item's card to its committee (or notify agenda cabinet for the whole agenda)" },
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
  const isOfficer = actsAsOfficer(input.member);
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
