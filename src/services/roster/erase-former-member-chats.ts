import { DomainError, hasLeft, type Member } from '../../domain';
import type { Store } from '../../store/port';

/** A chat refreshed while it is being erased is read again; a few tries settle it. */
const MAX_ATTEMPTS = 3;

/**
 * From a member's end date, the bot keeps no way to reach them: their personal chats' conversation references are
 * erased, and channels or group chats they installed the bot in forget who they were (the channel's reference is the
 * team's, still used for channel notices). Nothing is done before the end date. Answers how many records it changed.
 */
export async function eraseFormerMemberChats(
  member: Pick<Member, 'id' | 'aadObjectId' | 'endsOn'>,
  store: Pick<Store, 'conversations'>,
  at: Date,
): Promise<number> {
  if (!hasLeft(member, at)) return 0;
  const ids = new Set((await store.conversations.listByMember(member.id)).map((c) => c.id));
  if (member.aadObjectId) for (const c of await store.conversations.listByAadObjectId(member.aadObjectId)) ids.add(c.value.id);
  let changed = 0;
  for (const id of ids) if (await eraseOne(id, member.id, store)) changed += 1;
  return changed;
}

async function eraseOne(id: string, memberId: string, store: Pick<Store, 'conversations'>): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await store.conversations.get(id);
    if (!current) return false;
    if (current.value.kind === 'personal') {
      if (await store.conversations.remove(current)) return true;
      continue;
    }
    if (current.value.memberId !== memberId) return false;
    const { memberId: _installer, aadObjectId: _theirs, ...team } = current.value;
    try {
      await store.conversations.replace(team, current.etag);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    }
  }
  throw new DomainError('conflict', `The conversation ${id} kept changing while it was being erased; run it again.`, { id });
}
