import type { Meeting } from '../../domain';
import type { CreateResult, Store } from '../../store/port';
import { demoCouncil } from './demo-council';

export interface SeedReport {
  readonly created: number;
  readonly alreadyThere: number;
  /** Demo meetings moved back to their place relative to today (a demo loaded last month still has an upcoming meeting). */
  readonly meetingsMoved: number;
}

/**
 * Loads the demo council. Idempotent: running it again creates nothing new and changes no record but the demo
 * meetings' times, which follow today so that the demo always has a meeting coming up.
 */
export async function seedDemoCouncil(store: Store, now: Date): Promise<SeedReport> {
  const demo = demoCouncil(now);
  const meetings = await Promise.all(demo.meetings.map((m) => store.meetings.create(m)));
  const results = [
    ...(await Promise.all(demo.committees.map((c) => store.committees.create(c)))),
    ...(await Promise.all(demo.members.map((m) => store.members.create(m)))),
    ...meetings,
    ...(await Promise.all(demo.agendaItems.map((i) => store.agendaItems.create(i)))),
    ...(await Promise.all(demo.decisions.map((d) => store.decisions.create(d)))),
    ...(await Promise.all(demo.actionPlans.map((p) => store.actionPlans.create(p)))),
  ];
  const moved = await Promise.all(meetings.map((result, i) => moveToToday(result, demo.meetings[i]!, store)));
  const created = results.filter((r) => r.created).length;
  return { created, alreadyThere: results.length - created, meetingsMoved: moved.filter(Boolean).length };
}

async function moveToToday(result: CreateResult<Meeting>, wanted: Meeting, store: Store): Promise<boolean> {
  if (result.created || result.existing.value.startsAt === wanted.startsAt) return false;
  await store.meetings.replace({ ...result.existing.value, startsAt: wanted.startsAt, status: wanted.status }, result.existing.etag);
  return true;
}
