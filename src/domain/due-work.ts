import { z } from 'zod';
import { Id, Instant } from './common';

/**
 * Work that falls due at a time: sending a notification's deliveries (its next due delivery), preparing a scheduled
 * one, the daily overdue-actions sweep. Kept in the store so that a restart or another instance picks it up; run by
 * whichever instance holds the sender lease (lease.ts), one small loop rather than a timer per job. A record is
 * removed when its work is done, so polling reads only live work, never history.
 */
export const DueWorkKind = z.enum(['notification', 'overdue-actions-sweep']);
export type DueWorkKind = z.infer<typeof DueWorkKind>;

export const DueWork = z.object({
  id: Id,
  kind: DueWorkKind,
  notificationId: Id.optional(),
  dueAt: Instant,
  /** Runs that failed (the store or a use case threw); the work is tried again with backoff. */
  failures: z.number().int().min(0).default(0),
  lastError: z.string().max(1000).optional(),
  updatedAt: Instant,
});
export type DueWork = z.infer<typeof DueWork>;

export const notificationWorkId = (notificationId: string): string => `notification-${notificationId}`;
export const OVERDUE_ACTIONS_SWEEP_ID = 'overdue-actions-sweep';

/**
 * A named lease: who holds it, until when. Taken and renewed with ETags, so at most one holder at a time; a holder
 * that stops (kill -9, a lost machine) loses it when it expires and another instance takes over.
 */
export const Lease = z.object({
  name: Id,
  holder: z.string().min(1).max(200),
  expiresAt: Instant,
  acquiredAt: Instant,
});
export type Lease = z.infer<typeof Lease>;

export const isLeaseHeld = (lease: Pick<Lease, 'expiresAt'> | undefined, now: Date): boolean =>
  lease !== undefined && Date.parse(lease.expiresAt) > now.getTime();
