import type { AdaptiveCard } from '../../cards';

/**
 * What a card action answers: a card that replaces the one pressed, or a short message Teams shows in place
 * (with any new cards posted to the conversation as `follow-ups`).
 */
export type InvokeAnswer =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | {
      readonly kind: 'message';
      readonly message: string;
      readonly followUps: readonly AdaptiveCard[];
      /** A notification the action started: its progress card is posted below and redrawn as deliveries finish. */
      readonly progressOf?: string;
    };

export const replaceWith = (card: AdaptiveCard): InvokeAnswer => ({ kind: 'card', card });
export const postBelow = (message: string, ...followUps: AdaptiveCard[]): InvokeAnswer => ({ kind: 'message', message, followUps });
