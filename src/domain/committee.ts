import { z } from 'zod';
import { Id, Name } from './common';

export const CommitteeKind = z.enum(['cabinet', 'council', 'scrutiny', 'regulatory', 'other']);
export type CommitteeKind = z.infer<typeof CommitteeKind>;

/**
 * What the bot sends for a committee's business without an officer asking, each with a default an officer can change
 * (PUT /api/v1/committees/{id}). "hold" creates the notification but waits for an officer's Send.
 */
export const CommitteeNotificationSettings = z.object({
  /** When its agenda is published (or an item is added to a published agenda): the agenda to the committee's members. */
  agendaPublished: z.enum(['notify', 'hold', 'off']).default('notify'),
  /** Hours before a meeting to remind members who have not acknowledged its items; null for no reminder. */
  reminderHoursBefore: z.number().int().min(1).max(14 * 24).nullable().default(48),
  /** When a decision is published: a notice to the committee and the portfolio holder. */
  decisionPublished: z.enum(['notify', 'off']).default('notify'),
  /** When a decision's call-in period ends: a notice saying what is known, or held for an officer to confirm. */
  callInEnded: z.enum(['notify', 'hold', 'off']).default('notify'),
  /** Owners of overdue actions on this committee's action plans: a reminder at most once a day. */
  overdueActions: z.enum(['notify', 'off']).default('notify'),
}).strict();
export type CommitteeNotificationSettings = z.infer<typeof CommitteeNotificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: CommitteeNotificationSettings = CommitteeNotificationSettings.parse({});

export const Committee = z.object({
  id: Id,
  name: Name,
  kind: CommitteeKind,
  /** Clear working days in which scrutiny may call in a decision of this committee (by the council's constitution). */
  callInWorkingDays: z.number().int().min(0).max(30).default(5),
  /** ModernGov committee id (its CId, digits), where known. */
  externalId: z.string().regex(/^\d{1,12}$/, 'must be ModernGov\'s committee id: digits').optional(),
  /** Only what the officer changed; notificationSettingsOf fills in the defaults. */
  notifications: CommitteeNotificationSettings.partial().optional(),
});
export type Committee = z.infer<typeof Committee>;

/** A committee's notification settings, its own where set and the defaults elsewhere. */
export const notificationSettingsOf = (committee: Pick<Committee, 'notifications'>): CommitteeNotificationSettings => ({
  ...DEFAULT_NOTIFICATION_SETTINGS,
  ...Object.fromEntries(Object.entries(committee.notifications ?? {}).filter(([, v]) => v !== undefined)),
});
