import { DomainError, isEntitledToExempt, type AuditContext, type Member } from '../../domain';
import type { ExemptViews, ShownRecord } from '../audit/exempt-views';

/**
 * Who reads the records through the officer API or the CLI. Not a Teams viewer: there is no chat, so the rule is
 * the one for entitlement alone (domain/visibility.ts): exempt business of a committee to its members, officers
 * and admins. Every caller of the officer API holds the Officer or Admin app role, so reads as an officer.
 */
export interface RecordReader extends Pick<Member, 'role' | 'committees'> {
  /**
   * Records the exempt records this reader was given (the audit log): each read that hands exempt business out calls
   * it once with what it handed out. Absent only for readers who are not a person asking (OFFICER_READER: the CLI's
   * action-plan and report files, whose exempt content is the decision's, read by whoever runs the CLI).
   */
  readonly noteShown?: (records: readonly ShownRecord[]) => Promise<void>;
}

export const OFFICER_READER: RecordReader = { role: 'officer', committees: [] };

/** An officer or admin reading through the officer API or the CLI, whose exempt reads are recorded against `who`. */
export const officerReader = (views: ExemptViews, who: AuditContext): RecordReader => ({
  ...OFFICER_READER,
  noteShown: (records) => views.read(who, records),
});

export const mayRead = (reader: RecordReader, record: { readonly exempt: boolean; readonly committeeId: string }): boolean =>
  !record.exempt || isEntitledToExempt(reader, record.committeeId);

/** Refuses an exempt record to a reader not entitled to it, in the words a person can act on. */
export function requireReadable(reader: RecordReader, record: { readonly exempt: boolean; readonly committeeId: string }, what: string): void {
  if (!mayRead(reader, record)) {
    throw new DomainError('forbidden', `This ${what} is exempt (confidential): only members of the committee, officers and admins may read it.`);
  }
}
