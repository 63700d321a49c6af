import { DomainError, isEntitledToExempt, type Member } from '../../domain';

/**
 * Who reads the records through the officer API or the CLI. Not a Teams viewer: there is no chat, so the rule is
 * the one for entitlement alone (domain/visibility.ts): exempt business of a committee to its members, officers
 * and admins. Every caller of the officer API holds the Officer or Admin app role, so reads as an officer.
 */
export type RecordReader = Pick<Member, 'role' | 'committees'>;

export const OFFICER_READER: RecordReader = { role: 'officer', committees: [] };

export const mayRead = (reader: RecordReader, record: { readonly exempt: boolean; readonly committeeId: string }): boolean =>
  !record.exempt || isEntitledToExempt(reader, record.committeeId);

/** Refuses an exempt record to a reader not entitled to it, in the words a person can act on. */
export function requireReadable(reader: RecordReader, record: { readonly exempt: boolean; readonly committeeId: string }, what: string): void {
  if (!mayRead(reader, record)) {
    throw new DomainError('forbidden', `This ${what} is exempt (confidential): only members of the committee, officers and admins may read it.`);
  }
}
