import { hasLeft, type Member } from '../../domain';
import type { Store } from '../../store/port';
import { reachAmong, type MemberReach } from '../notifications/member-reach';
import { UNREACHABLE_REASON_TEXT } from '../notifications/unreachable-advice';

/** Whether the bot can reach a member in Teams now, in the outbox's terms, and why not in words. */
export interface RosterReach {
  /** reachable: a chat with the bot; to-try: a Teams account, no chat yet (the outbox will try to open one); left: a former member. */
  readonly status: MemberReach | 'left';
  readonly why: string;
}

const WHY: Readonly<Record<RosterReach['status'], string>> = {
  reachable: 'has a chat with the bot',
  'to-try': 'no chat with the bot yet: the bot will try to open one when it sends',
  blocked: UNREACHABLE_REASON_TEXT.blocked,
  'no-teams-account': UNREACHABLE_REASON_TEXT['no-teams-account'],
  left: UNREACHABLE_REASON_TEXT.left,
};

/**
 * The roster's reachability, as a send would find it (notifications/member-reach.ts): every personal chat read in one
 * query, not one per member.
 */
export async function rosterReach(members: readonly Member[], store: Pick<Store, 'conversations'>, now: Date): Promise<Map<string, RosterReach>> {
  const chats = await store.conversations.listPersonal();
  return new Map(
    members.map((m) => {
      const status = hasLeft(m, now) ? 'left' : reachAmong(m, chats);
      return [m.id, { status, why: WHY[status] }];
    }),
  );
}
