import { z } from 'zod';
import { ConversationRecord, DomainError, Id, Instant, NOTE_MAX_LENGTH, type Notification } from '../../domain';
import type { NotificationDeps } from './notification-deps';
import { newNotificationId } from './notification-ids';
import { loadSubject } from './notification-subject';
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
  readonly notification: Notification;
  readonly audience: ResolvedAudience;
  /** False when a push with this id was already recorded (a repeat of the same request). */
  readonly created: boolean;
}

/**
 * An officer pushes an agenda item (or a meeting's digest) to members' Teams chats, now or at a time. The audience
 * is resolved and recorded at once, so the answer can say exactly who it goes to; the sending happens in the
 * background (the sender), never in the officer's request.
 */
export async function pushNotification(request: PushRequest, by: { readonly id: string }, deps: NotificationDeps, options: PushOptions = {}): Promise<PushResult> {
  const now = deps.now();
  const id = options.id ?? newNotificationId();
  const repeat = (await deps.store.notifications.get(id))?.value;
  const subjectRef = request.agendaItemId !== undefined ? { agendaItemId: request.agendaItemId } : { meetingId: request.meetingId };
  const subject = await loadSubject({ subject: subjectRef }, deps.store);
  if (subject.kind !== 'item' && subject.kind !== 'meeting') throw new DomainError('invalid', 'Only agenda items and meetings can be pushed.');
  const audience = await resolveAudience(
    subject,
    { committeeIds: request.audience?.committeeIds ?? [], memberIds: request.audience?.memberIds ?? [], channelIds: request.channelIds ?? [] },
    deps.store,
  );
  if (repeat) return { notification: repeat, audience, created: false };

  const sendAt = request.sendAt === undefined ? now : new Date(request.sendAt);
  if (sendAt.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    throw new DomainError('invalid', `sendAt ${request.sendAt} is more than a year ahead: check the year.`);
  }
  const at = now.toISOString();
  const notification: Notification = {
    id,
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
    sendAt: (sendAt.getTime() < now.getTime() ? now : sendAt).toISOString(),
    status: 'scheduled',
    prepared: false,
    recipientCount: audience.members.length + audience.channels.length,
    createdBy: by.id,
    createdAt: at,
    updatedAt: at,
    ...(options.progressCard ? { progressCard: options.progressCard } : {}),
  };
  const recorded = await recordNotification(notification, deps);
  return { ...recorded, audience };
}
