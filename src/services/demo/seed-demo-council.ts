import type { Store } from '../../store/port';
import { demoCouncil } from './demo-council';

export interface SeedReport {
  readonly created: number;
  readonly alreadyThere: number;
}

/** Loads the demo council. Idempotent: running it twice creates nothing new and changes nothing. */
export async function seedDemoCouncil(store: Store, now: Date): Promise<SeedReport> {
  const demo = demoCouncil(now);
  const results = [
    ...(await Promise.all(demo.committees.map((c) => store.committees.create(c)))),
    ...(await Promise.all(demo.members.map((m) => store.members.create(m)))),
    ...(await Promise.all(demo.meetings.map((m) => store.meetings.create(m)))),
    ...(await Promise.all(demo.agendaItems.map((i) => store.agendaItems.create(i)))),
    ...(await Promise.all(demo.decisions.map((d) => store.decisions.create(d)))),
    ...(await Promise.all(demo.actionPlans.map((p) => store.actionPlans.create(p)))),
  ];
  const created = results.filter((r) => r.created).length;
  return { created, alreadyThere: results.length - created };
}
