import type {
  AuditAction, AuditEntry, Acknowledgement, ActionPlan, ActionUpdate, AgendaItem, Committee, ConversationRecord, Decision, Delivery, DeliveryStatus, DomainError, DueWork,
  CommitteeSyncRun, Lease, Meeting, Member, Notification, SyncedMeeting,
} from '../domain';

/**
 * The storage port, in the domain's words. Services see only this; each adapter (embedded SQLite, Cosmos DB)
 * implements it and passes the same contract suite (test/contract/).
 *
 * Concurrency: every read of a mutable record returns it with an ETag. `replace` takes the ETag that was read
 * and fails with DomainError('conflict') when the record changed since (Cosmos 412). `create` is idempotent
 * by key: a second create of the same key answers { created: false, existing } and never writes a duplicate.
 * Every document read back from storage is validated with its zod schema; a malformed one is an error, not data.
 */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

export type CreateResult<T> =
  | { readonly created: true; readonly record: Versioned<T> }
  | { readonly created: false; readonly existing: Versioned<T> };

/** A page of results and the token to ask for the next one (continuation, never OFFSET). */
export interface Page<T> {
  readonly items: T[];
  readonly continuation?: string;
}

export interface CommitteeStore {
  create(committee: Committee): Promise<CreateResult<Committee>>;
  get(id: string): Promise<Versioned<Committee> | undefined>;
  replace(committee: Committee, etag: string): Promise<Versioned<Committee>>;
  list(): Promise<Committee[]>;
  /** Every committee with its ETag, in list()'s order: what a roster mirror holds (store/mirrored-store.ts). */
  listVersioned(): Promise<Versioned<Committee>[]>;
}

export interface MemberStore {
  create(member: Member): Promise<CreateResult<Member>>;
  get(id: string): Promise<Versioned<Member> | undefined>;
  /** Create or overwrite without an ETag: for the roster import, where the officer's file is the truth. */
  upsert(member: Member): Promise<Versioned<Member>>;
  replace(member: Member, etag: string): Promise<Versioned<Member>>;
  findByAadObjectId(aadObjectId: string): Promise<Versioned<Member> | undefined>;
  findByEmail(email: string): Promise<Versioned<Member> | undefined>;
  listByCommittee(committeeId: string): Promise<Member[]>;
  list(): Promise<Member[]>;
  /** Every member with its ETag, in list()'s order: what a roster mirror holds (store/mirrored-store.ts). */
  listVersioned(): Promise<Versioned<Member>[]>;
}

export interface MeetingStore {
  create(meeting: Meeting): Promise<CreateResult<Meeting>>;
  get(committeeId: string, id: string): Promise<Versioned<Meeting> | undefined>;
  /** When only the id is known (officer API): a cross-partition query on Cosmos DB. */
  findById(id: string): Promise<Versioned<Meeting> | undefined>;
  replace(meeting: Meeting, etag: string): Promise<Versioned<Meeting>>;
  /** Meetings of one committee starting at or after `from`, soonest first. */
  listUpcoming(committeeId: string, from: Date, limit: number): Promise<Meeting[]>;
  listByCommittee(committeeId: string): Promise<Meeting[]>;
  /**
   * Every meeting of every committee with its ETag, in no promised order (cross-partition on Cosmos DB): what a
   * per-instance meeting mirror loads in the background (store/meeting-mirror.ts), never a turn.
   */
  listVersioned(): Promise<Versioned<Meeting>[]>;
  /**
   * Meetings soonest first, a page at a time (officer API): of one committee (single-partition) or of all, starting at
   * or after `from` and before `to` when given.
   */
  listPage(filter: MeetingFilter, continuation?: string, pageSize?: number): Promise<Page<Meeting>>;
}

export interface MeetingFilter {
  readonly committeeId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

export interface AgendaItemStore {
  create(item: AgendaItem): Promise<CreateResult<AgendaItem>>;
  /** Many creates, each idempotent with its own result; the change marker moves once for the batch (bulk loads). */
  createMany(items: readonly AgendaItem[]): Promise<CreateResult<AgendaItem>[]>;
  /** Point read: the committee is the partition. */
  get(committeeId: string, id: string): Promise<Versioned<AgendaItem> | undefined>;
  /** When only the id is known (officer API): may cost a cross-partition query on Cosmos DB. */
  findById(id: string): Promise<Versioned<AgendaItem> | undefined>;
  replace(item: AgendaItem, etag: string): Promise<Versioned<AgendaItem>>;
  listByMeeting(committeeId: string, meetingId: string): Promise<AgendaItem[]>;
  /** The item imported from this source (council URL or ModernGov id), so a re-import updates it. */
  findBySource(key: { url?: string; externalId?: string }): Promise<Versioned<AgendaItem> | undefined>;
  /** Every item, a page at a time (search index rebuild). */
  listAll(continuation?: string, pageSize?: number): Promise<Page<AgendaItem>>;
}

export interface DecisionStore {
  create(decision: Decision): Promise<CreateResult<Decision>>;
  /** Many creates, each idempotent with its own result; the change marker moves once for the batch (bulk loads). */
  createMany(decisions: readonly Decision[]): Promise<CreateResult<Decision>[]>;
  get(committeeId: string, id: string): Promise<Versioned<Decision> | undefined>;
  findById(id: string): Promise<Versioned<Decision> | undefined>;
  replace(decision: Decision, etag: string): Promise<Versioned<Decision>>;
  findByAgendaItem(committeeId: string, agendaItemId: string): Promise<Versioned<Decision> | undefined>;
  findBySource(key: { url?: string; externalId?: string }): Promise<Versioned<Decision> | undefined>;
  /** Decisions decided on or after `since` (yyyy-mm-dd), newest first, across committees. */
  listDecidedSince(since: string): Promise<Decision[]>;
  listAll(continuation?: string, pageSize?: number): Promise<Page<Decision>>;
  /**
   * Decisions by id, a page at a time (officer API): of one committee (single-partition) or of all, decided on or
   * after `since` (yyyy-mm-dd; undated decisions then drop out) when given.
   */
  listPage(filter: DecisionFilter, continuation?: string, pageSize?: number): Promise<Page<Decision>>;
}

export interface DecisionFilter {
  readonly committeeId?: string;
  readonly since?: string;
}

export interface AcknowledgementStore {
  /** Idempotent: a member acknowledges an item once; the second press answers the first record. */
  create(ack: Acknowledgement): Promise<CreateResult<Acknowledgement>>;
  get(memberId: string, agendaItemId: string): Promise<Acknowledgement | undefined>;
  /** Single-partition: everything this member has acknowledged. */
  listByMember(memberId: string): Promise<Acknowledgement[]>;
  /** For the officer's report: every acknowledgement of one item. */
  listByAgendaItem(agendaItemId: string): Promise<Acknowledgement[]>;
  /**
   * Every acknowledgement of any of these items (a meeting's agenda), in one cross-partition query per 50 items, not
   * one per item: a meeting's acknowledgement progress.
   */
  listByAgendaItems(agendaItemIds: readonly string[]): Promise<Acknowledgement[]>;
}

export interface ConversationStore {
  /** Create or refresh (install events repeat); keyed by conversation id. */
  upsert(record: ConversationRecord): Promise<Versioned<ConversationRecord>>;
  get(id: string): Promise<Versioned<ConversationRecord> | undefined>;
  listByMember(memberId: string): Promise<ConversationRecord[]>;
  /** Conversations of one Teams user (Entra object id): to link their personal chat when the roster learns who they are. */
  listByAadObjectId(aadObjectId: string): Promise<Versioned<ConversationRecord>[]>;
  /** Team channels where the bot is installed (a small, cross-partition query): the teams a member may be found in. */
  listTeamChannels(): Promise<ConversationRecord[]>;
  /** Every personal chat with the bot (one cross-partition query over the small container): the roster's reachability at once. */
  listPersonal(): Promise<ConversationRecord[]>;
  /** Replaces a conversation record only if unchanged since read (linking it to a member). */
  replace(record: ConversationRecord, etag: string): Promise<Versioned<ConversationRecord>>;
  markUnreachable(id: string, at: string): Promise<void>;
  /**
   * Erases a conversation reference (a former member's chat): only if unchanged since read, so a reinstall recorded
   * meanwhile is read again first. False when it changed or was already gone.
   */
  remove(record: Versioned<ConversationRecord>): Promise<boolean>;
}

/** Which action plan follows a decision: all an agenda item card needs of the plan. */
export interface DecisionPlanLink {
  readonly committeeId: string;
  readonly decisionId: string;
  readonly actionPlanId: string;
}

export interface ActionPlanStore {
  create(plan: ActionPlan): Promise<CreateResult<ActionPlan>>;
  get(committeeId: string, id: string): Promise<Versioned<ActionPlan> | undefined>;
  /** When only the id is known (officer API): a cross-partition query on Cosmos DB. */
  findById(id: string): Promise<Versioned<ActionPlan> | undefined>;
  findByDecision(committeeId: string, decisionId: string): Promise<Versioned<ActionPlan> | undefined>;
  /**
   * Only the id of the decision's plan, if it has one: all an agenda item card needs of it (its "Action plan" button).
   * A plan is never deleted and its decision never changes, so a cache may answer this without reading the plan.
   */
  idByDecision(committeeId: string, decisionId: string): Promise<string | undefined>;
  /**
   * Which plan follows which decision, for every plan (cross-partition on Cosmos DB): what a per-instance mirror of
   * `idByDecision` loads in the background (store/decision-plan-mirror.ts), never a turn.
   */
  listDecisionLinks(): Promise<DecisionPlanLink[]>;
  /** Keeps the plan's decision: a plan never changes decision (the `plans` change marker part relies on it). */
  replace(plan: ActionPlan, etag: string): Promise<Versioned<ActionPlan>>;
  /** Every plan of one committee, by id (single-partition): the committee's Scrutiny report. */
  listByCommittee(committeeId: string): Promise<ActionPlan[]>;
  /** Plans holding an action owned by this member. */
  listByOwner(memberId: string): Promise<ActionPlan[]>;
  /** Plans with an action not done whose due date (yyyy-mm-dd) is before `today`: the daily overdue sweep. */
  listWithOverdueActions(today: string): Promise<ActionPlan[]>;
  /** Append-only history; an update's id is its idempotency key. */
  appendUpdate(update: ActionUpdate): Promise<CreateResult<ActionUpdate>>;
  listUpdates(committeeId: string, actionPlanId: string): Promise<ActionUpdate[]>;
}

/**
 * Notifications and their deliveries (the outbox). A notification and its deliveries share a partition, so recording
 * a delivery is a point write and finding what is left to send is a single-partition range query.
 */
/** Which notifications to list: all conditions given must hold. */
export interface NotificationFilter {
  readonly committeeId?: string;
  /** About this agenda item (its card, a reminder of it). */
  readonly agendaItemId?: string;
  /** About this meeting (its digest, an item of it, a reminder, a notice). */
  readonly meetingId?: string;
}

export interface NotificationStore {
  create(notification: Notification): Promise<CreateResult<Notification>>;
  get(id: string): Promise<Versioned<Notification> | undefined>;
  replace(notification: Notification, etag: string): Promise<Versioned<Notification>>;
  /**
   * Newest first, a page at a time: the officer's list (cross-partition, paged by continuation), optionally only those
   * of a committee, or about an agenda item or a meeting (send the same filter with each page's continuation).
   */
  listRecent(continuation?: string, pageSize?: number, filter?: NotificationFilter): Promise<Page<Notification>>;
  /** Idempotent by (notification, key): a second create answers the first record. */
  createDelivery(delivery: Delivery): Promise<CreateResult<Delivery>>;
  /** Many deliveries at once (a notification being prepared), each idempotent by key as `createDelivery`. */
  createDeliveries(deliveries: readonly Delivery[]): Promise<CreateResult<Delivery>[]>;
  getDelivery(notificationId: string, key: string): Promise<Versioned<Delivery> | undefined>;
  replaceDelivery(delivery: Delivery, etag: string): Promise<Versioned<Delivery>>;
  /**
   * Many replaces at once (the sender's claims), each with the ETag it was read with: each answers its new version or
   * the error it met (conflict, not-found), and one refused does not stop the others. Committed together where the
   * store can (the embedded store syncs its log once for the lot).
   */
  replaceDeliveries(deliveries: ReadonlyArray<Versioned<Delivery>>): Promise<Array<Versioned<Delivery> | DomainError>>;
  /** Every delivery of one notification, by key, a page at a time. */
  listDeliveries(notificationId: string, continuation?: string, pageSize?: number): Promise<Page<Delivery>>;
  /** How many of a notification's deliveries are in each status, without reading them (one count per status). */
  countDeliveries(notificationId: string): Promise<Record<DeliveryStatus, number>>;
  /** A notification's deliveries in one status (the unreachable, the failed: few), by key. */
  listDeliveriesWithStatus(notificationId: string, status: DeliveryStatus): Promise<Delivery[]>;
  /**
   * Deliveries not yet final (pending, or claimed) whose `dueAt` is at or before `until`, earliest first, at most
   * `limit`. Final deliveries are not read at all: the query's range holds only what is left to do.
   */
  listWaitingDeliveries(notificationId: string, until: Date, limit: number): Promise<Versioned<Delivery>[]>;
  /** Sent deliveries whose card shows this subject ("item:<id>", "meeting:<id>", "decision:<id>"): cross-partition. */
  listSentDeliveriesAbout(subjectKey: string): Promise<Delivery[]>;
}

/** Work that falls due at a time (domain/due-work.ts): live records only, in one partition. */
export interface DueWorkStore {
  /** Creates it unless a record with its id exists (answers that one): planning the same work twice schedules it once. */
  create(work: DueWork): Promise<CreateResult<DueWork>>;
  get(id: string): Promise<Versioned<DueWork> | undefined>;
  replace(work: DueWork, etag: string): Promise<Versioned<DueWork>>;
  /** Removes it only if unchanged since read; false when someone changed or removed it meanwhile. */
  remove(work: Versioned<DueWork>): Promise<boolean>;
  /** The `limit` earliest records, due or not (the caller sleeps until the first): one single-partition query. */
  listEarliest(limit: number): Promise<Versioned<DueWork>[]>;
}

export type LeaseAttempt =
  /** `previous`: the lease it replaced (another holder's, expired or released), when there was one. */
  | { readonly acquired: true; readonly lease: Versioned<Lease>; readonly previous?: Lease }
  | { readonly acquired: false; readonly current: Lease };

/** Named leases (the sender lease, the sync lease): at most one holder at a time, across instances. */
export interface LeaseStore {
  /** Takes the lease for `holder` until now + ttlMs when it is free (absent or expired) or already theirs. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<LeaseAttempt>;
  /** Extends a lease still held; undefined when it was lost (it expired and someone else took it). */
  renew(lease: Versioned<Lease>, now: Date, ttlMs: number): Promise<Versioned<Lease> | undefined>;
  /** Gives it up at once (graceful stop), so another instance need not wait for it to expire. */
  release(lease: Versioned<Lease>, now: Date): Promise<void>;
  get(name: string): Promise<Lease | undefined>;
}

/**
 * Teams activities already handled. Teams re-delivers an activity (same id) when the bot has not answered within
 * about 15 s; the bot claims each one before acting and acts only on the first claim. Claims are remembered for
 * about two days (Cosmos DB TTL; pruned in the embedded store), far longer than any re-delivery.
 */
export interface ActivityLedger {
  /**
   * Records that `key` (conversation id + activity id, or any other once-only key; any characters, any length up to
   * 4096, hashed by the store) was handled at `at` (ISO instant). True for the first claim of a key, false for every
   * later one, also when claims race each other in one process or across instances sharing the store.
   */
  claim(key: string, at: string): Promise<boolean>;
}

/** What the ModernGov sync remembers (domain/sync.ts): never business data, only what it saw and how its runs went. */
export interface SyncStore {
  getMeeting(committeeId: string, modernGovMeetingId: string): Promise<SyncedMeeting | undefined>;
  /** Writes it whole (the sync holds the sync lease: one writer at a time). */
  putMeeting(meeting: SyncedMeeting): Promise<void>;
  /** Keeps each committee's last run only. */
  putRun(run: CommitteeSyncRun): Promise<void>;
  /** Every committee's last run, by committee id. */
  listRuns(): Promise<CommitteeSyncRun[]>;
}

/** What an Admin asks of the audit log: every filter optional, all of them together (AND). */
export interface AuditFilter {
  /** The actor's id (Entra object id, API principal, CLI operator). */
  readonly actor?: string;
  /** One of these actions. */
  readonly actions?: readonly AuditAction[];
  readonly targetId?: string;
  /** At or after. */
  readonly from?: Date;
  /** Before. */
  readonly to?: Date;
}

/**
 * The audit log (domain/audit.ts): append-only. No update and no delete, except what the retention rule does:
 * removing entries older than the retention period, and a former member's name once theirs is over.
 */
export interface AuditLog {
  /** Writes one entry; its id is its idempotency key (a second append of the same id writes nothing). */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, a page at a time (continuation, never offsets). */
  list(filter: AuditFilter, continuation?: string, pageSize?: number): Promise<Page<AuditEntry>>;
  /** Retention: removes entries older than `before`; answers how many. */
  purgeBefore(before: Date): Promise<number>;
  /**
   * Retention: the entries done by this roster member (and those about them) no longer say who they were: the
   * actor's name becomes `name`, the actor id becomes the member id, a member target's label becomes `name`.
   * Answers how many entries changed; running it again changes none.
   */
  anonymiseMember(memberId: string, name: string): Promise<number>;
}

/**
 * The change marker's parts: which writes move which (Store.changeMarkers): `business` agenda items and decisions,
 * `roster` members and committees, `plans` the creation of an action plan (which plan a decision has), `meetings`
 * meetings.
 */
export type MarkerPart = 'business' | 'roster' | 'plans' | 'meetings';
export type ChangeMarkers = Readonly<Record<MarkerPart, string>>;

export interface Store {
  readonly committees: CommitteeStore;
  readonly members: MemberStore;
  readonly meetings: MeetingStore;
  readonly agendaItems: AgendaItemStore;
  readonly decisions: DecisionStore;
  readonly acknowledgements: AcknowledgementStore;
  readonly conversations: ConversationStore;
  readonly actionPlans: ActionPlanStore;
  readonly notifications: NotificationStore;
  readonly dueWork: DueWorkStore;
  readonly leases: LeaseStore;
  readonly sync: SyncStore;
  readonly activities: ActivityLedger;
  readonly audit: AuditLog;
  /**
   * A cheap value that differs after every create or replace of an agenda item or a decision, by any instance
   * sharing the store, however close together; equal while none happens (writes of other records may change it
   * too). Opaque: compare for equality only. One point read of one small document (about 1 RU on Cosmos DB, whatever
   * the council's size): cheap enough to poll every few seconds per instance.
   */
  changeMarker(): Promise<string>;
  /**
   * The same read, with the other parts beside it: `business` is changeMarker()'s value; `roster` differs after
   * every create, replace, upsert or delete of a member or a committee through any Store on the same data; `plans`
   * after every action plan created (not after a plan's changes: they never change which plan a decision has); `meetings`
   * after every create or replace of a meeting. Each part moves for its own writes only. One point read.
   */
  changeMarkers(): Promise<ChangeMarkers>;
  /** Answers quickly when the store can serve requests; throws with a reason when it cannot (/readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
