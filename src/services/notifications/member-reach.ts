import type { ConversationRecord, Member, UnreachableReason } from '../../domain';
import type { Store } from '../../store/port';
import { UNREACHABLE_REASON_TEXT } from './unreachable-advice';

/** Before sending: who can be reached in Teams now, who the bot will try to reach, and who cannot be reached. */
export interface ReachPreview {
  /** Members with a personal chat with the bot. */
  readonly reachable: readonly Member[];
  /** No chat yet, but a Teams identity: the sender will try to open a chat (through a team, or by installing the app). */
  readonly toTry: readonly Member[];
  readonly unreachable: ReadonlyArray<{ readonly member: Member; readonly reason: UnreachableReason; readonly why: string }>;
}

export async function previewReach(members: readonly Member[], store: Store): Promise<ReachPreview> {
  const reach = await Promise.all(members.map(async (member) => ({ member, reach: await reachOf(store, member) })));
  return {
    reachable: reach.filter((r) => r.reach === 'reachable').map((r) => r.member),
    toTry: reach.filter((r) => r.reach === 'to-try').map((r) => r.member),
    unreachable: reach.flatMap((r) =>
      r.reach === 'reachable' || r.reach === 'to-try' ? [] : [{ member: r.member, reason: r.reach, why: UNREACHABLE_REASON_TEXT[r.reach] }],
    ),
  };
}

/**
 * How the bot can reach a member now: their personal chat; or, with no chat but a Teams identity, by opening one; not
 * when their chat was closed on the bot (they blocked or removed it: opening another would be refused the same way)
 * or the roster has no Teams identity for them.
 */
export async function reachOf(store: Store, member: Member): Promise<MemberReach> {
  return reachAmong(member, await store.conversations.listByMember(member.id));
}

export type MemberReach = 'reachable' | 'to-try' | Extract<UnreachableReason, 'blocked' | 'no-teams-account'>;

/** `reachOf`, from the conversations already read (the member's, or every personal chat: the roster at once). */
export function reachAmong(member: Pick<Member, 'id' | 'aadObjectId'>, conversations: readonly ConversationRecord[]): MemberReach {
  const personal = conversations.filter((c) => c.kind === 'personal' && c.memberId === member.id);
  if (personal.some((c) => c.reachable)) return 'reachable';
  if (personal.length > 0) return 'blocked';
  return member.aadObjectId ? 'to-try' : 'no-teams-account';
}

/** The member's personal chat the bot can reach, if any. */
export const reachableChatOf = async (store: Store, memberId: string): Promise<ConversationRecord | undefined> =>
  (await store.conversations.listByMember(memberId)).find((c) => c.kind === 'personal' && c.reachable);
