import { DomainError, hasLeft, londonWallClock, londonWallTimeToInstant, type Member } from '../../domain';
import type { Store } from '../../store/port';
import { eraseFormerMemberChats } from './erase-former-member-chats';

/** What a former member is called on the record once the retention period is over. */
export const FORMER_MEMBER_NAME = 'Former member';

export interface RetentionReport {
  /** Former members whose chats were looked at (erased where any were left). */
  readonly formerMembers: number;
  readonly chatsErased: number;
  /** Former members whose personal details were removed this run. */
  readonly anonymised: readonly string[];
  /** Audit entries older than the retention period, removed this run. */
  readonly auditEntriesRemoved: number;
  /** Audit entries by or about former members whose period is over that still named them, now naming no one. */
  readonly auditEntriesAnonymised: number;
}

/** The calendar date `months` after `date` (yyyy-mm-dd), clamped to the month's last day (31 Aug + 6 months is 28 Feb). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whether a former member's retention period is over at `at`: `months` after their end date, London's calendar. */
export const retentionOver = (member: Pick<Member, 'endsOn'>, months: number, at: Date): boolean =>
  member.endsOn !== undefined && londonWallClock(at.getTime()).date >= addCalendarMonths(member.endsOn, months);

/**
 * `cabinet-bot retention apply`: for every former member, erases any conversation reference left (a date reached
 * since it was saved); once `retentionMonths` have passed since their end date, removes their personal details from
 * the roster record that their acknowledgements and action updates point to, so every report names them "Former
 * member". The records themselves (which item, when, what was reported) stay: they are the council's.
 * Running it again changes nothing more.
 */
export async function applyRetention(store: Pick<Store, 'members' | 'conversations' | 'audit'>, options: { readonly retentionMonths: number; readonly at: Date }): Promise<RetentionReport> {
  const former = (await store.members.list()).filter((m) => hasLeft(m, options.at));
  let chatsErased = 0;
  let auditEntriesAnonymised = 0;
  const anonymised: string[] = [];
  for (const member of former) {
    chatsErased += await eraseFormerMemberChats(member, store, options.at);
    if (!retentionOver(member, options.retentionMonths, options.at)) continue;
    // Every run, not only the one that anonymises the roster record: an entry written late (a view recorded just as
    // they left) is caught by the next run. Entries already anonymised are not written again.
    auditEntriesAnonymised += await store.audit.anonymiseMember(member.id, FORMER_MEMBER_NAME);
    if (isAnonymised(member)) continue;
    const current = await store.members.get(member.id);
    if (!current) continue;
    try {
      await store.members.replace(anonymise(current.value), current.etag);
      anonymised.push(member.id);
    } catch (error) {
      // Changed meanwhile (an officer corrected it): the next run sees the new record.
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    }
  }
  // The audit log is kept for the same period as everything else about people: entries older than it go.
  const auditEntriesRemoved = await store.audit.purgeBefore(retentionCutoff(options.retentionMonths, options.at));
  return { formerMembers: former.length, chatsErased, anonymised, auditEntriesRemoved, auditEntriesAnonymised };
}

/** The start (London midnight) of the day `months` before `at`'s London date: what happened before it is past keeping. */
export function retentionCutoff(months: number, at: Date): Date {
  const day = addCalendarMonths(londonWallClock(at.getTime()).date, -months);
  return new Date(londonWallTimeToInstant(day, '00:00') ?? `${day}T00:00:00Z`);
}

/** Only the id (what the records point to), the role and the end date stay: nothing that says who they were. */
const anonymise = (m: Member): Member => ({ id: m.id, name: FORMER_MEMBER_NAME, role: m.role, committees: [], ...(m.endsOn !== undefined ? { endsOn: m.endsOn } : {}) });

const isAnonymised = (m: Member): boolean =>
  m.name === FORMER_MEMBER_NAME && m.title === undefined && m.email === undefined && m.aadObjectId === undefined && m.modernGovMemberId === undefined && m.committees.length === 0;
