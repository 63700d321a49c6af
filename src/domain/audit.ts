import { z } from 'zod';
import { Id, Instant, Name } from './common';

/**
 * The audit log: who saw exempt (Part 2) business, who sent or stopped a notification, and who changed the roster or
 * a committee. What a council's information governance officer asks for after the fact ("who saw the Part 2 report
 * on the leisure contract?"). Append-only: an entry is never changed, except that a former member's name is removed
 * after the retention period, and never removed before it.
 */

/** The ways in: a Teams turn, the officer API, the officer CLI, the ModernGov sync job. */
export const AuditChannel = z.enum(['teams', 'api', 'cli', 'sync']);
export type AuditChannel = z.infer<typeof AuditChannel>;

/** What happened: a closed set, so a query by action is exact and a new kind of event is a deliberate change. */
export const AuditAction = z.enum([
  /** An exempt agenda item or decision shown to someone (Teams card or answer; officer API read). */
  'exempt.viewed',
  /** An officer's push, to go now (or at the end of quiet hours). */
  'notification.pushed',
  /** An officer's push with a time to send (`sendAt`), or held for an officer to send. */
  'notification.scheduled',
  'notification.cancelled',
  /** A held (or scheduled) notification sent by an officer. */
  'notification.sent',
  'member.created',
  'member.changed',
  /** A member's end date saved (they leave office). */
  'member.ended',
  /** A roster CSV applied (one entry for the file; its rows are the members' own entries' business). */
  'roster.imported',
  'committee.created',
  'committee.changed',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** What the action was done to or shown of. */
export const AuditTargetKind = z.enum(['agendaItem', 'decision', 'meeting', 'notification', 'member', 'committee', 'roster']);
export type AuditTargetKind = z.infer<typeof AuditTargetKind>;

/** A bounded label: enough to read the log without looking every id up, never a whole document. */
const Label = z.string().max(200, 'must be at most 200 characters');

/**
 * Who did it. `id` is the identity the way in authenticated: the Entra object id of the Teams activity's
 * `from.aadObjectId` (never card data), the officer API principal's object id (or `local-officer`), the CLI's
 * operator as the CLI knows them, or `sync`. `memberId`: the roster member, where known, so the retention rule can
 * find a former member's entries.
 */
export const AuditActor = z
  .object({
    id: z.string().min(1).max(200),
    name: Name.optional(),
    memberId: Id.optional(),
    via: AuditChannel,
  })
  .strict();
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditTarget = z.object({ kind: AuditTargetKind, id: z.string().min(1).max(200), label: Label.optional() }).strict();
export type AuditTarget = z.infer<typeof AuditTarget>;

/** A few facts about the event (counts, ids, a status): flat and small, so an entry stays a small document. */
export const AuditDetails = z
  .record(z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]))
  .refine((d) => Object.keys(d).length <= 20, 'must have at most 20 fields');
export type AuditDetails = z.infer<typeof AuditDetails>;

export const AuditEntry = z
  .object({
    id: Id,
    at: Instant,
    actor: AuditActor,
    action: AuditAction,
    target: AuditTarget,
    /** The HTTP request (officer API, or the Teams turn's POST /api/messages) it happened in, to find its log lines. */
    requestId: z.string().min(1).max(100).optional(),
    details: AuditDetails.optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A display name from outside (a token's `name` claim, Teams' `from.name`), kept only when it is one a name may be. */
export const actorName = (raw: string | undefined): { name?: Name } => {
  const parsed = Name.safeParse(raw?.trim());
  return parsed.success ? { name: parsed.data } : {};
};

/** Who did something and in which request: what a use case is told so that it can write the entry itself. */
export interface AuditContext {
  readonly actor: AuditActor;
  readonly requestId?: string;
}
