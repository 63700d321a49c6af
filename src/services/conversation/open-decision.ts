import { DomainError, mayView, notFound, type ActionPlan, type Committee, type Decision, type StatusDescription, type Viewer } from '../../domain';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';

export interface DecisionDetails {
  readonly decision: Decision;
  readonly committee: Committee;
  readonly statuses: Record<number, StatusDescription>;
  readonly actionPlan?: ActionPlan;
}

/** The decision card's content, by locator, for a viewer entitled to see it. */
export async function openDecision(locator: { committeeId: string; decisionId: string }, viewer: Viewer, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<DecisionDetails> {
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
