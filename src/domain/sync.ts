import { z } from 'zod';
import { Id, Instant } from './common';

/** ModernGov's own ids are digits. */
const ModernGovId = z.string().regex(/^\d{1,12}$/, "must be ModernGov's id: digits");

/**
 * What the ModernGov sync last saw of one meeting: the hash of its GetMeeting answer (an unchanged answer writes
 * nothing), whether its agenda was published, and the decision pages already imported (by agenda item id).
 */
export const SyncedMeeting = z.object({
  committeeId: Id,
  modernGovMeetingId: ModernGovId,
  /** The meeting record the import stored. */
  meetingId: Id,
  /** sha256 (hex) of the GetMeeting answer as fetched. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
  agendaPublished: z.boolean(),
  /** agendaitemid of each item whose decision page was imported. */
  decisionPagesImported: z.array(ModernGovId).default([]),
  syncedAt: Instant,
}).strict();
export type SyncedMeeting = z.infer<typeof SyncedMeeting>;

/** Why one meeting (or the committee's meeting list) could not be synced: where, and what was wrong. */
export const SyncFailure = z.object({
  /** The ModernGov meeting id, when the failure is one meeting's. */
  modernGovMeetingId: ModernGovId.optional(),
  /** The address fetched, or the part of the answer that was wrong. */
  where: z.string().min(1).max(1000),
  why: z.string().min(1).max(2000),
}).strict();
export type SyncFailure = z.infer<typeof SyncFailure>;

/**
 * A member of the roster whom ModernGov lists as attending a committee's meeting but who does not sit on it here.
 * Only a proposal for an officer to confirm (PUT /api/v1/members/{id}): attendees include substitutes, and a seat opens
 * exempt business, so the sync never grants one by itself.
 */
export const MembershipProposal = z.object({
  memberId: Id,
  name: z.string().min(1).max(300),
  modernGovMemberId: ModernGovId,
  /** ModernGov's roledescription: "Committee Member", "Chair", "Substitute" ... */
  role: z.string().max(300).optional(),
  modernGovMeetingId: ModernGovId,
}).strict();
export type MembershipProposal = z.infer<typeof MembershipProposal>;

/** The last sync run of one committee, for GET /api/v1/sync. */
export const CommitteeSyncRun = z.object({
  committeeId: Id,
  modernGovCommitteeId: ModernGovId,
  startedAt: Instant,
  finishedAt: Instant,
  dryRun: z.boolean(),
  meetingsSeen: z.number().int().min(0),
  imported: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  failed: z.array(SyncFailure).max(200),
  /** Roster members ModernGov lists at this committee's meetings who do not sit on it here: for an officer to confirm. */
  membershipProposals: z.array(MembershipProposal).max(200).default([]),
}).strict();
export type CommitteeSyncRun = z.infer<typeof CommitteeSyncRun>;
