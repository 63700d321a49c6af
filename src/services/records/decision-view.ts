import { effectiveStatus, notFound, type Decision, type OutcomeStatus, type StatusDescription } from '../../domain';
import type { Store } from '../../store/port';
import { describeDecisionStatuses } from '../conversation/decision-statuses';

/** A decision with each outcome's status as of today (the status moves with time: call-in ends). */
export type DecisionView = Decision & {
  readonly outcomes: ReadonlyArray<Decision['outcomes'][number] & { readonly current: StatusDescription }>;
};

/** The status of each outcome as of `today`, without reading anything (for filtering a page of decisions). */
export const currentStatuses = (decision: Decision, committee: { readonly callInWorkingDays: number }, today: string): OutcomeStatus[] =>
  decision.outcomes.map((o) => effectiveStatus(o, decision, committee, today));

/** Describes every outcome's status now: what it is, since when, what comes next and when. */
export async function decisionView(decision: Decision, store: Pick<Store, 'committees' | 'meetings'>, today: string): Promise<DecisionView> {
  const committee = (await store.committees.get(decision.committeeId))?.value;
  if (!committee) throw notFound('Committee', decision.committeeId);
  const statuses = await describeDecisionStatuses(decision, committee, store, today);
  return { ...decision, outcomes: decision.outcomes.map((o) => ({ ...o, current: statuses[o.number] as StatusDescription })) };
}
