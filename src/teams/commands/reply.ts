import type { AdaptiveCard } from '../../cards';

/** What a command answers with: cards, and a plain-text line where a card would say too little. */
export interface Reply {
  readonly text?: string;
  readonly cards: readonly AdaptiveCard[];
  /** A notification this answer started: its progress card follows, redrawn in place as deliveries finish. */
  readonly progressOf?: string;
}

export const textReply = (text: string): Reply => ({ text, cards: [] });
export const cardReply = (...cards: AdaptiveCard[]): Reply => ({ cards });
