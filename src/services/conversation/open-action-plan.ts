import { DomainError, mayView, notFound, type ActionPlan, type ActionUpdate, type Committee, type Decision, type Member, type Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';

export interface ActionPlanDetails {
  readonly plan: ActionPlan;
  readonly committee: Committee;
  readonly decision?: Decision;
  /** Owners of the plan's actions, to show their names. */
  readonly members: readonly Member[];
  readonly updates: readonly ActionUpdate[];
}

/**
 * The action plan card's content. `onlyMine` narrows the plan to the viewer's own actions: the view "actions" gives,
 * kept when that card is refreshed or an update is saved from it.
 */
export async function openActionPlan(
  locator: { committeeId: string; actionPlanId: string },
  viewer: Viewer,
  deps: Pick<ConversationDeps, 'store'>,
  options: { readonly onlyMine?: boolean } = {},
): Promise<ActionPlanDetails> {
  const { store } = deps;
  const plan = (await store.actionPlans.get(locator.committeeId, locator.actionPlanId))?.value;
  if (!plan) throw notFound('Action plan', locator.actionPlanId);
  const [committee, decision, updates] = await Promise.all([
    store.committees.get(plan.committeeId),
    store.decisions.get(plan.committeeId, plan.decisionId),
    store.actionPlans.listUpdates(plan.committeeId, plan.id),
  ]);
  if (!committee) throw notFound('Committee', plan.committeeId);
  if (decision && !mayView(viewer, decision.value)) throw new DomainError('forbidden', 'This action plan follows an exempt decision and is shown only to members of the committee.');
  const ownerIds = [...new Set(plan.actions.map((a) => a.ownerMemberId))];
  const members = (await Promise.all(ownerIds.map((id) => store.members.get(id)))).flatMap((m) => (m ? [m.value] : []));
  const shown = options.onlyMine ? { ...plan, actions: plan.actions.filter((a) => a.ownerMemberId === viewer.member?.id) } : plan;
  return { plan: shown, committee: committee.value, decision: decision?.value, members, updates };
}
