import { callInClosesAt, callInDeadline, effectiveStatus, notFound, workingDaysLeft, type Decision, type OutcomeStatus, type StatusDescription } from '../../domain';
import type { Store } from '../../store/port';
import { describeDecisionStatuses } from '../conversation/decision-statuses';

/** Where an outcome's call-in period stands, while it is open: its last day, the instant it closes, and the working days left. */
export interface CallInCountdown {
  /** The last day it may be called in (yyyy-mm-dd, London). */
  readonly deadline: string;
  /** When the period closes: 17:00 London time on the deadline. */
  readonly closesAt: string;
  /** Working days after today up to the deadline (weekends and England and Wales bank holidays not counted); 0 on the deadline day. */
  readonly workingDaysLeft: number;
}

/** A decision with each outcome's status as of today (the status moves with time: call-in ends), and the countdown while call-in is open. */
export type DecisionView = Decision & {
  readonly outcomes: ReadonlyArray<Decision['outcomes'][number] & { readonly current: StatusDescription; readonly callIn?: CallInCountdown }>;
};

/** The call-in countdown of an outcome whose status today is call-in-open (the committee has a period, the notice is published). */
export const callInCountdown = (decision: Pick<Decision, 'publishedOn'>, committee: { readonly callInWorkingDays: number }, today: string): CallInCountdown | undefined => {
  if (decision.publishedOn === undefined || committee.callInWorkingDays === 0) return undefined;
  const deadline = callInDeadline(decision.publishedOn, committee.callInWorkingDays);
  return { deadline, closesAt: callInClosesAt(decision.publishedOn, committee.callInWorkingDays), workingDaysLeft: workingDaysLeft(today, deadline) };
};

/** The status of each outcome as of `today`, without reading anything (for filtering a page of decisions). */
export const currentStatuses = (decision: Decision, committee: { readonly callInWorkingDays: number }, today: string): OutcomeStatus[] =>
  decision.outcomes.map((o) => effectiveStatus(o, decision, committee, today));

/** Describes every outcome's status now: what it is, since when, what comes next and when. */
export async function decisionView(decision: Decision, store: Pick<Store, 'committees' | 'meetings'>, today: string): Promise<DecisionView> {
  const committee = (await store.committees.get(decision.committeeId))?.value;
  if (!committee) throw notFound('Committee', decision.committeeId);
  const statuses = await describeDecisionStatuses(decision, committee, store, today);
  const countdown = callInCountdown(decision, committee, today);
  return {
    ...decision,
    outcomes: decision.outcomes.map((o) => {
      const current = statuses[o.number] as StatusDescription;
      return { ...o, current, ...(current.status === 'call-in-open' && countdown ? { callIn: countdown } : {}) };
    }),
  };
}
