import { conflict, DomainError, notFound, type ActionPlan } from '../../domain';
import type { Store } from '../../store/port';
import { etagMatches } from '../etag-match';
import { checkOwners, newAction, parseInput, PlanInput } from './action-plan-input';

/**
 * Changes a plan as an officer edits it: its title, and its actions added, changed (title, owner, due date) or
 * removed. Progress (RAG, percent) moves by updates alone, so each change is in the history: an action's RAG or
 * percent that differs from the plan's is refused here. A removed action keeps its updates, which stay the record.
 * If-Match is required: of two officers editing from the same ETag, the second is refused (412) and keeps their edit.
 */
export async function replaceActionPlan(
  id: string,
  raw: unknown,
  ifMatch: string | undefined,
  store: Pick<Store, 'members' | 'actionPlans'>,
  now: Date,
): Promise<{ plan: ActionPlan; etag: string }> {
  const input = parseInput(PlanInput, raw, 'action plan');
  const found = await store.actionPlans.findById(id);
  if (!found) throw notFound('Action plan', id);
  if (ifMatch === undefined) throw new DomainError('invalid', 'Send If-Match with the ETag of the plan you changed (from GET /api/v1/action-plans/{id}), so that no one else\'s change is overwritten.');
  if (ifMatch.trim() !== '*' && !etagMatches(ifMatch, found.etag)) throw conflict('action plan', id);
  checkOwners(input.actions, await store.members.list());
  const before = new Map(found.value.actions.map((a) => [a.id, a]));
  const errors: Array<{ where: string; message: string }> = [];
  let next = found.value.actions.length + 1;
  const actions = input.actions.map((a, i) => {
    const old = a.id !== undefined ? before.get(a.id) : undefined;
    if (!old) return newAction(a, a.id ?? freshId(before, () => next++));
    if ((a.rag !== undefined && a.rag !== old.rag) || (a.percentComplete !== undefined && a.percentComplete !== old.percentComplete)) {
      errors.push({ where: `actions.${i}`, message: `progress of ${old.id} changes by an update (POST /api/v1/action-plans/${id}/actions/${old.id}/updates), not by editing the plan` });
    }
    return { ...old, title: a.title, ownerMemberId: a.ownerMemberId, dueOn: a.dueOn };
  });
  if (errors.length > 0) throw new DomainError('invalid', `The action plan is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, { errors });
  const plan: ActionPlan = { ...found.value, title: input.title, actions, updatedAt: now.toISOString() };
  // The store's ETag condition makes the check above hold: a change in between is a conflict too.
  const saved = await store.actionPlans.replace(plan, found.etag);
  return { plan: saved.value, etag: saved.etag };
}

function freshId(taken: ReadonlyMap<string, unknown>, next: () => number): string {
  for (;;) {
    const id = `act-${next()}`;
    if (!taken.has(id)) return id;
  }
}
