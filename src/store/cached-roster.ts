import type { ActionPlan, Meeting } from '../domain';
import type { ActionPlanStore, CommitteeStore, CreateResult, MeetingStore, MemberStore, Store, Versioned } from './port';
import type { RosterChange, RosterMirror } from './roster-mirror';

/**
 * How long one instance may answer meetings and which action plan a decision has from memory: how long a moved meeting
 * or a new action plan takes to be seen on this instance, at most (docs/ARCHITECTURE.md). Committees and members are
 * held by the roster mirror instead (store/roster-mirror.ts), whose bound is the change marker's.
 */
export const ROSTER_CACHE_MS = 60_000;

interface Entry<T> {
  readonly value: T;
  readonly until: number;
}

class TimedCache<T> {
  private readonly entries = new Map<string, Entry<Promise<T>>>();
  constructor(private readonly ttlMs: number, private readonly now: () => number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.until > at) return hit.value;
    const value = load();
    this.entries.set(key, { value, until: at + this.ttlMs });
    // A failed read is not remembered: the next turn asks the store again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * The store as the turns see it on Cosmos DB: committees and members (read on nearly every turn: who is asking, what
 * may they see) answered from the instance's roster mirror (store/roster-mirror.ts: the whole roster in memory, read
 * again when the roster's change marker moves), so that no turn waits on a cross-partition query for the asker or the
 * committee list; meetings by id (an item card's date, a recommendation's Full Council meeting) and which action plan a
 * decision has (the plan itself then read fresh, by a point read; an item card needs only its id, and reads nothing)
 * answered from a per-instance cache for at most `ttlMs`, so a status turn or an acknowledgement does not pay a point
 * read for the meeting and a query for the action plan each time. A write through this store updates the mirror and
 * empties that cache at once; writes by other processes (the officer API and CLI, the sync, another instance) reach
 * the mirror within the marker's poll interval and one reload, and the cache within `ttlMs`. Everything else passes
 * through.
 */
export const cacheRoster = (store: Store, roster: RosterMirror, options: { ttlMs?: number; now?: () => number } = {}): Store => {
  const ttlMs = options.ttlMs ?? ROSTER_CACHE_MS;
  const now = options.now ?? Date.now;
  const meetingCache = new TimedCache<unknown>(ttlMs, now);
  const cached = <T>(cache: TimedCache<unknown>, key: string, load: () => Promise<T>): Promise<T> => cache.get(key, load) as Promise<T>;
  /** Empties the cache after the write, whatever its outcome (a conflict means what we held is stale). */
  const writing = async <T>(cache: TimedCache<unknown>, write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      cache.clear();
    }
  };
  /** Hands the mirror what the store answered; a refused write (a conflict: what it holds is stale) reloads it. */
  const mirrored = async <T>(write: Promise<T>, change: (written: T) => RosterChange): Promise<T> => {
    try {
      const written = await write;
      roster.apply(change(written));
      return written;
    } catch (error) {
      roster.reloadSoon();
      throw error;
    }
  };
  const createdOrExisting = <T>(result: CreateResult<T>): Versioned<T> => (result.created ? result.record : result.existing);
  const c = store.committees;
  const committees: CommitteeStore = {
    ...c,
    create: (committee) => mirrored(c.create(committee), (r) => ({ kind: 'committee', record: createdOrExisting(r) })),
    get: (id) => roster.committee(id),
    replace: (committee, etag) => mirrored(c.replace(committee, etag), (record) => ({ kind: 'committee', record })),
    list: () => roster.committees(),
  };
  const m = store.members;
  const members: MemberStore = {
    ...m,
    create: (member) => mirrored(m.create(member), (r) => ({ kind: 'member', record: createdOrExisting(r) })),
    upsert: (member) => mirrored(m.upsert(member), (record) => ({ kind: 'member', record })),
    replace: (member, etag) => mirrored(m.replace(member, etag), (record) => ({ kind: 'member', record })),
    get: (id) => roster.member(id),
    findByAadObjectId: (aad) => roster.memberByAadObjectId(aad),
    findByEmail: (email) => roster.memberByEmail(email),
  };
  const mt = store.meetings;
  const meetings: MeetingStore = {
    ...mt,
    create: (meeting) => writing(meetingCache, mt.create(meeting)),
    replace: (meeting, etag) => writing(meetingCache, mt.replace(meeting, etag)),
    get: (committeeId, id) => cached<Versioned<Meeting> | undefined>(meetingCache, `get:${committeeId}/${id}`, () => mt.get(committeeId, id)),
  };
  // Which action plan a decision has (its id, or none): the plan itself is read fresh, by a point read of that id,
  // instead of a single-partition query (2 requests on Cosmos DB: query plan + query). A plan's decision never changes;
  // a plan created by another process appears on this instance's cards within `ttlMs`.
  const planCache = new TimedCache<unknown>(ttlMs, now);
  const ap = store.actionPlans;
  const actionPlans: ActionPlanStore = {
    ...ap,
    create: (plan) => writing(planCache, ap.create(plan)),
    findByDecision: async (committeeId, decisionId) => {
      let loaded: { readonly plan: Versioned<ActionPlan> | undefined } | undefined;
      const id = await cached<string | undefined>(planCache, `${committeeId}/${decisionId}`, async () => {
        const plan = await ap.findByDecision(committeeId, decisionId);
        loaded = { plan };
        return plan?.value.id;
      });
      if (loaded !== undefined) return loaded.plan;
      if (id === undefined) return undefined;
      const plan = await ap.get(committeeId, id);
      if (plan !== undefined && plan.value.decisionId === decisionId) return plan;
      planCache.clear();
      return ap.findByDecision(committeeId, decisionId);
    },
    // All an agenda item card needs of the plan is its id (the "Action plan" button): answered from the same entry,
    // without reading the plan (plans are never deleted and keep their decision). The plan itself is read fresh when
    // the button is pressed.
    idByDecision: (committeeId, decisionId) =>
      cached<string | undefined>(planCache, `${committeeId}/${decisionId}`, () => ap.idByDecision(committeeId, decisionId)),
  };
  return { ...store, committees, members, meetings, actionPlans };
};
