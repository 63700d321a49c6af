import { DomainError, mayView, notFound, type ActionPlan, type Committee, type Decision, type StatusDescription, type Viewer } from '../../domain';
import { shownDecision } from '../audit/exempt-views';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';

export interface DecisionDetails {
  readonly decision: Decision;
  readonly committee: Committee;
  readonly statuses: Record<number, StatusDescription>;
  readonly actionPlan?: ActionPlan;
}

/** The decision card, opened by someone in Teams: its content, and the audit entry when it is exempt. */
export async function openDecision(locator: { committeeId: string; decisionId: string }, viewer: Viewer, deps: Pick<ConversationDeps, 'store' | 'now' | 'views'>): Promise<DecisionDetails> {
  const details = await loadDecisionDetails(locator, viewer, deps);
  await deps.views.shown(viewer, [shownDecision(details.decision)]);
  return details;
}

/** The decision card's content, by locator, for a viewer entitled to see it (also the outbox's, for a recipient's card). */
export async function loadDecisionDetails(locator: { committeeId: string; decisionId: string }, viewer: Viewer, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<DecisionDetails> {
  const { store } = deps;
  const decision = (await store.decisions.get(locator.committeeId, locator.decisionId))?.value;
  if (!decision) throw notFound('Decision', locator.decisionId);
  if (!mayView(viewer, decision)) throw new DomainError('forbidden', 'This decision is exempt (confidential) and is shown only to members of the committee in a personal chat.');
  const committee = (await store.committees.get(decision.committeeId))?.value;
  if (!committee) throw notFound('Committee', decision.committeeId);
  const [statuses, plan] = await Promise.all([
    describeDecisionStatuses(decision, committee, store, londonToday(deps.now())),
    store.actionPlans.findByDecision(decision.committeeId, decision.id),
  ]);
  return { decision, committee, statuses, actionPlan: plan?.value };
}
