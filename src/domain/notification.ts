import { z } from 'zod';
import { Id, Instant } from './common';

export const NotificationKind = z.enum(['agenda-item', 'meeting-digest', 'reminder', 'decision-published', 'call-in-ended']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Audience = z.object({
  committeeIds: z.array(Id).default([]),
  memberIds: z.array(Id).default([]),
});
export type Audience = z.infer<typeof Audience>;

export const NotificationStatus = z.enum(['scheduled', 'sending', 'sent', 'cancelled']);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  committeeId: Id,
  agendaItemId: Id.optional(),
  decisionId: Id.optional(),
  meetingId: Id.optional(),
  audience: Audience,
  sendAt: Instant,
  createdBy: Id,
  createdAt: Instant,
  status: NotificationStatus,
});
export type Notification = z.infer<typeof Notification>;

/** One recipient's delivery. Final states: sent, failed, blocked (the user blocked or removed the bot). */
export const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'blocked', 'unreachable']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Delivery = z.object({
  notificationId: Id,
  memberId: Id,
  status: DeliveryStatus,
  attempts: z.number().int().min(0),
  nextAttemptAt: Instant.optional(),
  lastError: z.string().optional(),
  activityId: z.string().optional(),
  updatedAt: Instant,
});
export type Delivery = z.infer<typeof Delivery>;

export const isFinalDelivery = (s: DeliveryStatus): boolean => s === 'sent' || s === 'failed' || s === 'blocked' || s === 'unreachable';
