import { DomainError, hasLeft, type Member } from '../../domain';
import type { Store } from '../../store/port';
import { eraseFormerMemberChats } from './erase-former-member-chats';

/**
 * When the roster learns a member's Entra object id, their personal chats with the bot that were recorded before
 * (they opened the bot before they were on the roster, or before their id was known) become theirs, so
 * notifications reach them. Answers how many chats it linked. A former member's chats are erased instead, at once when
 * the end date saved has already come (erase-former-member-chats.ts); `cabinet-bot retention apply` does it for dates
 * reached later.
 */
export async function linkMemberChats(member: Pick<Member, 'id' | 'aadObjectId' | 'endsOn'>, store: Pick<Store, 'conversations'>, at: Date = new Date()): Promise<number> {
  if (hasLeft(member, at)) {
    await eraseFormerMemberChats(member, store, at);
    return 0;
  }
  if (!member.aadObjectId) return 0;
  let linked = 0;
  for (const chat of await store.conversations.listByAadObjectId(member.aadObjectId)) {
    if (chat.value.kind !== 'personal' || chat.value.memberId === member.id) continue;
    try {
      await store.conversations.replace({ ...chat.value, memberId: member.id }, chat.etag);
      linked += 1;
    } catch (error) {
      // A turn in that chat refreshed it at the same moment (and linked it itself): nothing lost.
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    }
  }
  return linked;
}
