import { hasLeft, type ConversationKind, type Member } from '../../domain';
import { eraseFormerMemberChats } from '../roster/erase-former-member-chats';
import { linkTeamsUser } from '../roster/link-teams-user';
import type { ConversationDeps } from './conversation-deps';

export interface InstallationEvent {
  readonly action: 'add' | 'remove';
  readonly conversation: { readonly id: string; readonly kind: ConversationKind; readonly tenantId?: string; readonly teamId?: string; readonly name?: string };
  /** The channel's conversation reference, kept opaque: only the Teams adapter reads it back. */
  readonly reference: Record<string, unknown>;
  /** Who installed or was added, as Teams identified them. */
  readonly user?: { readonly aadObjectId: string; readonly name?: string; readonly email?: string };
}

export interface InstallationResult {
  /** True the first time the bot can reach this conversation (or again after an uninstall): send the welcome. */
  readonly welcome: boolean;
  readonly member?: Member;
}

/**
 * Install, uninstall and "added to a team" events: remember where the bot can reach people, link the Teams
 * user to the roster, and mark conversations the bot was removed from as unreachable. Idempotent: Teams
 * repeats these events, and a repeat changes nothing but the time. A former member (their end date has come) who
 * opens the bot again is not remembered: from that date the bot keeps no way to reach them (their personal chat is
 * not stored, and anything of theirs left is erased), and a channel they add it to is kept as the team's only.
 */
export async function captureInstallation(event: InstallationEvent, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<InstallationResult> {
  const { store } = deps;
  const at = deps.now().toISOString();
  const existing = await store.conversations.get(event.conversation.id);
  if (event.action === 'remove') {
    if (existing) await store.conversations.markUnreachable(event.conversation.id, at);
    return { welcome: false };
  }
  const member = event.user ? await linkTeamsUser({ aadObjectId: event.user.aadObjectId, email: event.user.email, name: event.user.name }, store) : undefined;
  const former = member !== undefined && hasLeft(member, deps.now());
  if (former && event.conversation.kind === 'personal') {
    await eraseFormerMemberChats(member, store, deps.now());
    return { welcome: false, member };
  }
  await store.conversations.upsert({
    id: event.conversation.id,
    kind: event.conversation.kind,
    // A personal chat belongs to its user; a channel or group chat only remembers who installed it, never a former
    // member (an earlier installer who is someone else stays).
    memberId: former ? othersOnly(existing?.value.memberId, member.id) : member?.id ?? existing?.value.memberId,
    aadObjectId: former ? othersOnly(existing?.value.aadObjectId, event.user?.aadObjectId) : event.user?.aadObjectId ?? existing?.value.aadObjectId,
    tenantId: event.conversation.tenantId,
    teamId: event.conversation.teamId,
    ...(event.conversation.name ?? existing?.value.name ? { name: (event.conversation.name ?? existing?.value.name)!.slice(0, 300) } : {}),
    reference: event.reference,
    reachable: true,
    updatedAt: at,
  });
  // Install and conversation-update events often arrive together: the ledger lets only one of them greet.
  const newlyReachable = !existing || !existing.value.reachable;
  const welcome = newlyReachable && (await store.activities.claim(`welcome|${event.conversation.id}|${existing?.value.updatedAt ?? 'first'}`, at));
  return { welcome, member };
}

const othersOnly = (kept: string | undefined, theirs: string | undefined): string | undefined =>
  kept !== undefined && kept.toLowerCase() !== theirs?.toLowerCase() ? kept : undefined;
