import { callInDeadline, callInEffectiveFrom, londonDateOf } from './call-in';
import type { CommitteeKind } from './committee';
import type { Decision, Outcome, OutcomeStatus, OutcomeVerb } from './decision';
import { DomainError, notFound } from './errors';
import type { StatusDescription } from './status-description';

/**
 * The per-outcome decision status lifecycle of PRODUCT.md, in one place: which states exist and which are final,
 * the status an imported outcome starts in, the one transition function, the time-based advance
 * (call-in-open -> effective) and the words a status answer uses.
 *
 *   scheduled -> made -> call-in-open -> effective            (or made -> effective when not subject to call-in)
 *   call-in-open -> called-in -> confirmed | referred-back
 *   noted
 *   awaiting-council -> approved-by-council | amended-by-council | rejected-by-council
 *   scheduled | made | awaiting-council -> deferred | withdrawn
 */

/**
 * Every status and whether it is final. "Final" is about this outcome record: a referred-back or deferred outcome
 * comes back as a new decision at a later meeting, it does not reopen this one.
 */
export const OUTCOME_STATUSES: readonly { readonly status: OutcomeStatus; readonly final: boolean }[] = [
  { status: 'scheduled', final: false },
  { status: 'made', final: false },
  { status: 'call-in-open', final: false },
  { status: 'effective', final: true },
  { status: 'called-in', final: false },
  { status: 'confirmed', final: true },
  { status: 'referred-back', final: true },
  { status: 'noted', final: true },
  { status: 'awaiting-council', final: false },
  { status: 'approved-by-council', final: true },
  { status: 'amended-by-council', final: true },
  { status: 'rejected-by-council', final: true },
  { status: 'deferred', final: true },
  { status: 'withdrawn', final: true },
];

const FINAL = new Set(OUTCOME_STATUSES.filter((s) => s.final).map((s) => s.status));
export const isFinalOutcomeStatus = (status: OutcomeStatus): boolean => FINAL.has(status);

export type CouncilResult = 'approved' | 'amended' | 'rejected';

export type OutcomeEvent =
  /** The meeting took the decision (an outcome recorded from the agenda before the meeting). */
  | { readonly type: 'made' }
  /** The decision notice was published; whether call-in applies comes from isSubjectToCallIn. */
  | { readonly type: 'published'; readonly subjectToCallIn: boolean }
  | { readonly type: 'call-in-period-ended' }
  | { readonly type: 'called-in' }
  /** Scrutiny considered the call-in and let the decision stand. */
  | { readonly type: 'confirmed' }
  /** Scrutiny referred the decision back to the decision maker. */
  | { readonly type: 'referred-back' }
  | { readonly type: 'council-decided'; readonly result: CouncilResult }
  | { readonly type: 'deferred' }
  | { readonly type: 'withdrawn' };

const COUNCIL_STATUS: Record<CouncilResult, OutcomeStatus> = {
  approved: 'approved-by-council',
  amended: 'amended-by-council',
  rejected: 'rejected-by-council',
};

/** The next status, or undefined when the event is not allowed from `current`. */
const nextStatus = (current: OutcomeStatus, event: OutcomeEvent): OutcomeStatus | undefined => {
  switch (event.type) {
    case 'made':
      return current === 'scheduled' ? 'made' : undefined;
    case 'published':
      if (current !== 'made') return undefined;
      return event.subjectToCallIn ? 'call-in-open' : 'effective';
    case 'call-in-period-ended':
      return current === 'call-in-open' ? 'effective' : undefined;
    case 'called-in':
      return current === 'call-in-open' ? 'called-in' : undefined;
    case 'confirmed':
      return current === 'called-in' ? 'confirmed' : undefined;
    case 'referred-back':
      return current === 'called-in' ? 'referred-back' : undefined;
    case 'council-decided':
      return current === 'awaiting-council' ? COUNCIL_STATUS[event.result] : undefined;
    case 'deferred':
    case 'withdrawn':
      // Once implementable, under call-in or decided by Council, an outcome can no longer be taken off the table.
      return current === 'scheduled' || current === 'made' || current === 'awaiting-council' ? event.type : undefined;
  }
};

/** The one transition function. Throws DomainError('invalid') for a transition the lifecycle does not have. */
export const transitionOutcome = (current: OutcomeStatus, event: OutcomeEvent): OutcomeStatus => {
  const next = nextStatus(current, event);
  if (next === undefined) {
    throw new DomainError('invalid', `an outcome that is ${current} cannot be ${event.type}`, { from: current, event: event.type });
  }
  return next;
};

/** Applies an event to an outcome, recording since when it has its new status. */
export const applyOutcomeEvent = (outcome: Outcome, event: OutcomeEvent, at: string): Outcome => ({
  ...outcome,
  status: transitionOutcome(outcome.status, event),
  statusSince: at,
});

/** What the importer knows when it first records an outcome. */
export interface OutcomeContext {
  readonly committeeKind: CommitteeKind;
  readonly callInWorkingDays: number;
  readonly urgent: boolean;
  /** As published ("Is subject to call in?: Yes/No"); undefined where the page does not say. */
  readonly subjectToCallIn?: boolean;
  readonly decidedOn?: string;
  readonly publishedOn?: string;
  readonly today: string;
}

/** Why an outcome is not subject to call-in, for the officer's import preview. */
export type NotSubjectToCallInReason =
  | 'noted'
  | 'recommendation-to-council'
  | 'deferred'
  | 'withdrawn'
  | 'urgent'
  | 'published-as-not-subject'
  | 'not-executive'
  | 'no-call-in-period';

export type CallInApplicability =
  | { readonly subjectToCallIn: true }
  | { readonly subjectToCallIn: false; readonly reason: NotSubjectToCallInReason };

export interface InitialOutcomeStatus {
  readonly status: OutcomeStatus;
  readonly callIn: CallInApplicability;
}

/** "to Council", "to Full Council", "to the Council": a recommendation that only Full Council can decide. */
export const isRecommendationToCouncil = (verb: OutcomeVerb, target: string | undefined): boolean =>
  (verb === 'RECOMMENDED' || verb === 'REFERRED') && target !== undefined && /\bcouncil\b/i.test(target);

/**
 * Whether call-in applies to an outcome. Urgent decisions, recommendations to Council and outcomes with nothing to
 * implement never are; otherwise the published "subject to call in?" answer wins, and where the page does not say,
 * decisions of the executive (Cabinet) are and those of other committees (Council, regulatory) are not.
 */
export const callInApplicability = (
  verb: OutcomeVerb,
  target: string | undefined,
  ctx: Pick<OutcomeContext, 'committeeKind' | 'callInWorkingDays' | 'urgent' | 'subjectToCallIn'>,
): CallInApplicability => {
  const no = (reason: NotSubjectToCallInReason): CallInApplicability => ({ subjectToCallIn: false, reason });
  if (verb === 'NOTED') return no('noted');
  if (isRecommendationToCouncil(verb, target)) return no('recommendation-to-council');
  if (verb === 'DEFERRED') return no('deferred');
  if (verb === 'WITHDRAWN') return no('withdrawn');
  if (ctx.urgent) return no('urgent');
  if (ctx.subjectToCallIn === false) return no('published-as-not-subject');
  if (ctx.subjectToCallIn === undefined && ctx.committeeKind !== 'cabinet') return no('not-executive');
  if (ctx.callInWorkingDays === 0) return no('no-call-in-period');
  return { subjectToCallIn: true };
};

/**
 * The status an imported outcome starts in. Outcomes of a meeting still to come are scheduled; those with nothing
 * further to happen start in their own state; the rest are made until the decision notice is published, then in
 * call-in (or effective once the period has ended, so that importing an old decision records the truth).
 */
export const initialOutcomeStatus = (verb: OutcomeVerb, target: string | undefined, ctx: OutcomeContext): InitialOutcomeStatus => {
  const callIn = callInApplicability(verb, target, ctx);
  const status = ((): OutcomeStatus => {
    if (ctx.decidedOn !== undefined && ctx.decidedOn > ctx.today) return 'scheduled';
    if (verb === 'NOTED') return 'noted';
    if (isRecommendationToCouncil(verb, target)) return 'awaiting-council';
    if (verb === 'DEFERRED') return 'deferred';
    if (verb === 'WITHDRAWN') return 'withdrawn';
    if (!callIn.subjectToCallIn) return 'effective';
    if (ctx.publishedOn === undefined || ctx.publishedOn > ctx.today) return 'made';
    return ctx.today > callInDeadline(ctx.publishedOn, ctx.callInWorkingDays) ? 'effective' : 'call-in-open';
  })();
  return { status, callIn };
};

/**
 * The status as of `today`: a call-in-open outcome whose deadline has passed is effective, whether or not the
 * job that records the "call-in period ended" event has run yet. Other statuses change only by events.
 */
export const effectiveStatus = (
  outcome: Pick<Outcome, 'status'>,
  decision: Pick<Decision, 'publishedOn'>,
  committee: { readonly callInWorkingDays: number },
  today: string,
): OutcomeStatus => {
  if (outcome.status === 'call-in-open' && decision.publishedOn !== undefined) {
    return today > callInDeadline(decision.publishedOn, committee.callInWorkingDays) ? 'effective' : 'call-in-open';
  }
  return outcome.status;
};

export interface DescribeContext {
  readonly today: string;
  readonly callInWorkingDays: number;
  /** Full Council's meeting that will decide a recommendation, where known. */
  readonly councilMeeting?: { readonly startsAt: string };
}

/** What a status answer says: what the status is, since when, what comes next and when. */
export const describeOutcomeStatus = (
  outcome: Pick<Outcome, 'status'> & Partial<Outcome>,
  decision: Pick<Decision, 'decisionMaker' | 'decidedOn' | 'publishedOn' | 'subjectToCallIn'> & {
    readonly source?: Pick<NonNullable<Decision['source']>, 'kind'> & Partial<NonNullable<Decision['source']>>;
  },
  ctx: DescribeContext,
): StatusDescription => {
  const status = effectiveStatus(outcome, decision, ctx, ctx.today);
  const final = isFinalOutcomeStatus(status);
  const deadline =
    decision.publishedOn !== undefined && ctx.callInWorkingDays > 0 ? callInDeadline(decision.publishedOn, ctx.callInWorkingDays) : undefined;
  // Statuses born at the meeting date from the meeting; those reached by a later event date from that event.
  const sinceMeeting = decision.decidedOn ?? outcome.statusSince;
  const sinceEvent = outcome.statusSince ?? decision.decidedOn;
  const d = (label: string, since: string | undefined, next?: string, nextOn?: string): StatusDescription => ({
    status,
    label,
    final,
    ...(since !== undefined && { since }),
    ...(next !== undefined && { next }),
    ...(nextOn !== undefined && { nextOn }),
  });

  switch (status) {
    case 'scheduled':
      return d('Scheduled: on the agenda for decision', outcome.statusSince, `${decision.decisionMaker} decides`, decision.decidedOn);
    case 'made':
      // Known only from GetMeeting's text: ModernGov has published it, but its notice (when, and whether it can be
      // called in) has not been read yet, so nothing is said of the call-in period but that.
      return decision.source?.kind === 'moderngov-meeting-xml'
        ? d("Decision published: its notice, with the call-in period, not yet read", sinceMeeting, 'The decision notice is fetched; call-in known')
        : d('Decision made: notice not yet published', sinceMeeting, 'Decision notice published; call-in period starts');
    case 'call-in-open':
      return d('Call-in open', decision.publishedOn ?? outcome.statusSince, 'Call-in period ends', deadline);
    case 'effective': {
      // Reached by the passing of the deadline: effective from the day after it. Otherwise from the recorded event.
      const fromCallIn = decision.publishedOn !== undefined ? callInEffectiveFrom(decision.publishedOn, ctx.callInWorkingDays) : undefined;
      const since = outcome.status === 'call-in-open'
        ? fromCallIn
        : outcome.statusSince ?? (decision.subjectToCallIn === true ? fromCallIn : decision.publishedOn ?? decision.decidedOn);
      return d('Effective: may be implemented', since);
    }
    case 'called-in':
      return d('Called in: Scrutiny to consider', sinceEvent, 'Scrutiny decides whether to confirm it or refer it back');
    case 'confirmed':
      return d('Confirmed after call-in: may be implemented', sinceEvent);
    case 'referred-back':
      return d('Referred back after call-in', sinceEvent, `${decision.decisionMaker} reconsiders the decision`);
    case 'noted':
      return d('Noted: nothing to implement', sinceMeeting);
    case 'awaiting-council': {
      const councilOn = ctx.councilMeeting ? londonDateOf(ctx.councilMeeting.startsAt) : undefined;
      if (councilOn !== undefined && councilOn < ctx.today) {
        // The meeting has been held but its decision is not yet recorded: say so rather than give a past date.
        return d('Recommended to Council: awaiting Full Council', sinceMeeting, "Full Council's decision to be recorded");
      }
      return d('Recommended to Council: awaiting Full Council', sinceMeeting, 'Full Council decides', councilOn);
    }
    case 'approved-by-council':
      return d('Approved by Full Council', sinceEvent);
    case 'amended-by-council':
      return d('Approved by Full Council with amendments', sinceEvent);
    case 'rejected-by-council':
      return d('Rejected by Full Council', sinceEvent);
    case 'deferred':
      return d('Deferred to a later meeting', sinceEvent);
    case 'withdrawn':
      return d('Withdrawn', sinceEvent);
  }
};

/** Full Council's decision on a recommendation, as the link from the Cabinet outcome needs it. */
export interface CouncilDecisionRef {
  readonly id: string;
  readonly result: CouncilResult;
  /** When Full Council decided (instant), recorded as the outcome's statusSince. */
  readonly at: string;
}

/**
 * Links a Cabinet recommendation to Full Council's later decision: the outcome's status follows Council's and
 * records which decision it was. A re-import of the same Council decision changes nothing.
 */
export const applyCouncilDecision = <D extends Pick<Decision, 'id' | 'outcomes'>>(
  cabinetDecision: D,
  outcomeNumber: number,
  councilDecision: CouncilDecisionRef,
): D => {
  const outcome = cabinetDecision.outcomes.find((o) => o.number === outcomeNumber);
  if (!outcome) throw notFound('Outcome', `${cabinetDecision.id}#${outcomeNumber}`);
  if (outcome.councilDecisionId === councilDecision.id && outcome.status === COUNCIL_STATUS[councilDecision.result]) {
    return cabinetDecision;
  }
  const updated: Outcome = {
    ...applyOutcomeEvent(outcome, { type: 'council-decided', result: councilDecision.result }, councilDecision.at),
    councilDecisionId: councilDecision.id,
  };
  return { ...cabinetDecision, outcomes: cabinetDecision.outcomes.map((o) => (o.number === outcomeNumber ? updated : o)) };
};

