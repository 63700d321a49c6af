import type { AdaptiveCard } from '../../cards';

/** What a command answers with: cards, and a plain-text line where a card would say too little. */
export interface Reply {
  readonly text?: string;
  readonly cards: readonly AdaptiveCard[];
}

export const textReply = (text: string): Reply => ({ text, cards: [] });
export const cardReply = (...cards: AdaptiveCard[]): Reply => ({ cards });
