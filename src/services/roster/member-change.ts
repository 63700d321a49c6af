import type { Member } from '../../domain';
import type { ChangeEvent } from '../audit/record-change';
import { sameMember } from './member-checks';

const FIELDS = ['name', 'role', 'title', 'email', 'aadObjectId', 'modernGovMemberId', 'endsOn'] as const;

/**
 * What a roster write did, for the audit log: created, ended (an end date saved or moved: they leave office, and lose
 * exempt business), or changed (naming the fields and, when seats changed, the committees now held); nothing when
 * the record is as it was. Values are not copied into the log: the roster holds them, and the log keeps who did what.
 */
export function memberChange(before: Member | undefined, after: Member): ChangeEvent | undefined {
  const target = { kind: 'member', id: after.id, label: after.name } as const;
  if (before === undefined) return { action: 'member.created', target, details: { role: after.role, committees: committeeIds(after) } };
  if (sameMember(before, after)) return undefined;
  const changed: string[] = FIELDS.filter((f) => before[f] !== after[f]);
  const seats = seatsOf(before) !== seatsOf(after);
  if (seats) changed.push('committees');
  const details = { changed, ...(seats ? { committees: committeeIds(after), committeesBefore: committeeIds(before) } : {}) };
  if (after.endsOn !== undefined && after.endsOn !== before.endsOn) return { action: 'member.ended', target, details: { ...details, endsOn: after.endsOn } };
  return { action: 'member.changed', target, details };
}

const seatsOf = (m: Member): string => m.committees.map((c) => `${c.committeeId}\u0000${c.seat}`).sort().join('\u0001');
const committeeIds = (m: Member): string[] => [...new Set(m.committees.map((c) => c.committeeId))].sort();
