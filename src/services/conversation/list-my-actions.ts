import { isOverdue, mayView, type Action, type ActionPlan, type Committee, type Viewer } from '../../domain';
import { londonToday, type ConversationDeps } from './conversation-deps';

/** An action plan narrowed to the actions the viewer owns, overdue first, then by due date. */
export interface MyActions {
  readonly plan: ActionPlan;
  readonly committee: Committee;
  readonly overdueCount: number;
}

export async function listMyActions(options: { overdueOnly: boolean }, viewer: Viewer, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<MyActions[]> {
  const member = viewer.member;
  if (!member) return [];
  const today = londonToday(deps.now());
  const committees = new Map((await deps.store.committees.list()).map((c) => [c.id, c]));
  const order = (a: Action, b: Action) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)) || a.dueOn.localeCompare(b.dueOn);
  const mine: MyActions[] = [];
  for (const plan of await deps.store.actionPlans.listByOwner(member.id)) {
    const committee = committees.get(plan.committeeId);
    const actions = plan.actions
      .filter((a) => a.ownerMemberId === member.id && (!options.overdueOnly || isOverdue(a, today)))
      .sort(order);
    if (!committee || actions.length === 0) continue;
    // A plan that follows an exempt decision is listed only where that decision may be seen.
    const decision = await deps.store.decisions.get(plan.committeeId, plan.decisionId);
    if (decision && !mayView(viewer, decision.value)) continue;
    mine.push({ plan: { ...plan, actions }, committee, overdueCount: actions.filter((a) => isOverdue(a, today)).length });
  }
  return mine.sort((a, b) => b.overdueCount - a.overdueCount);
}
