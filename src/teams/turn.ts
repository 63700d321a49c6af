import { TeamsInfo, TurnContext } from 'botbuilder';
import type { ConversationKind, Viewer } from '../domain';
import type { Logger } from '../logging/logger';
import type { ConversationDeps } from '../services/conversation/conversation-deps';
import type { NotificationDeps } from '../services/notifications/notification-deps';
import { linkTeamsUser } from '../services/roster/link-teams-user';
import type { ChatDirectory } from '../services/conversation/chat-directory';
import type { MemberDirectory } from '../services/roster/member-directory';
import { turnLogger, turnRequestId } from './bot-adapter';

/** What every handler needs, built once per turn. Handlers never see the TurnContext itself. */
export interface Turn {
  readonly viewer: Viewer;
  /** The Teams user id ("29:..."), for user-specific card views. */
  readonly teamsUserId: string;
  readonly conversationId: string;
  readonly activityId?: string;
  /** The message holding the card, for an invoke from a card. */
  readonly replyToId?: string;
  readonly requestId?: string;
  readonly logger: Logger;
}

export interface BotDeps extends ConversationDeps {
  /** Pushes, reminders and cancellations go through the outbox (the same use cases as the officer API). */
  readonly notifications: NotificationDeps;
  readonly logger: Logger;
  readonly members: MemberDirectory;
  /** Keeps each member's personal chat with the bot recorded and current, so notifications reach them. */
  readonly chats: ChatDirectory;
  /** The council's ModernGov host names, for link unfurling (config MODERNGOV_DOMAINS). */
  readonly modernGovHosts?: readonly string[];
}

/** Teams says personal, channel or groupChat; anything else is treated as the most public (a channel). */
export const conversationKindOf = (ctx: TurnContext): ConversationKind => {
  const type = ctx.activity.conversation?.conversationType;
  return type === 'personal' || type === 'groupChat' ? type : 'channel';
};

/**
 * The viewer is whoever Teams authenticated (`from.aadObjectId`), matched to the roster by object id, else
 * by the email Teams holds for them (looked up only for users the roster does not know by id yet).
 */
export async function buildTurn(ctx: TurnContext, deps: BotDeps): Promise<Turn> {
  const from = ctx.activity.from ?? { id: '' };
  const logger = turnLogger(ctx, deps.logger);
  let member = from.aadObjectId ? await deps.members.byAadObjectId(from.aadObjectId) : undefined;
  if (!member && from.aadObjectId) {
    const email = await teamsEmailOf(ctx, logger);
    member = await linkTeamsUser({ aadObjectId: from.aadObjectId, email, name: from.name }, deps.store);
  }
  return {
    viewer: {
      member,
      where: conversationKindOf(ctx),
      // The audit log's actor: the object id Teams authenticated, never anything the card carries.
      ...(from.aadObjectId ? { identity: { aadObjectId: from.aadObjectId, ...(from.name ? { name: from.name } : {}), ...(turnRequestId(ctx) !== undefined ? { requestId: turnRequestId(ctx) } : {}) } } : {}),
    },
    teamsUserId: from.id,
    conversationId: ctx.activity.conversation?.id ?? '',
    activityId: ctx.activity.id,
    replyToId: ctx.activity.replyToId,
    requestId: turnRequestId(ctx),
    logger: logger.child({ memberId: member?.id }),
  };
}

/** The user's email or UPN from Teams' roster; undefined where Teams will not say (no failure of the turn). */
export async function teamsEmailOf(ctx: TurnContext, logger: Logger): Promise<string | undefined> {
  try {
    const account = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
    return account.email ?? account.userPrincipalName ?? undefined;
  } catch (err) {
    logger.debug({ err }, 'Teams member look-up failed; carrying on without an email');
    return undefined;
  }
}

/**
 * A turn in a personal chat (a message, a card press) proves the chat is there and whose it is: the chat directory
 * records it when that is news (written only when something changed).
 */
export async function notePersonalChat(ctx: TurnContext, turn: Turn, deps: BotDeps): Promise<void> {
  if (turn.viewer.where !== 'personal' || !ctx.activity.conversation?.id) return;
  const channelData = (ctx.activity.channelData ?? {}) as { tenant?: { id?: string } };
  await deps.chats.seen(
    {
      id: ctx.activity.conversation.id,
      ...(ctx.activity.conversation.tenantId ?? channelData.tenant?.id ? { tenantId: ctx.activity.conversation.tenantId ?? channelData.tenant?.id } : {}),
      ...(ctx.activity.from?.aadObjectId ? { aadObjectId: ctx.activity.from.aadObjectId } : {}),
      reference: TurnContext.getConversationReference(ctx.activity) as Record<string, unknown>,
    },
    turn.viewer.member,
  );
}
