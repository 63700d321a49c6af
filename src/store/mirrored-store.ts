import type { Meeting } from '../domain';
import type { DecisionPlanMirror } from './decision-plan-mirror';
import type { MarkerMirror, MirroredState } from './marker-mirror';
import type { MeetingMirror } from './meeting-mirror';
import type { ActionPlanStore, CommitteeStore, CreateResult, DecisionPlanLink, MeetingStore, MemberStore, Store, Versioned } from './port';
import type { RosterChange, RosterMirror } from './roster-mirror';

/** What an instance holds in memory for its turns on Cosmos DB, each kept current by its part of the change marker. */
export interface TurnMirrors {
  readonly roster: RosterMirror;
  readonly plans: DecisionPlanMirror;
  readonly meetings: MeetingMirror;
}

/**
 * The store as the turns see it on Cosmos DB: committees and members (read on nearly every turn: who is asking, what
 * may they see) answered from the instance's roster mirror (store/roster-mirror.ts: the whole roster in memory, read
 * again when the roster's change marker moves), so that no turn waits on a cross-partition query for the asker or the
 * committee list; which action plan a decision has from the decision-plan mirror (store/decision-plan-mirror.ts, read
 * again when the plans marker moves: the plan itself then read fresh, by a point read; an item card needs only its id,
 * and reads nothing), so that no turn queries for it; meetings (by id: an item card's date, a recommendation's Full
 * Council meeting; a committee's, and its upcoming ones: `agenda`, `pending`) from the meeting mirror
 * (store/meeting-mirror.ts, read again when the meetings marker moves), so that no turn reads one. A write through
 * this store updates the mirrors at once; writes by other processes (the officer API and CLI, the sync, another
 * instance) reach them within the marker's poll interval and one reload. Everything else passes through.
 */
export const mirroredStore = (store: Store, mirrors: TurnMirrors): Store => {
  const { roster, plans } = mirrors;
  /** Hands a mirror what the store answered; a refused write (a conflict: what it holds is stale) reloads it. */
  const mirroredIn = <C>(mirror: MarkerMirror<MirroredState<C>, C>) => async <T>(write: Promise<T>, change: (written: T) => C): Promise<T> => {
    try {
      const written = await write;
      mirror.apply(change(written));
      return written;
    } catch (error) {
      mirror.reloadSoon();
      throw error;
    }
  };
  const inRoster = mirroredIn<RosterChange>(roster);
  const inPlans = mirroredIn<DecisionPlanLink>(plans);
  const inMeetings = mirroredIn<Versioned<Meeting>>(mirrors.meetings);
  const createdOrExisting = <T>(result: CreateResult<T>): Versioned<T> => (result.created ? result.record : result.existing);
  const c = store.committees;
  const committees: CommitteeStore = {
    ...c,
    create: (committee) => inRoster(c.create(committee), (r) => ({ kind: 'committee', record: createdOrExisting(r) })),
    get: (id) => roster.committee(id),
    replace: (committee, etag) => inRoster(c.replace(committee, etag), (record) => ({ kind: 'committee', record })),
    list: () => roster.committees(),
  };
  const m = store.members;
  const members: MemberStore = {
    ...m,
    create: (member) => inRoster(m.create(member), (r) => ({ kind: 'member', record: createdOrExisting(r) })),
    upsert: (member) => inRoster(m.upsert(member), (record) => ({ kind: 'member', record })),
    replace: (member, etag) => inRoster(m.replace(member, etag), (record) => ({ kind: 'member', record })),
    get: (id) => roster.member(id),
    findByAadObjectId: (aad) => roster.memberByAadObjectId(aad),
    findByEmail: (email) => roster.memberByEmail(email),
  };
  const mt = store.meetings;
  const meetings: MeetingStore = {
    ...mt,
    create: (meeting) => inMeetings(mt.create(meeting), createdOrExisting),
    replace: (meeting, etag) => inMeetings(mt.replace(meeting, etag), (record) => record),
    get: async (committeeId, id) =>
      (await mirrors.meetings.meeting(committeeId, id)) ??
      // Not held: written since the last load by another process (its marker move not read yet), or no such meeting.
      // The store answers, as before the mirror; a meeting is never removed, so a held one needs no such read.
      mt.get(committeeId, id),
    listByCommittee: (committeeId) => mirrors.meetings.listByCommittee(committeeId),
    listUpcoming: (committeeId, from, limit) => mirrors.meetings.listUpcoming(committeeId, from, limit),
  };
  // Which action plan a decision has (its id, or none) from the mirror: the plan itself is read fresh, by a point read
  // of that id, instead of a single-partition query (2 requests on Cosmos DB: query plan + query).
  const ap = store.actionPlans;
  const actionPlans: ActionPlanStore = {
    ...ap,
    create: (plan) =>
      inPlans(ap.create(plan), (r) => {
        const { committeeId, decisionId, id } = createdOrExisting(r).value;
        return { committeeId, decisionId, actionPlanId: id };
      }),
    findByDecision: async (committeeId, decisionId) => {
      const id = await plans.planIdOf(committeeId, decisionId);
      if (id === undefined) return undefined;
      const plan = await ap.get(committeeId, id);
      if (plan !== undefined && plan.value.decisionId === decisionId) return plan;
      // Not what the mirror held (a plan written past the store's API, or removed by hand): the store answers, and
      // the mirror reads again.
      plans.reloadSoon();
      return ap.findByDecision(committeeId, decisionId);
    },
    // All an agenda item card needs of the plan is its id (the "Action plan" button): answered without reading the
    // plan. The plan itself is read fresh when the button is pressed.
    idByDecision: (committeeId, decisionId) => plans.planIdOf(committeeId, decisionId),
  };
  return { ...store, committees, members, meetings, actionPlans };
};
