import type { AttemptResult, ConversationRecord, Member } from '../domain';
import type { OutgoingMessage } from './notifications/outgoing-message';

/** Opening a personal chat: the new conversation, or why not (unreachable for good, or a fault to retry). */
export type OpenChatResult =
  | { readonly ok: true; readonly conversation: ConversationRecord }
  | { readonly ok: false; readonly result: Exclude<AttemptResult, { kind: 'sent' | 'not-needed' }> };

/**
 * The port through which the outbox talks to Teams; the Teams adapter implements it (src/teams/teams-messenger.ts).
 * One call is one try: no retries hidden inside, so that the outbox's own retry policy (domain/delivery.ts) is the
 * only one, and every answer is reported as what it means (sent, throttled, blocked, gone, a fault ...), never thrown.
 */
export interface Messenger {
  /** Sends a new message to the conversation. */
  send(to: ConversationRecord, message: OutgoingMessage): Promise<AttemptResult>;
  /** Redraws a message sent earlier (Teams alerts nobody to an edit). */
  update(to: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<AttemptResult>;
  /**
   * Opens a personal chat with a member who has none: through a team where the bot is installed and the member
   * belongs (the documented way to reach a team member proactively), else by installing the app for them through
   * Microsoft Graph where that is configured.
   */
  openPersonalChat(member: Member, teamChannels: readonly ConversationRecord[]): Promise<OpenChatResult>;
}

/**
 * Teams' limits on the bot's requests, shared by every request the outbox makes (sends, updates, roster look-ups,
 * new conversations): a budget per tenant and the per-conversation limits. The Teams adapter asks it before each
 * request and reports throttling back; the delivery runtime implements it (src/delivery/connector-budget.ts).
 */
export interface ConnectorBudget {
  /** Runs `request` when the tenant budget and the limits of `conversationKey` allow. */
  schedule<T>(conversationKey: string, request: () => Promise<T>): Promise<T>;
  /** Teams answered 429: hold every request for this long (Retry-After), or a backoff when Teams did not say. */
  throttled(retryAfterMs?: number): void;
}
