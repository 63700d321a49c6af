import type { ConversationKind, Member } from '../../domain';
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
 * repeats these events, and a repeat changes nothing but the time.
 */
export async function captureInstallation(event: InstallationEvent, deps: ConversationDeps): Promise<InstallationResult> {
  const { store } = deps;
  const at = deps.now().toISOString();
  const existing = await store.conversations.get(event.conversation.id);
  if (event.action === 'remove') {
    if (existing) await store.conversations.markUnreachable(event.conversation.id, at);
    return { welcome: false };
  }
  const member = event.user ? await linkTeamsUser({ aadObjectId: event.user.aadObjectId, email: event.user.email, name: event.user.name }, store) : undefined;
  await store.conversations.upsert({
    id: event.conversation.id,
    kind: event.conversation.kind,
    // A personal chat belongs to its user; a channel or group chat only remembers who installed it.
    memberId: member?.id ?? existing?.value.memberId,
    aadObjectId: event.user?.aadObjectId ?? existing?.value.aadObjectId,
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
