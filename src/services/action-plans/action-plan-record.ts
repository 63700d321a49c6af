import { isOverdue, notFound, type ActionPlan, type ActionUpdate } from '../../domain';
import type { Store } from '../../store/port';
import { requireReadable, type RecordReader } from '../records/record-reader';

export interface ActionPlanRecord {
  readonly plan: ActionPlan;
  readonly etag: string;
  /** Every update, oldest first, removed actions' included: the council's record of progress. */
  readonly updates: readonly ActionUpdate[];
  /** Ids of actions no longer in the plan that have updates in its history. */
  readonly removedActionIds: readonly string[];
  readonly overdueActionIds: readonly string[];
}

/** A plan with its whole history, for the officer API; exempt (following an exempt decision) only to the entitled. */
export async function actionPlanRecord(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'actionPlans' | 'decisions'>,
  today: string,
): Promise<ActionPlanRecord> {
  const found = await store.actionPlans.findById(id);
  if (!found) throw notFound('Action plan', id);
  const decision = await store.decisions.get(found.value.committeeId, found.value.decisionId);
  if (decision) requireReadable(reader, decision.value, 'action plan');
  const updates = await store.actionPlans.listUpdates(found.value.committeeId, found.value.id);
  const current = new Set(found.value.actions.map((a) => a.id));
  return {
    plan: found.value,
    etag: found.etag,
    updates,
    removedActionIds: [...new Set(updates.map((u) => u.actionId).filter((a) => !current.has(a)))],
    overdueActionIds: found.value.actions.filter((a) => isOverdue(a, today)).map((a) => a.id),
  };
}
