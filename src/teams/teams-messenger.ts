import { CardFactory } from 'botbuilder';
import type { AttemptResult, ConversationRecord, Member } from '../domain';
import type { Logger } from '../logging/logger';
import type { Messenger, OpenChatResult } from '../services/messenger';
import type { OutgoingMessage } from '../services/notifications/outgoing-message';
import { classifyAnswer, type BotConnectorClient } from './bot-connector-client';
import { renderOutgoingMessage } from './notification-messages';
import { TeamRosters, type TeamRostersOptions } from './team-rosters';

/** Installs the app for a member through Microsoft Graph, answering the chat it opened (src/graph implements it). */
export interface AppInstaller {
  install(member: Pick<Member, 'id' | 'aadObjectId'>): Promise<{ readonly ok: true; readonly chatId: string } | { readonly ok: false; readonly result: Exclude<AttemptResult, { kind: 'sent' | 'not-needed' }> }>;
}

interface Reference {
  serviceUrl?: string;
  channelId?: string;
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  bot?: { id?: string; name?: string };
  user?: { id?: string; aadObjectId?: string; name?: string };
}

const referenceOf = (c: ConversationRecord): Reference => c.reference as Reference;

const path = (conversationId: string, activityId?: string): string =>
  `/v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId !== undefined ? `/${encodeURIComponent(activityId)}` : ''}`;

/**
 * The outbox's way to Teams: messages and card redraws through the Bot Connector's REST API (one try each, within
 * Teams' limits: see BotConnectorClient), and personal chats opened with members who have none.
 */
export class TeamsMessenger implements Messenger {
  private readonly rosters: TeamRosters;

  constructor(
    private readonly connector: BotConnectorClient,
    private readonly logger: Logger,
    private readonly options: {
      /** The bot's own Teams id ("28:<app id>"), for new conversations; in local mode, taken from stored references. */
      readonly botId?: string;
      readonly installer?: AppInstaller;
      /** The Bot Connector's address for chats opened by installing the app (Graph gives a chat, not an address). */
      readonly defaultServiceUrl: string;
      /** How long teams' rosters are remembered, and how many members at most (tests shorten them). */
      readonly rosters?: TeamRostersOptions;
    },
  ) {
    this.rosters = new TeamRosters(connector, options.rosters);
  }

  async send(to: ConversationRecord, message: OutgoingMessage): Promise<AttemptResult> {
    const ref = referenceOf(to);
    if (!ref.serviceUrl) return { kind: 'rejected', detail: 'the stored conversation has no service address' };
    const answer = await this.connector.call('POST', ref.serviceUrl, path(to.id), to.id, this.activity(message, ref));
    return classifyAnswer(answer);
  }

  async update(to: ConversationRecord, activityId: string, message: OutgoingMessage): Promise<AttemptResult> {
    const ref = referenceOf(to);
    if (!ref.serviceUrl) return { kind: 'rejected', detail: 'the stored conversation has no service address' };
    const answer = await this.connector.call('PUT', ref.serviceUrl, path(to.id, activityId), to.id, { ...this.activity(message, ref), id: activityId });
    return classifyAnswer(answer);
  }

  /**
   * A member with no chat with the bot: find them on the roster of a team where the bot is installed (read a page
   * at a time and remembered briefly: see TeamRosters) and create the one-to-one conversation there; else, where
   * Microsoft Graph is configured, install the app for them, which opens the chat.
   */
  async openPersonalChat(member: Member, teamChannels: readonly ConversationRecord[]): Promise<OpenChatResult> {
    if (!member.aadObjectId) return { ok: false, result: { kind: 'unreachable', reason: 'no-teams-account' } };
    const teams = [...new Map(teamChannels.filter((c) => c.reachable && c.teamId).map((c) => [c.teamId!, c])).values()];
    for (const channel of teams) {
      const ref = referenceOf(channel);
      if (!ref.serviceUrl) continue;
      const found = await this.rosters.find({ teamId: channel.teamId!, serviceUrl: ref.serviceUrl, conversationKey: channel.id }, member.aadObjectId);
      if (found.kind === 'retry') return { ok: false, result: found.result };
      if (found.kind === 'refused') this.logger.debug({ teamId: channel.teamId, detail: found.detail }, 'a team would not give its roster; trying the next');
      if (found.kind !== 'found') continue; // not in this team, or it will not say: try the next
      const { account } = found;
      const tenantId = channel.tenantId ?? ref.conversation?.tenantId ?? account.tenantId;
      const botId = this.options.botId ?? ref.bot?.id;
      const created = await this.connector.call('POST', ref.serviceUrl, '/v3/conversations', `new:${member.id}`, {
        isGroup: false,
        bot: { id: botId },
        members: [{ id: account.id }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      });
      const outcome = classifyAnswer(created);
      const conversationId = (created as { body?: { id?: unknown } }).body?.id;
      if (outcome.kind !== 'sent' || typeof conversationId !== 'string') {
        if (outcome.kind === 'sent') return { ok: false, result: { kind: 'fault', detail: 'Teams opened a chat but did not say its id' } };
        return { ok: false, result: outcome };
      }
      this.logger.info({ memberId: member.id, teamId: channel.teamId }, 'opened a personal chat through a team');
      return { ok: true, conversation: this.personalChat(member, conversationId, ref.serviceUrl, { botId, tenantId, userId: account.id, name: account.name }) };
    }
    if (this.options.installer) {
      const installed = await this.options.installer.install(member);
      if (!installed.ok) return installed;
      const serviceUrl = teams.map((c) => referenceOf(c).serviceUrl).find(Boolean) ?? this.options.defaultServiceUrl;
      this.logger.info({ memberId: member.id }, 'installed the app for a member through Microsoft Graph');
      return { ok: true, conversation: this.personalChat(member, installed.chatId, serviceUrl, { botId: this.options.botId }) };
    }
    return { ok: false, result: { kind: 'unreachable', reason: 'no-chat' } };
  }

  private personalChat(
    member: Member,
    conversationId: string,
    serviceUrl: string,
    who: { botId?: string; tenantId?: string; userId?: string; name?: string },
  ): ConversationRecord {
    return {
      id: conversationId,
      kind: 'personal',
      memberId: member.id,
      ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
      ...(who.tenantId ? { tenantId: who.tenantId } : {}),
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: conversationId, conversationType: 'personal', ...(who.tenantId ? { tenantId: who.tenantId } : {}) },
        ...(who.botId ? { bot: { id: who.botId } } : {}),
        user: { ...(who.userId ? { id: who.userId } : {}), aadObjectId: member.aadObjectId, name: who.name ?? member.name },
      },
      reachable: true,
      updatedAt: new Date().toISOString(),
    };
  }

  /** The activity Teams gets: plain text (an officer's note is never read as markdown) and the cards. */
  private activity(message: OutgoingMessage, ref: Reference): Record<string, unknown> {
    const rendered = renderOutgoingMessage(message, ref.conversation?.conversationType === 'personal' ? ref.user?.id : undefined);
    return {
      type: 'message',
      ...(rendered.text ? { text: rendered.text, textFormat: 'plain' } : {}),
      ...(rendered.cards.length > 0 ? { attachments: rendered.cards.map((card) => CardFactory.adaptiveCard(card)), attachmentLayout: 'list' } : {}),
      ...(ref.bot ? { from: ref.bot } : {}),
      ...(ref.conversation ? { conversation: { id: ref.conversation.id } } : {}),
    };
  }
}
