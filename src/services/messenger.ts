import type { ConversationRecord } from '../domain';

/** What happened to one proactive message. `blocked`: the user blocked or removed the bot (never retried). */
export type SendOutcome =
  | { readonly ok: true; readonly activityId?: string }
  | { readonly ok: false; readonly reason: 'blocked' | 'failed'; readonly detail: string };

/**
 * The port through which use cases send proactive messages; the Teams adapter implements it. Cards are
 * opaque here: the caller renders them.
 */
export interface Messenger {
  sendCard(conversation: ConversationRecord, card: Record<string, unknown>): Promise<SendOutcome>;
}
