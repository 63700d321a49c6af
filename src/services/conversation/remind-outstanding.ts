import { recordChange } from '../audit/record-change';
import { viewerAuditContext } from '../audit/viewer-context';
import { DomainError, sendableFrom, type AuditContext, type Member, type Notification, type Viewer } from '../../domain';
import type { NotificationDeps } from '../notifications/notification-deps';
import { newNotificationId } from '../notifications/notification-ids';
import { previewReach, type ReachPreview } from '../notifications/member-reach';
import { recordNotification } from '../notifications/record-notification';
import { acknowledgementReport } from './acknowledgement-report';
import type { ConversationDeps } from './conversation-deps';
import type { ItemDetails } from './item-details';

export interface ReminderPlan {
  readonly details: ItemDetails;
  /** Everyone on the committee who has not acknowledged the item: they are reminded. */
  readonly outstanding: readonly Member[];
  readonly reach: ReachPreview;
  /** The reminder in the outbox; undefined when nobody needed one. */
  readonly notification?: Notification;
  /** The same request was made before (a re-delivered press): this is that reminder, not a second one. */
  readonly repeated: boolean;
  /** When it will go: later than now during quiet hours. */
  readonly sendsAt?: Date;
}

/**
 * Officers only: remind every committee member who has not acknowledged an item, in their personal chat, through
 * the outbox (durable, within Teams' limits, each member once). Who is reminded, and who cannot be reached, is known
 * at once; the sending happens in the background. `id` makes a repeated request (a re-delivered button press, an API
 * Idempotency-Key) one reminder: a repeat answers the reminder recorded under it, even when everyone has read the item
 * since; the same id for another item's reminder is refused. `by` says who asked where Teams did not authenticate a
 * viewer (the officer API): the audit log records it.
 */
export async function remindOutstanding(
  locator: { committeeId: string; agendaItemId: string },
  viewer: Viewer,
  deps: ConversationDeps & { readonly notifications: NotificationDeps },
  options: { readonly id?: string; readonly by?: AuditContext } = {},
): Promise<ReminderPlan> {
  const report = await acknowledgementReport(locator, viewer, deps);
  const { item, meeting } = report.details;
  const outstanding = report.outstanding;
  const earlier = options.id !== undefined ? (await deps.store.notifications.get(options.id))?.value : undefined;
  if (earlier) return repeatOf(earlier, report.details, outstanding, deps);
  if (outstanding.length === 0) return { details: report.details, outstanding, reach: { reachable: [], toTry: [], unreachable: [] }, repeated: false };
  const at = deps.now().toISOString();
  const notification: Notification = {
    id: options.id ?? newNotificationId(),
    kind: 'reminder',
    committeeId: item.committeeId,
    subject: { agendaItemId: item.id, ...(meeting ? { meetingId: meeting.id } : {}) },
    audience: { committeeIds: [], memberIds: outstanding.map((m) => m.id), channelIds: [] },
    resolveAudience: 'on-create',
    recipients: { members: outstanding.map((m) => ({ id: m.id, name: m.name })), channels: [] },
    urgent: false,
    origin: 'officer',
    sendAt: at,
    status: 'scheduled',
    prepared: false,
    recipientCount: outstanding.length,
    createdBy: viewer.member?.id ?? 'officer',
    createdAt: at,
    updatedAt: at,
  };
  const [recorded, reach] = await Promise.all([recordNotification(notification, deps.notifications), previewReach(outstanding, deps.store)]);
  // An officer's reminder is a push of the item to those who have not read it; a repeated press is the same one.
  const by = options.by ?? viewerAuditContext(viewer) ?? { actor: { id: viewer.member?.id ?? 'officer', via: 'teams' as const } };
  if (recorded.created) {
    await recordChange(deps.store.audit, by, {
      action: 'notification.pushed',
      target: { kind: 'notification', id: recorded.notification.id, label: item.title.slice(0, 200) },
      details: { kind: 'reminder', subject: `agendaItem:${item.id}`, recipients: outstanding.length },
    }, deps.now());
  }
  return {
    details: report.details, outstanding, reach, notification: recorded.notification, repeated: !recorded.created,
    sendsAt: sendableFrom(new Date(at), false, deps.notifications.quietHours),
  };
}

/**
 * A reminder asked for again under the id of one already recorded: that reminder, as recorded (who it went to then).
 * The id of something else (another item's reminder, a push) is refused: answering it would say this one was made.
 */
async function repeatOf(earlier: Notification, details: ItemDetails, outstanding: readonly Member[], deps: ConversationDeps & { readonly notifications: NotificationDeps }): Promise<ReminderPlan> {
  if (earlier.kind !== 'reminder' || earlier.subject.agendaItemId !== details.item.id) {
    throw new DomainError(
      'exists',
      `This key was already used for another notification (${earlier.id}), not a reminder of "${details.item.title}": use a new key for a new reminder.`,
      { notificationId: earlier.id },
    );
  }
  // Who it was for, as recorded, reached as things stand now.
  const recorded = await Promise.all((earlier.recipients?.members ?? []).map((m) => deps.store.members.get(m.id)));
  const reach = await previewReach(recorded.flatMap((m) => (m ? [m.value] : [])), deps.store);
  return {
    details, outstanding, reach, notification: earlier, repeated: true,
    sendsAt: sendableFrom(new Date(earlier.sendAt), earlier.urgent, deps.notifications.quietHours),
  };
}
