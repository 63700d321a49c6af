import type { AuditContext } from '../../domain';
import { recordChange } from '../audit/record-change';
import { z } from 'zod';
import { ConversationRecord, DomainError, Id, Instant, NOTE_MAX_LENGTH, type Notification } from '../../domain';
import type { NotificationDeps } from './notification-deps';
import { newNotificationId } from './notification-ids';
import { loadSubject, type LoadedSubject } from './notification-subject';
import { recordNotification } from './record-notification';
import { resolveAudience, type ResolvedAudience } from './resolve-audience';

/** An officer's push, as the API, the CLI and the Teams confirmation card ask for it. */
export const PushRequest = z
  .object({
    agendaItemId: Id.optional(),
    meetingId: Id.optional(),
    audience: z
      .object({ committeeIds: z.array(Id).max(50).optional(), memberIds: z.array(Id).max(5000).optional() })
      .strict()
      .optional(),
    channelIds: z.array(ConversationRecord.shape.id).max(50).optional(),
    sendAt: Instant.optional(),
    message: z.string().trim().min(1).max(NOTE_MAX_LENGTH).optional(),
    urgent: z.boolean().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.agendaItemId === undefined) === (r.meetingId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['agendaItemId'], message: 'name either agendaItemId (an item card) or meetingId (a meeting digest), not both or neither' });
    }
  });
export type PushRequest = z.infer<typeof PushRequest>;

/** How far ahead a push may be scheduled: further is almost certainly a typing mistake in the year. */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

export interface PushOptions {
  /** A fixed id (a retried request's idempotency key, a Teams button's press): the same push is recorded once. */
  readonly id?: string;
  /** The officer's progress card in Teams, which the sender keeps up to date. */
  readonly progressCard?: Notification['progressCard'];
}

export interface PushResult {
  /** Who it goes to is in `recipients`, as resolved when it was first recorded. */
  readonly notification: Notification;
  /** False when a push with this id was already recorded (a repeat of the same request). */
  readonly created: boolean;
}

const idSet = (ids: readonly string[] | undefined): string => [...new Set(ids ?? [])].sort().join('\n');

/**
 * What of `request` differs from the push recorded as `recorded`, by the names of its fields. Ids are compared as
 * sets, and a sendAt absent or already past counts as the moment it was recorded (both meant "now").
 */
function differences(recorded: Notification, request: PushRequest): string[] {
  const subjectOf = (kind: Notification['kind'], subject: Notification['subject']) =>
    kind === 'agenda-item' ? `item:${subject.agendaItemId}` : kind === 'meeting-digest' ? `meeting:${subject.meetingId}` : kind;
  const asked = request.agendaItemId !== undefined ? `item:${request.agendaItemId}` : `meeting:${request.meetingId}`;
  const createdAt = Date.parse(recorded.createdAt);
  const sendAt = request.sendAt === undefined ? createdAt : Math.max(createdAt, Date.parse(request.sendAt));
  return [
    subjectOf(recorded.kind, recorded.subject) !== asked ? (request.agendaItemId !== undefined ? 'agendaItemId' : 'meetingId') : undefined,
    idSet(recorded.audience.committeeIds) !== idSet(request.audience?.committeeIds) ? 'audience.committeeIds' : undefined,
    idSet(recorded.audience.memberIds) !== idSet(request.audience?.memberIds) ? 'audience.memberIds' : undefined,
    idSet(recorded.audience.channelIds) !== idSet(request.channelIds) ? 'channelIds' : undefined,
    Date.parse(recorded.sendAt) !== sendAt ? 'sendAt' : undefined,
    recorded.message !== request.message ? 'message' : undefined,
    recorded.urgent !== (request.urgent ?? false) ? 'urgent' : undefined,
  ].filter((d): d is string => d !== undefined);
}

/**
 * A push repeated with the id of one already recorded (an Idempotency-Key retried, a Send button Teams delivered
 * twice) is that push: it answers the recorded notification. The same id for a different request is refused, as
 * idempotency keys are: answering with the first would tell the officer their second request had been made.
 */
function repeatOf(recorded: Notification, request: PushRequest): PushResult {
  const differ = differences(recorded, request);
  if (differ.length > 0) {
    throw new DomainError(
      'exists',
      `This Idempotency-Key was already used for a different notification (${recorded.id}): its ${differ.join(', ')} ${differ.length === 1 ? 'differs' : 'differ'}. ` +
        'Repeat the same request to get that notification, or use a new key for a new one.',
      { notificationId: recorded.id, differ },
    );
  }
  return { notification: recorded, created: false };
}

/**
 * An officer pushes an agenda item (or a meeting's digest) to members' Teams chats, now or at a time. The audience
 * is resolved and recorded at once, so the answer can say exactly who it goes to; the sending happens in the
 * background (the sender), never in the officer's request.
 */
export async function pushNotification(request: PushRequest, by: AuditContext, deps: NotificationDeps, options: PushOptions = {}): Promise<PushResult> {
  const now = deps.now();
  const id = options.id ?? newNotificationId();
  // A repeat answers what was recorded without resolving the audience again: the roster may have changed since, and
  // the officer was told who it goes to when it was first made.
  const recorded = (await deps.store.notifications.get(id))?.value;
  if (recorded) return repeatOf(recorded, request);
  const { notification, subject, audience } = await draftPush(request, by, deps, { ...options, id });
  const sendAt = new Date(notification.sendAt);
  const written = await recordNotification(notification, deps);
  // The same id pushed twice at the same moment: the one recorded second finds the first's.
  if (!written.created) return repeatOf(written.notification, request);
  // A repeat above is the same push, recorded once: only the push that created the notification is an event.
  await recordChange(
    deps.store.audit,
    by,
    {
      // Against the draft's own moment (its createdAt), the "now" its unscheduled sendAt was set to: never a later or earlier read of the clock.
      action: sendAt.getTime() > Date.parse(notification.createdAt) ? 'notification.scheduled' : 'notification.pushed',
      target: { kind: 'notification', id, label: (subject.kind === 'item' ? subject.item.title : `${subject.committee.name} meeting`).slice(0, 200) },
      details: {
        subject: subject.kind === 'item' ? `agendaItem:${subject.item.id}` : `meeting:${subject.meeting.id}`,
        recipients: audience.members.length + audience.channels.length,
        sendAt: notification.sendAt,
        urgent: notification.urgent,
      },
    },
    now,
  );
  return written;
}

/** A push as it would be recorded: checked, its subject loaded and its audience resolved, nothing stored. */
export interface DraftPush {
  readonly notification: Notification;
  readonly subject: Extract<LoadedSubject, { kind: 'item' | 'meeting' }>;
  readonly audience: ResolvedAudience;
}

/**
 * Checks a push and resolves its audience as `pushNotification` records it, storing nothing: what the push and its
 * preview (POST /api/v1/notifications/preview) both start from, so that a preview refuses what the push would.
 */
export async function draftPush(request: PushRequest, by: AuditContext, deps: NotificationDeps, options: PushOptions & { readonly id: string }): Promise<DraftPush> {
  const now = deps.now();
  const subjectRef = request.agendaItemId !== undefined ? { agendaItemId: request.agendaItemId } : { meetingId: request.meetingId };
  const subject = await loadSubject({ subject: subjectRef }, deps.store);
  if (subject.kind !== 'item' && subject.kind !== 'meeting') throw new DomainError('invalid', 'Only agenda items and meetings can be pushed.');
  const audience = await resolveAudience(
    subject,
    { committeeIds: request.audience?.committeeIds ?? [], memberIds: request.audience?.memberIds ?? [], channelIds: request.channelIds ?? [] },
    deps.store,
    now,
  );

  const requested = request.sendAt === undefined ? now : new Date(request.sendAt);
  if (requested.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    throw new DomainError('invalid', `sendAt ${request.sendAt} is more than a year ahead: check the year.`);
  }
  const at = now.toISOString();
  const notification: Notification = {
    id: options.id,
    kind: subject.kind === 'item' ? 'agenda-item' : 'meeting-digest',
    committeeId: subject.committee.id,
    subject: subject.kind === 'item' ? { agendaItemId: subject.item.id, ...(subject.meeting ? { meetingId: subject.meeting.id } : {}) } : { meetingId: subject.meeting.id },
    audience: {
      committeeIds: request.audience?.committeeIds ?? [],
      memberIds: request.audience?.memberIds ?? [],
      channelIds: request.channelIds ?? [],
    },
    resolveAudience: 'on-create',
    recipients: {
      members: audience.members.map((m) => ({ id: m.id, name: m.name })),
      channels: audience.channels.map((c) => ({ conversationId: c.id, name: c.name ?? 'Team channel' })),
    },
    ...(request.message !== undefined ? { message: request.message } : {}),
    urgent: request.urgent ?? false,
    origin: 'officer',
    // A time in the past means now: the officer meant "send it".
    sendAt: (requested.getTime() < now.getTime() ? now : requested).toISOString(),
    status: 'scheduled',
    prepared: false,
    recipientCount: audience.members.length + audience.channels.length,
    // The roster member where there is one (an officer in Teams), as before the audit log; else who the way in knows.
    createdBy: by.actor.memberId ?? by.actor.id,
    createdAt: at,
    updatedAt: at,
    ...(options.progressCard ? { progressCard: options.progressCard } : {}),
  };
  return { notification, subject, audience };
}
