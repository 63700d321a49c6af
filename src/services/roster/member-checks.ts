import type { ZodIssue } from 'zod';
import { Member, normaliseEmail } from '../../domain';
import type { RosterProblem } from './roster-problem';

export type ParsedMember = { readonly ok: true; readonly member: Member } | { readonly ok: false; readonly problems: RosterProblem[] };

/** Validates untrusted member data against the domain schema, turning zod's issues into problems a person can act on. */
export function parseMember(data: unknown): ParsedMember {
  const result = Member.safeParse(data);
  if (result.success) return { ok: true, member: result.data };
  return { ok: false, problems: result.error.issues.map(issueToProblem) };
}

function issueToProblem(issue: ZodIssue): RosterProblem {
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  // zod says "Required" for a missing value; "is required" reads better after the field name.
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  return { ...(field ? { field } : {}), message: missing ? 'is required' : issue.message };
}

/** Problems with the member's committee seats: committees that do not exist, or the same committee twice. */
export function committeeProblems(member: Member, knownCommitteeIds: ReadonlySet<string>): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  for (const { committeeId } of member.committees) {
    if (!knownCommitteeIds.has(committeeId)) {
      const known = [...knownCommitteeIds].sort().join(', ') || 'none yet';
      problems.push({ field: 'committees', message: `committee "${committeeId}" does not exist (known committees: ${known})` });
    } else if (seen.has(committeeId)) {
      problems.push({ field: 'committees', message: `committee "${committeeId}" is listed twice; give each committee one seat` });
    }
    seen.add(committeeId);
  }
  return problems;
}

/**
 * The keys by which a Teams user is matched to a member. Two members sharing one would make the match
 * ambiguous, and acknowledgements would be recorded against the wrong person.
 */
export function identityKeys(member: Pick<Member, 'email' | 'aadObjectId'>): Array<{ field: 'email' | 'aadObjectId'; key: string; shown: string }> {
  const keys: Array<{ field: 'email' | 'aadObjectId'; key: string; shown: string }> = [];
  if (member.email) keys.push({ field: 'email', key: `email:${normaliseEmail(member.email)}`, shown: member.email });
  if (member.aadObjectId) keys.push({ field: 'aadObjectId', key: `aad:${member.aadObjectId.toLowerCase()}`, shown: member.aadObjectId });
  return keys;
}

/** True when writing `next` over `current` would change nothing that matters (committee order carries no meaning). */
export function sameMember(current: Member, next: Member): boolean {
  const seats = (m: Member) => m.committees.map((c) => `${c.committeeId}\u0000${c.seat}`).sort().join('\u0001');
  return (
    current.id === next.id &&
    current.name === next.name &&
    current.role === next.role &&
    current.title === next.title &&
    current.email === next.email &&
    current.aadObjectId === next.aadObjectId &&
    current.modernGovMemberId === next.modernGovMemberId &&
    current.endsOn === next.endsOn &&
    seats(current) === seats(next)
  );
}
