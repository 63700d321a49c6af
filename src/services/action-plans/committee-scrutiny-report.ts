import { notFound } from '../../domain';
import type { Store } from '../../store/port';
import { mayRead, type RecordReader } from '../records/record-reader';
import { planReport, summaryOf, type Period, type ScrutinyReport } from './scrutiny-report';

export interface CommitteeScrutinyReport {
  readonly committee: { readonly id: string; readonly name: string };
  readonly period: { readonly from?: string; readonly to?: string };
  readonly asOf: string;
  /** Every action of every plan together. */
  readonly summary: ScrutinyReport['summary'];
  /** Each plan's report, plans by id; the history of each action holds the updates made within the period. */
  readonly plans: readonly ScrutinyReport[];
}

/**
 * The annual review: every action plan of a committee, each action as it stands and the progress recorded over the
 * period. Plans following exempt decisions only for readers entitled to them.
 */
export async function committeeScrutinyReport(
  committeeId: string,
  period: Period,
  reader: RecordReader,
  store: Pick<Store, 'actionPlans' | 'decisions' | 'committees' | 'members'>,
  today: string,
): Promise<CommitteeScrutinyReport> {
  const committee = (await store.committees.get(committeeId))?.value;
  if (!committee) throw notFound('Committee', committeeId);
  const [plans, roster] = await Promise.all([store.actionPlans.listByCommittee(committeeId), store.members.list()]);
  const reports: ScrutinyReport[] = [];
  for (const plan of plans) {
    const decision = await store.decisions.get(plan.committeeId, plan.decisionId);
    if (decision && !mayRead(reader, decision.value)) continue;
    reports.push(await planReport(plan, { committeeName: committee.name, roster, reader, today, period }, store));
  }
  return {
    committee: { id: committee.id, name: committee.name },
    period: { ...(period.from ? { from: period.from.toISOString() } : {}), ...(period.to ? { to: period.to.toISOString() } : {}) },
    asOf: today,
    summary: summaryOf(reports.flatMap((r) => r.actions)),
    plans: reports,
  };
}
