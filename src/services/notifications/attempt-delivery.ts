import {
  DomainError, deliveryAfterAttempt, type AttemptResult, type ConversationRecord, type Delivery, type Member, type Notification,
  type RetryPolicy,
} from '../../domain';
import type { Store, Versioned } from '../../store/port';
import type { ChatDirectory } from '../conversation/chat-directory';
import type { Messenger } from '../messenger';
import { composeMessage } from './compose-message';
import { reachableChatOf, reachOf } from './member-reach';

export interface AttemptDeps {
  readonly store: Store;
  readonly messenger: Messenger;
  readonly now: () => Date;
  readonly policy: RetryPolicy;
  /** In [0, 1): the jitter of retry delays (Math.random; fixed in tests). */
  readonly random: () => number;
  /** This instance's trust in the chats its turns confirmed: a chat found closed here is no longer trusted. */
  readonly chats?: Pick<ChatDirectory, 'forget'>;
}

/** The result of one try, and the delivery as recorded after it. */
export interface AttemptOutcome {
  readonly result: AttemptResult;
  readonly delivery: Delivery;
}

/** Where a delivery goes: its recorded conversation, the member's reachable personal chat, or one opened now. */
type Target = { readonly ok: true; readonly conversation: ConversationRecord } | { readonly ok: false; readonly result: AttemptResult };

async function targetOf(delivery: Delivery, member: Member | undefined, deps: AttemptDeps): Promise<Target> {
  const { store } = deps;
  const fail = (result: AttemptResult): Target => ({ ok: false, result });
  if (delivery.conversationId) {
    const recorded = (await store.conversations.get(delivery.conversationId))?.value;
    if (recorded?.reachable) return { ok: true, conversation: recorded };
    if (delivery.action === 'update' || delivery.recipient.kind === 'channel') {
      return fail({ kind: 'gone', detail: recorded ? 'the bot was removed from this conversation' : 'the conversation is no longer recorded' });
    }
  }
  if (!member) return fail({ kind: 'rejected', detail: 'no longer on the roster' });
  const chat = await reachableChatOf(store, member.id);
  if (chat) return { ok: true, conversation: chat };
  const reach = await reachOf(store, member);
  if (reach === 'blocked' || reach === 'no-teams-account') return fail({ kind: 'unreachable', reason: reach });
  const opened = await deps.messenger.openPersonalChat(member, await store.conversations.listTeamChannels());
  if (!opened.ok) return fail(opened.result);
  // Remember the new chat: the next notification goes straight to it.
  await store.conversations.upsert(opened.conversation);
  return { ok: true, conversation: opened.conversation };
}

/**
 * One try at one claimed delivery: find where it goes (opening a personal chat if need be), draw the recipient's own
 * card from the records as they are now, send or redraw it through the Messenger, and record what happened with the
 * claim's ETag. A member who blocked the bot, or whose chat is gone, has that conversation marked unreachable.
 * Never throws for what Teams or the records say; only a store failure escapes (the claim then lapses and the
 * delivery is tried again).
 */
export async function attemptDelivery(claimed: Versioned<Delivery>, notification: Notification, deps: AttemptDeps): Promise<AttemptOutcome> {
  const { store } = deps;
  const delivery = claimed.value;
  const member = delivery.recipient.kind === 'member' ? (await store.members.get(delivery.recipient.memberId))?.value : undefined;

  let result: AttemptResult;
  let conversation: ConversationRecord | undefined;
  try {
    const target = await targetOf(delivery, member, deps);
    if (!target.ok) {
      result = target.result;
    } else {
      conversation = target.conversation;
      const message = await composeMessage(notification, delivery, member, deps);
      if (message === undefined) result = { kind: 'not-needed', detail: 'nothing left for them to read or do' };
      else if (delivery.action === 'update') result = await deps.messenger.update(conversation, delivery.targetActivityId!, message);
      else result = await deps.messenger.send(conversation, message);
      if (result.kind === 'sent') result = { ...result, conversationId: conversation.id };
    }
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'unavailable') throw error;
    // The records say it cannot be sent (gone, or no longer theirs to see): retrying would not change that.
    result = { kind: 'rejected', detail: error.message };
  }

  const now = deps.now();
  const next = deliveryAfterAttempt(delivery, result, now, deps.policy, deps.random());
  const recorded = await store.notifications.replaceDelivery(next, claimed.etag);
  if ((result.kind === 'blocked' || result.kind === 'gone') && conversation) {
    await store.conversations.markUnreachable(conversation.id, now.toISOString());
    // Should they unblock the bot and write to it, that turn must find the chat marked and mark it reachable again,
    // not take it on the trust of a turn before the block (another instance's turns wait out the trust window).
    deps.chats?.forget(conversation.id);
  }
  return { result, delivery: recorded.value };
}
