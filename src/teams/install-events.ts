import { CardFactory, TurnContext } from 'botbuilder';
import type { ConversationKind } from '../domain';
import { captureInstallation } from '../services/conversation/capture-installation';
import { helpCard } from './reply-cards';
import { turnLogger } from './bot-adapter';
import { conversationKindOf, teamsEmailOf, type BotDeps } from './turn';

/**
 * Install, uninstall and "added to a team": remember the conversation and who it belongs to, link the Teams
 * user to the roster, and greet on first install. Teams repeats these events (and the playground sends both on
 * every connect), so the welcome goes out only when the conversation was not already reachable.
 */
export async function onInstallation(ctx: TurnContext, action: 'add' | 'remove', deps: BotDeps): Promise<void> {
  const activity = ctx.activity;
  const kind: ConversationKind = conversationKindOf(ctx);
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { id?: string; name?: string }; channel?: { name?: string } };
  // "Cabinet members / General": how an officer recognises the channel when choosing where to post.
  const name = [channelData.team?.name, activity.conversation.name ?? channelData.channel?.name].filter(Boolean).join(' / ');
  const from = activity.from;
  const logger = turnLogger(ctx, deps.logger);
  // Removed from a chat: a turn in it from now on checks the store again rather than trust an earlier one.
  if (action === 'remove') deps.chats.forget(activity.conversation.id);
  // Linking the user is the use case's work; Teams is asked for their email only when the roster does not know them.
  const known = action === 'add' && from?.aadObjectId ? await deps.members.byAadObjectId(from.aadObjectId) : undefined;
  const email = action === 'add' && from?.aadObjectId && !known ? await teamsEmailOf(ctx, logger) : undefined;
  const result = await captureInstallation(
    {
      action,
      conversation: {
        id: activity.conversation.id,
        kind,
        tenantId: activity.conversation.tenantId ?? channelData.tenant?.id,
        teamId: channelData.team?.id,
        ...(kind !== 'personal' && name ? { name } : {}),
      },
      reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
      user: from?.aadObjectId ? { aadObjectId: from.aadObjectId, name: from.name, email } : undefined,
    },
    deps,
  );
  logger.info({ action, kind, welcome: result.welcome, memberId: result.member?.id }, 'installation captured');
  if (result.welcome) {
    await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard(kind === 'personal' ? result.member : undefined))] });
  }
}
