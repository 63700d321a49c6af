/**
 * Where every record lives: the partitioning scheme in one place (docs/STORE.md explains the why and the cost).
 *
 * business       pk = committeeId   committee, meeting, agendaItem, decision, actionPlan, actionUpdate
 * members        pk = memberId      member, ack (one per agenda item: "acknowledge" is a point create)
 * conversations  pk = conversationId conversation (proactive-messaging references; get(id) is a point read)
 * notifications  pk = notificationId notification and its deliveries (recording a delivery is a point write)
 * activities     pk = hash of key   activity (a handled Teams activity; claiming it is a point create; TTL 2 days)
 * work           pk = 'due'         dueWork (live work only: polling is one small single-partition query)
 *                pk = 'lease'       lease (the sender lease, the sync lease: point reads and ETag writes)
 *                pk = 'sync'        syncedMeeting (what the ModernGov sync last imported of a meeting), syncRun (each
 *                                   committee's last run): point reads and upserts, one small partition
 *                pk = 'changeMarker' the change markers (one document, point read; its business part moved by every
 *                                   write of an agenda item or a decision, its roster part by every write of a
 *                                   member or a committee, its plans part by every action plan created, its
 *                                   meetings part by every write of a meeting: movesMarker)
 *
 * audit          pk = entry id      auditEntry (append-only; writes spread over every partition, the Admin's query is a
 *                                   cross-partition range on ix.atMs: see auditEntryKind)
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AuditEntry, Acknowledgement, ActionPlan, ActionUpdate, AgendaItem, Committee, ConversationRecord, Decision, Delivery, DueWork, Instant,
  CommitteeSyncRun, Lease, Meeting, Member, normaliseEmail, Notification, SyncedMeeting,
} from '../../domain';
import { epochMs, type DocumentKind } from './document-kind';

export const committeeKind: DocumentKind<Committee> = {
  type: 'committee',
  label: 'committee',
  container: 'business',
  schema: Committee,
  partitionKeyOf: (c) => c.id,
  keyOf: (c) => c.id,
  indexOf: () => ({}),
  movesMarker: 'roster',
};

export const meetingKind: DocumentKind<Meeting> = {
  type: 'meeting',
  label: 'meeting',
  container: 'business',
  schema: Meeting,
  partitionKeyOf: (m) => m.committeeId,
  keyOf: (m) => m.id,
  // Instants may carry any offset; epoch ms compares and sorts correctly where the ISO strings would not.
  indexOf: (m) => ({ startsAtMs: epochMs(m.startsAt) }),
  // Every create and replace: a meeting moved to another day is what an item card must show (its date).
  movesMarker: 'meetings',
};

export const agendaItemKind: DocumentKind<AgendaItem> = {
  type: 'agendaItem',
  label: 'agenda item',
  container: 'business',
  schema: AgendaItem,
  partitionKeyOf: (a) => a.committeeId,
  keyOf: (a) => a.id,
  indexOf: () => ({}),
  movesMarker: 'business',
};

export const decisionKind: DocumentKind<Decision> = {
  type: 'decision',
  label: 'decision',
  container: 'business',
  schema: Decision,
  partitionKeyOf: (d) => d.committeeId,
  keyOf: (d) => d.id,
  indexOf: () => ({}),
  movesMarker: 'business',
};

export const actionPlanKind: DocumentKind<ActionPlan> = {
  type: 'actionPlan',
  label: 'action plan',
  container: 'business',
  schema: ActionPlan,
  partitionKeyOf: (p) => p.committeeId,
  keyOf: (p) => p.id,
  // Lifted out of the actions array so "my actions" is ARRAY_CONTAINS on strings, the same in SQL and Cosmos.
  // earliestOpenDueOn: the first due date of an action not done, so "plans with overdue actions" is a range query.
  indexOf: (p) => ({
    ownerMemberIds: [...new Set(p.actions.map((a) => a.ownerMemberId))].sort(),
    earliestOpenDueOn: p.actions.filter((a) => a.rag !== 'done').map((a) => a.dueOn).sort()[0],
  }),
  // Which plan a decision has changes only when a plan is created: a plan keeps its decision and is never removed.
  movesMarker: 'plans',
  movesMarkerOn: 'additions',
};

export const actionUpdateKind: DocumentKind<ActionUpdate> = {
  type: 'actionUpdate',
  label: 'action update',
  container: 'business',
  schema: ActionUpdate,
  partitionKeyOf: (u) => u.committeeId,
  keyOf: (u) => u.id,
  indexOf: (u) => ({ atMs: epochMs(u.at) }),
};

export const memberKind: DocumentKind<Member> = {
  type: 'member',
  label: 'member',
  container: 'members',
  schema: Member,
  partitionKeyOf: (m) => m.id,
  keyOf: (m) => m.id,
  // Matching is case-insensitive (normaliseEmail); GUIDs arrive in either case.
  indexOf: (m) => ({
    emailKey: m.email === undefined ? undefined : normaliseEmail(m.email),
    aadObjectIdKey: m.aadObjectId?.toLowerCase(),
    committeeIds: [...new Set(m.committees.map((c) => c.committeeId))].sort(),
  }),
  movesMarker: 'roster',
};

export const acknowledgementKind: DocumentKind<Acknowledgement> = {
  type: 'ack',
  label: 'acknowledgement',
  container: 'members',
  schema: Acknowledgement,
  partitionKeyOf: (a) => a.memberId,
  // One per member per item: the key makes a second press a 409, never a duplicate.
  keyOf: (a) => a.agendaItemId,
  indexOf: (a) => ({ acknowledgedAtMs: epochMs(a.acknowledgedAt) }),
};

export const conversationKind: DocumentKind<ConversationRecord> = {
  type: 'conversation',
  label: 'conversation',
  container: 'conversations',
  schema: ConversationRecord,
  partitionKeyOf: (c) => c.id,
  keyOf: (c) => c.id,
  // Personal chats are linked to a member when the roster gains their Entra object id.
  indexOf: (c) => ({ aadObjectIdKey: c.aadObjectId?.toLowerCase() }),
};

export const notificationKind: DocumentKind<Notification> = {
  type: 'notification',
  label: 'notification',
  container: 'notifications',
  schema: Notification,
  partitionKeyOf: (n) => n.id,
  keyOf: (n) => n.id,
  // Newest first for the officer's list.
  indexOf: (n) => ({ createdAtMs: epochMs(n.createdAt) }),
};

export const deliveryKind: DocumentKind<Delivery> = {
  type: 'delivery',
  label: 'delivery',
  container: 'notifications',
  schema: Delivery,
  partitionKeyOf: (d) => d.notificationId,
  keyOf: (d) => d.key,
  // dueAtMs only while the delivery waits (pending, or claimed): a final one drops out of the sender's range query,
  // so the query reads what is left to do, however long the notification's history.
  indexOf: (d) => ({
    dueAtMs: (d.status === 'pending' || d.status === 'sending') && d.dueAt !== undefined ? epochMs(d.dueAt) : undefined,
    subjectKeys: d.subjectKeys.length > 0 ? [...d.subjectKeys] : undefined,
  }),
};

/** Live due work, all in one logical partition: a record is removed when its work is done. */
export const DUE_WORK_PARTITION = 'due';
export const LEASE_PARTITION = 'lease';

export const dueWorkKind: DocumentKind<DueWork> = {
  type: 'dueWork',
  label: 'due work',
  container: 'work',
  schema: DueWork,
  partitionKeyOf: () => DUE_WORK_PARTITION,
  keyOf: (w) => w.id,
  indexOf: (w) => ({ dueAtMs: epochMs(w.dueAt) }),
};

export const leaseKind: DocumentKind<Lease> = {
  type: 'lease',
  label: 'lease',
  container: 'work',
  schema: Lease,
  partitionKeyOf: () => LEASE_PARTITION,
  keyOf: (l) => l.name,
  indexOf: () => ({}),
};

/** What the ModernGov sync saw of each meeting and its last run per committee: point reads, one small partition. */
export const SYNC_PARTITION = 'sync';

export const syncedMeetingKind: DocumentKind<SyncedMeeting> = {
  type: 'syncedMeeting',
  label: 'synced meeting',
  container: 'work',
  schema: SyncedMeeting,
  partitionKeyOf: () => SYNC_PARTITION,
  keyOf: (m) => `${m.committeeId}:${m.modernGovMeetingId}`,
  indexOf: () => ({}),
};

export const syncRunKind: DocumentKind<CommitteeSyncRun> = {
  type: 'syncRun',
  label: 'sync run',
  container: 'work',
  schema: CommitteeSyncRun,
  partitionKeyOf: () => SYNC_PARTITION,
  keyOf: (r) => r.committeeId,
  indexOf: () => ({}),
};

/**
 * A claimed activity key: the store's own record, not a domain one. The caller's key (conversation id + activity id,
 * or any other once-only key) may hold characters a Cosmos DB id cannot (/ \ ? #) and be of any length, so the
 * document id and partition are its SHA-256 (hex, 64 characters); the key itself is kept for whoever reads the data.
 */
export const ActivityClaim = z
  .object({
    key: z.string().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
    at: Instant,
  })
  .strict();
export type ActivityClaim = z.infer<typeof ActivityClaim>;

export const activityKeyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const activityClaimKind: DocumentKind<ActivityClaim> = {
  type: 'activity',
  label: 'activity claim',
  container: 'activities',
  schema: ActivityClaim,
  // One logical partition per key: a claim is a point create, and no query ever reads this container.
  partitionKeyOf: (c) => activityKeyHash(c.key),
  keyOf: (c) => activityKeyHash(c.key),
  indexOf: () => ({}),
};

/**
 * An audit entry, in its own container, partitioned by its own id. Why: the log is written far more than it is read
 * (every exempt view, every push and roster change) and read by an Admin now and then, newest first over a period.
 * Cosmos DB routes a query to one partition only on equality of the key, never on a range, so a time key (the day or
 * the month) would not make the Admin's period query single-partition; it would only send every write of the day to
 * one logical partition (hot, and capped at 20 GB). Keyed by id, writes spread evenly, and the period query is one
 * cross-partition query on the range index of `ix.atMs`, whose cost grows with the physical partitions (one for a
 * council's log for years), not with the logical ones. The retention purge is the same range, then point deletes.
 */
export const auditEntryKind: DocumentKind<AuditEntry> = {
  type: 'auditEntry',
  label: 'audit entry',
  container: 'audit',
  schema: AuditEntry,
  partitionKeyOf: (e) => e.id,
  keyOf: (e) => e.id,
  // Entra object ids arrive in either case: the actor filter matches them lower-cased.
  indexOf: (e) => ({ atMs: epochMs(e.at), actorKey: e.actor.id.toLowerCase() }),
};

/** Store.changeMarker()'s one document (change-marker.ts): its own partition of `work`, read by a point read. */
export const CHANGE_MARKER_KEY = 'changeMarker';

/** One part of the change marker: how many moves, and a random id per move (change-marker.ts). */
export const MarkerMove = z.object({ count: z.number().int().nonnegative(), generation: z.string().min(1) }).strict();
export type MarkerMove = z.infer<typeof MarkerMove>;

/**
 * The change markers' document. The business part (`count`, `generation`: the marker's only part before the others
 * were added, so an older document reads as it always did) is moved by agenda item and decision writes; `count` 0
 * means never moved (the document was created by a move of another part). The roster part, absent until first moved,
 * by member and committee writes; the plans part, likewise, by action plans created; the meetings part by meeting
 * writes. Parts this version does not know (written by a later one) are kept as they are, so that it can still read
 * and move the marker beside it.
 */
export const ChangeGeneration = z
  .object({
    key: z.literal(CHANGE_MARKER_KEY),
    count: z.number().int().nonnegative(),
    generation: z.string().min(1),
    roster: MarkerMove.optional(),
    plans: MarkerMove.optional(),
    meetings: MarkerMove.optional(),
  })
  .passthrough();
export type ChangeGeneration = z.infer<typeof ChangeGeneration>;

export const changeMarkerKind: DocumentKind<ChangeGeneration> = {
  type: 'changeMarker',
  label: 'change marker',
  container: 'work',
  schema: ChangeGeneration,
  partitionKeyOf: () => CHANGE_MARKER_KEY,
  keyOf: () => CHANGE_MARKER_KEY,
  indexOf: () => ({}),
};
