import type { AuditAction, AuditContext, AuditDetails, AuditTarget } from '../../domain';
import type { AuditLog } from '../../store/port';
import { newAuditEntryId } from './audit-entry-id';

export interface ChangeEvent {
  readonly action: AuditAction;
  readonly target: AuditTarget;
  readonly details?: AuditDetails;
}

/**
 * Records a change as the last step of the use case that made it (a push, a cancel, a roster or committee change).
 * Why after, not before: an entry for a change that then failed would say something happened that did not. Why not
 * swallow a failure as a view does: the log must not silently miss a change. So the write is tried twice (the same
 * id: the second cannot duplicate the first), and if both fail the error reaches the caller, who is told that the
 * change was made but not recorded (the change itself stands: undoing a push already waking the sender would lose
 * the officer's action, which is worse).
 */
export async function recordChange(log: Pick<AuditLog, 'append'>, context: AuditContext, event: ChangeEvent, at: Date): Promise<void> {
  const entry = {
    id: newAuditEntryId(),
    at: at.toISOString(),
    actor: context.actor,
    action: event.action,
    target: event.target,
    ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
    ...(event.details !== undefined ? { details: event.details } : {}),
  };
  try {
    await log.append(entry);
  } catch {
    try {
      await log.append(entry);
    } catch (error) {
      throw new AuditNotRecordedError(`${event.action} of ${event.target.kind} ${event.target.id} was done, but the audit log could not record it`, error);
    }
  }
}

/** A change made whose audit entry could not be written: reported as a server error, naming what was done. */
export class AuditNotRecordedError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'AuditNotRecordedError';
  }
}
