import { z } from 'zod';
import { Id, Name } from './common';

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
});
export type Member = z.infer<typeof Member>;

/**
 * Officers and admins act for the council: they push notifications, see who has read the papers, send reminders,
 * manage the roster and see exempt business. The one place that says who counts as an officer.
 */
export const isOfficer = (m: Pick<Member, 'role'> | undefined): boolean => m?.role === 'officer' || m?.role === 'admin';

export const sitsOn = (m: Pick<Member, 'committees'>, committeeId: string): boolean =>
  m.committees.some((c) => c.committeeId === committeeId);

/** Members are matched to Teams users by Entra object id first, then by email (case-insensitive). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
