import { DomainError, type ActionPlan, type Viewer } from '../../domain';
import { createActionPlan } from '../action-plans/create-action-plan';
import type { ConversationDeps } from './conversation-deps';
import { requirePlanOfficer } from './open-action-plan-form';
import { openDecision } from './open-decision';

/**
 * An officer starts a decision's action plan from Teams: the same use case, rules and messages as
 * POST /api/v1/action-plans, for a decision they may see where they are. A second press (or Teams delivering the
 * invoke again) finds the plan the first one started and answers with it: a decision has one plan.
 */
export async function startActionPlan(
  locator: { readonly committeeId: string; readonly decisionId: string },
  /** The plan as POST /api/v1/action-plans takes it; its decision is the locator's. Untrusted until the use case says. */
  body: Readonly<Record<string, unknown>>,
  viewer: Viewer,
  deps: Pick<ConversationDeps, 'store' | 'now' | 'views'>,
): Promise<{ readonly plan: ActionPlan; readonly created: boolean }> {
  requirePlanOfficer(viewer, deps.now());
  const { decision, actionPlan } = await openDecision(locator, viewer, deps);
  if (actionPlan) return { plan: actionPlan, created: false };
  try {
    const { plan } = await createActionPlan({ ...body, decisionId: decision.id }, deps.store, deps.now());
    return { plan, created: true };
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'exists')) throw err;
    const existing = await deps.store.actionPlans.findByDecision(decision.committeeId, decision.id);
    if (!existing) throw err;
    return { plan: existing.value, created: false };
  }
}
