import { createHash } from 'node:crypto';
import { DomainError, notFound, type ActionPlan } from '../../domain';
import type { Store } from '../../store/port';
import { checkOwners, newAction, NewPlanInput, parseInput } from './action-plan-input';

/**
 * Starts the action plan that follows a decision: its title and first actions (owners from the roster, real due
 * dates). One plan per decision; a second is refused, naming the first.
 */
export async function createActionPlan(raw: unknown, store: Pick<Store, 'decisions' | 'members' | 'actionPlans'>, now: Date): Promise<{ plan: ActionPlan; etag: string }> {
  const input = parseInput(NewPlanInput, raw, 'action plan');
  const decision = (await store.decisions.findById(input.decisionId))?.value;
  if (!decision) throw notFound('Decision', input.decisionId);
  checkOwners(input.actions, await store.members.list());
  const existing = await store.actionPlans.findByDecision(decision.committeeId, decision.id);
  if (existing) throw new DomainError('exists', `Decision ${decision.id} already has action plan ${existing.value.id}: change it with PUT /api/v1/action-plans/${existing.value.id}.`, { id: existing.value.id });
  const at = now.toISOString();
  const plan: ActionPlan = {
    id: input.id ?? `plan-${createHash('sha256').update(decision.id).digest('hex').slice(0, 16)}`,
    committeeId: decision.committeeId,
    decisionId: decision.id,
    ...(decision.agendaItemId !== undefined ? { agendaItemId: decision.agendaItemId } : {}),
    title: input.title,
    actions: input.actions.map((a, i) => newAction(a, a.id ?? `act-${i + 1}`)),
    createdAt: at,
    updatedAt: at,
  };
  const created = await store.actionPlans.create(plan);
  if (!created.created) throw new DomainError('exists', `Action plan ${plan.id} exists already.`, { id: plan.id });
  return { plan: created.record.value, etag: created.record.etag };
}
