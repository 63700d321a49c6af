import { clip, type AdaptiveCard } from '../../cards';

/** What a command answers with: cards, and a plain-text line where a card would say too little. */
export interface Reply {
  readonly text?: string;
  readonly cards: readonly AdaptiveCard[];
  /** A notification this answer started: its progress card follows, redrawn in place as deliveries finish. */
  readonly progressOf?: string;
}

export const textReply = (text: string): Reply => ({ text, cards: [] });
export const cardReply = (...cards: AdaptiveCard[]): Reply => ({ cards });

/** The longest echo of what someone typed: enough to recognise it, never a wall of their own text back at them. */
export const ECHO_MAX = 60;

/** What someone typed, quoted back to them, clipped: "I found no decision matching "…"". */
export const echo = (typed: string): string => `"${clip(typed.replace(/\s+/g, ' ').trim(), ECHO_MAX)}"`;

/**
 * Text replies in Teams are Markdown: a single line break is folded into a space, so lines that must stay apart are
 * paragraphs (a blank line between), and a list is "- " items after a blank line, one a line.
 */
export const paragraphs = (...blocks: readonly string[]): string => blocks.filter((b) => b.length > 0).join('\n\n');

/** "- a\n- b": a Markdown list, to be given to `paragraphs` so that a blank line comes before it. */
export const bulletList = (items: readonly string[]): string => items.map((i) => `- ${i.replace(/\s+/g, ' ').trim()}`).join('\n');
