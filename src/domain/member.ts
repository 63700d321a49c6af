import { z } from 'zod';
import { CalendarDate, Id, Name } from './common';
import { londonWallClock } from './london-time';

/** What a person may do with the bot. Officers push and see reports; admins also manage the roster. */
export const MemberRole = z.enum(['councillor', 'officer', 'admin']);
export type MemberRole = z.infer<typeof MemberRole>;

export const CommitteeMembership = z.object({
  committeeId: Id,
  /** The seat held, in the council's words: "Leader", "Portfolio Holder for Housing and Communities", "Member". */
  seat: Name.default('Member'),
});
export type CommitteeMembership = z.infer<typeof CommitteeMembership>;

export const Member = z.object({
  id: Id,
  name: Name,
  role: MemberRole,
  /** Job title or office, e.g. "Director for Housing and Communities". */
  title: Name.optional(),
  email: z.string().email().optional(),
  /** Entra ID object id, the identity Teams gives us in `from.aadObjectId`. */
  aadObjectId: z.string().uuid().optional(),
  /** The member's id in the council's ModernGov (mgUserInfo.aspx?UID=, an attendee's memberid): how the sync knows them. */
  modernGovMemberId: z.string().regex(/^\d{1,12}$/, "must be ModernGov's member id: digits").optional(),
  committees: z.array(CommitteeMembership).default([]),
  /**
   * The day they leave office or move on (yyyy-mm-dd, London). From that day they are a former member: no exempt
   * business, no committee seats, no notifications, not counted as outstanding; their chats with the bot are forgotten.
   */
  endsOn: CalendarDate.optional(),
});
export type Member = z.infer<typeof Member>;

/**
 * Officers and admins act for the council: they push notifications, see who has read the papers, send reminders,
 * manage the roster and see exempt business. The one place that says who counts as an officer.
 */
export const isOfficer = (m: Pick<Member, 'role' | 'endsOn'> | undefined, at: Date = new Date()): boolean =>
  (m?.role === 'officer' || m?.role === 'admin') && !hasLeft(m, at);

/** A former member sits on no committee, whatever their record still lists. */
export const sitsOn = (m: Pick<Member, 'committees' | 'endsOn'>, committeeId: string, at: Date = new Date()): boolean =>
  !hasLeft(m, at) && m.committees.some((c) => c.committeeId === committeeId);

/**
 * Whether the member has left by the instant `at`: their end date has come on London's calendar (they leave at the
 * start of that day, London time). The one rule for former members; everything else asks it through here.
 */
export const hasLeft = (m: Pick<Member, 'endsOn'>, at: Date = new Date()): boolean =>
  m.endsOn !== undefined && londonWallClock(at.getTime()).date >= m.endsOn;

/** The councillors among members who sit on the committee at `at`: who should read its papers. */
export const sittingCouncillors = <M extends Pick<Member, 'role' | 'committees' | 'endsOn'>>(members: readonly M[], committeeId: string, at: Date = new Date()): M[] =>
  members.filter((m) => m.role === 'councillor' && sitsOn(m, committeeId, at));

/** Members are matched to Teams users by Entra object id first, then by email (case-insensitive). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
