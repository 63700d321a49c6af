import type { Decision, Meeting } from '../../domain';
import type { CreateResult, Store } from '../../store/port';
import { demoCouncil } from './demo-council';

export interface SeedReport {
  readonly created: number;
  readonly alreadyThere: number;
  /** Demo meetings moved back to their place relative to today (a demo loaded last month still has an upcoming meeting). */
  readonly meetingsMoved: number;
  /** Invented demo decisions moved with their meeting (decided, published), so one is always current. */
  readonly decisionsMoved: number;
}

/**
 * Loads the demo council. Idempotent: running it again creates nothing new and changes no record but the invented
 * meetings' times and the invented decisions' dates, which follow today so that the demo always has a meeting coming
 * up and a decision in its call-in period. The real item (its 2021 meeting and decision) never moves.
 */
export async function seedDemoCouncil(store: Store, now: Date): Promise<SeedReport> {
  const demo = demoCouncil(now);
  const meetings = await Promise.all(demo.meetings.map((m) => store.meetings.create(m)));
  const decisions = await Promise.all(demo.decisions.map((d) => store.decisions.create(d)));
  const results = [
    ...(await Promise.all(demo.committees.map((c) => store.committees.create(c)))),
    ...(await Promise.all(demo.members.map((m) => store.members.create(m)))),
    ...meetings,
    ...(await Promise.all(demo.agendaItems.map((i) => store.agendaItems.create(i)))),
    ...decisions,
    ...(await Promise.all(demo.actionPlans.map((p) => store.actionPlans.create(p)))),
  ];
  const moved = await Promise.all(meetings.map((result, i) => moveToToday(result, demo.meetings[i]!, store)));
  const decisionsMoved = await Promise.all(decisions.map((result, i) => moveDecisionToToday(result, demo.decisions[i]!, store)));
  const created = results.filter((r) => r.created).length;
  return { created, alreadyThere: results.length - created, meetingsMoved: moved.filter(Boolean).length, decisionsMoved: decisionsMoved.filter(Boolean).length };
}

/**
 * An invented decision loaded on an earlier day takes today's dates again: decided, published, and the statusSince
 * of each outcome still in the status it was loaded with (what someone changed in the demo since is kept).
 */
async function moveDecisionToToday(result: CreateResult<Decision>, wanted: Decision, store: Store): Promise<boolean> {
  if (result.created) return false;
  const existing = result.existing.value;
  if (existing.decidedOn === wanted.decidedOn && existing.publishedOn === wanted.publishedOn) return false;
  const outcomes = existing.outcomes.map((o) => {
    const loaded = wanted.outcomes.find((w) => w.number === o.number);
    return loaded && loaded.status === o.status ? { ...o, statusSince: loaded.statusSince } : o;
  });
  await store.decisions.replace({ ...existing, decidedOn: wanted.decidedOn, publishedOn: wanted.publishedOn, outcomes }, result.existing.etag);
  return true;
}

async function moveToToday(result: CreateResult<Meeting>, wanted: Meeting, store: Store): Promise<boolean> {
  if (result.created || result.existing.value.startsAt === wanted.startsAt) return false;
  await store.meetings.replace({ ...result.existing.value, startsAt: wanted.startsAt, status: wanted.status }, result.existing.etag);
  return true;
}
