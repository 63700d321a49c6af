import { z } from 'zod';
import { Id, Instant } from './common';
import { ConversationRecord } from './conversation';
import { DomainError } from './errors';

/**
 * A notification: one message (a card) sent to many recipients through the outbox, each recipient's delivery
 * recorded on its own (delivery.ts). Officers push them; schedules (agenda published, reminders, decision notices,
 * call-in ended, overdue actions) create them too. Company Communicator's shape, kept in the store alone.
 */
export const NotificationKind = z.enum([
  /** An agenda item's card: an officer's push, or an item added to a published agenda. */
  'agenda-item',
  /** One card per member listing a meeting's items, theirs to read first. */
  'meeting-digest',
  /** Before the meeting, to members who have not acknowledged everything on its agenda. */
  'reminder',
  /** A decision notice, to the committee and the portfolio holder. */
  'decision-published',
  /** When a decision's call-in period ends: what is known (no call-in recorded, or that it was called in). */
  'call-in-ended',
  /** An action owner's overdue actions, at most once a day. */
  'overdue-actions',
  /** Cards already sent, redrawn in place because the record changed (Teams alerts nobody to an edit). */
  'card-update',
  /** A short new message pointing at an updated card: supplementary papers, a cancellation, a new date or venue. */
  'notice',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** What the notification is about. Which fields are set depends on the kind. */
export const NotificationSubject = z.object({
  agendaItemId: Id.optional(),
  meetingId: Id.optional(),
  decisionId: Id.optional(),
  /** The owner, for overdue actions. */
  memberId: Id.optional(),
});
export type NotificationSubject = z.infer<typeof NotificationSubject>;

/** What a notice tells members about a card that was redrawn: Teams alerts nobody to an edit, so this does. */
export const NoticeChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting-cancelled'), startsAt: Instant }),
  /** Postponed: it keeps its old date until ModernGov gives a new one (then a 'meeting-moved' notice follows). */
  z.object({ kind: z.literal('meeting-postponed'), startsAt: Instant }),
  z.object({
    kind: z.literal('meeting-moved'),
    from: z.object({ startsAt: Instant, venue: z.string().max(300).optional() }),
    to: z.object({ startsAt: Instant, venue: z.string().max(300).optional() }),
  }),
  z.object({ kind: z.literal('papers-added'), titles: z.array(z.string().max(300)).min(1).max(20) }),
]);
export type NoticeChange = z.infer<typeof NoticeChange>;

/** Who it was asked to go to. Resolved to recipients (deliveries) when created, or when due for schedules. */
export const Audience = z.object({
  committeeIds: z.array(Id).max(50).default([]),
  memberIds: z.array(Id).max(5000).default([]),
  /** Team channels where the bot is installed: one card to each. Never for exempt items. */
  channelIds: z.array(ConversationRecord.shape.id).max(50).default([]),
});
export type Audience = z.infer<typeof Audience>;

/**
 * held: waiting for an officer's Send (a committee set to hold). scheduled: waiting for its time. sending: recipients
 * recorded, deliveries under way. completed: every delivery final. cancelled: an officer stopped it (deliveries not yet
 * sent are cancelled; those sent stay sent).
 */
export const NotificationStatus = z.enum(['held', 'scheduled', 'sending', 'completed', 'cancelled']);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const NOTIFICATION_STATUSES: readonly { readonly status: NotificationStatus; readonly final: boolean }[] = [
  { status: 'held', final: false },
  { status: 'scheduled', final: false },
  { status: 'sending', final: false },
  { status: 'completed', final: true },
  { status: 'cancelled', final: true },
];

export const isFinalNotificationStatus = (status: NotificationStatus): boolean =>
  NOTIFICATION_STATUSES.some((s) => s.status === status && s.final);

/** The officer's note on a push ("Please read before Thursday"): short, shown as plain text on the card. */
export const NOTE_MAX_LENGTH = 500;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  /** The committee whose business it is (absent for an owner's overdue actions, which may span committees). */
  committeeId: Id.optional(),
  subject: NotificationSubject,
  audience: Audience,
  /**
   * on-create: the audience was resolved to recipients when the notification was created (officer pushes: the
   * officer sees who it goes to). when-due: resolved when it falls due (a reminder goes to whoever has still not
   * acknowledged by then).
   */
  resolveAudience: z.enum(['on-create', 'when-due']),
  /** The officer's note on a push. */
  message: z.string().max(NOTE_MAX_LENGTH).optional(),
  /** For a notice: what changed. */
  change: NoticeChange.optional(),
  /** Urgent pushes are sent during quiet hours too. */
  urgent: z.boolean().default(false),
  origin: z.enum(['officer', 'schedule']),
  /** When it was asked to go; quiet hours may hold it later (see quiet-hours.ts). */
  sendAt: Instant,
  status: NotificationStatus,
  /**
   * For an audience resolved on create: who it was resolved to, as the officer was told. The deliveries are written
   * from this by the sender, so the officer's request never waits for thousands of writes.
   */
  recipients: z
    .object({
      members: z.array(z.object({ id: Id, name: z.string().min(1).max(300) })).max(5000),
      channels: z.array(z.object({ conversationId: ConversationRecord.shape.id, name: z.string().min(1).max(300) })).max(50),
    })
    .optional(),
  /** The recipients have been recorded as deliveries. */
  prepared: z.boolean(),
  recipientCount: z.number().int().min(0).optional(),
  /** Who asked: a member id, an officer API principal, or "schedule". */
  createdBy: z.string().min(1).max(200),
  createdAt: Instant,
  updatedAt: Instant,
  completedAt: Instant.optional(),
  cancelledAt: Instant.optional(),
  cancelledBy: z.string().min(1).max(200).optional(),
  /** The officer's progress card in Teams, updated in place as deliveries finish. */
  progressCard: z.object({ conversationId: ConversationRecord.shape.id, activityId: z.string().min(1).max(200) }).optional(),
  /** For schedules: what made it (e.g. "agenda-published|<meeting id>"), so it is made once however often it is planned. */
  dedupeKey: z.string().max(400).optional(),
});
export type Notification = z.infer<typeof Notification>;

export type NotificationEvent = 'release' | 'start' | 'complete' | 'cancel';

const NEXT: Record<NotificationStatus, Partial<Record<NotificationEvent, NotificationStatus>>> = {
  held: { release: 'scheduled', cancel: 'cancelled' },
  scheduled: { start: 'sending', cancel: 'cancelled' },
  sending: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

/** The one transition function of a notification's lifecycle; DomainError('invalid') for one it does not have. */
export const transitionNotification = (current: NotificationStatus, event: NotificationEvent): NotificationStatus => {
  const next = NEXT[current][event];
  if (next === undefined) {
    const words: Record<NotificationEvent, string> = { release: 'sent', start: 'started', complete: 'completed', cancel: 'cancelled' };
    throw new DomainError('invalid', `This notification is ${current} and cannot be ${words[event]}.`, { from: current, event });
  }
  return next;
};
