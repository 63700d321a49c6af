import { sendableFrom, type AuditContext, type Member } from '../../domain';
import { composeMessage } from './compose-message';
import { reachableChatOf } from './member-reach';
import type { NotificationDeps } from './notification-deps';
import type { RenderedMessage, RenderMessage } from './outgoing-message';
import { draftPush, type PushRequest } from './push-notification';

/** One audience's message: the words and the Adaptive Card JSON the outbox would send, and for whom it was drawn. */
export interface AudiencePreview extends RenderedMessage {
  /** member: each member's personal chat (drawn for one of them: a card shows its reader's own state); channel: a team channel. */
  readonly audience: 'member' | 'channel';
  readonly drawnFor: { readonly memberId?: string; readonly conversationId?: string; readonly name: string };
}

export interface NotificationPreview {
  readonly kind: 'agenda-item' | 'meeting-digest';
  readonly recipients: { readonly total: number; readonly members: number; readonly channels: number };
  /** When it was asked to go (now, or the schedule), and when it would go: later during quiet hours unless urgent. */
  readonly sendAt: string;
  readonly sendsAt: string;
  /** What would hold it back: its schedule (a time to come), quiet hours, or nothing (it would go at once). */
  readonly heldBy: 'nothing' | 'schedule' | 'quiet-hours';
  readonly audiences: readonly AudiencePreview[];
}

/**
 * What an officer's push would send, before it is made: checked and resolved exactly as the push (refusing what it
 * would refuse), then each audience's message composed from the records and drawn as the outbox draws it. Nothing is
 * stored, sent or audited.
 */
export async function previewNotification(request: PushRequest, by: AuditContext, deps: NotificationDeps & { readonly render: RenderMessage }): Promise<NotificationPreview> {
  const { notification, audience } = await draftPush(request, by, deps, { id: 'n-preview' });
  // The draft's own moment: an unscheduled push's sendAt is exactly it (another read of the clock could be a millisecond off).
  const now = new Date(notification.createdAt);
  const draw = async (member: Member | undefined, recipient: Parameters<typeof composeMessage>[1]['recipient'], chat: Parameters<RenderMessage>[1]) => {
    const message = await composeMessage(notification, { recipient }, member, deps);
    return message ? deps.render(message, chat) : { cards: [] };
  };
  const audiences: AudiencePreview[] = [];
  const member = audience.members[0];
  if (member) {
    const drawn = await draw(member, { kind: 'member', memberId: member.id, name: member.name }, await reachableChatOf(deps.store, member.id));
    audiences.push({ audience: 'member', drawnFor: { memberId: member.id, name: member.name }, ...drawn });
  }
  const channel = audience.channels[0];
  if (channel) {
    const name = channel.name ?? 'Team channel';
    const drawn = await draw(undefined, { kind: 'channel', conversationId: channel.id, name }, channel);
    audiences.push({ audience: 'channel', drawnFor: { conversationId: channel.id, name }, ...drawn });
  }
  const sendAt = new Date(notification.sendAt);
  const sendsAt = sendableFrom(sendAt, notification.urgent, deps.quietHours);
  return {
    kind: notification.kind === 'agenda-item' ? 'agenda-item' : 'meeting-digest',
    recipients: { total: audience.members.length + audience.channels.length, members: audience.members.length, channels: audience.channels.length },
    sendAt: notification.sendAt,
    sendsAt: sendsAt.toISOString(),
    heldBy: sendsAt.getTime() > sendAt.getTime() ? 'quiet-hours' : sendAt.getTime() > now.getTime() ? 'schedule' : 'nothing',
    audiences,
  };
}
