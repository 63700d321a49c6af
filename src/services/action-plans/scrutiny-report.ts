import { isOverdue, notFound, type Action, type ActionPlan, type ActionUpdate, type Rag } from '../../domain';
import type { Store } from '../../store/port';
import { requireReadable, type RecordReader } from '../records/record-reader';

export interface ReportUpdate {
  readonly at: string;
  readonly by: string;
  readonly rag: Rag;
  readonly percentComplete: number;
  readonly note: string;
}

export interface ReportAction {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly dueOn: string;
  readonly rag: Rag;
  readonly percentComplete: number;
  readonly overdue: boolean;
  /** Every update of the action, oldest first. */
  readonly history: readonly ReportUpdate[];
}

export interface ScrutinyReport {
  readonly plan: Pick<ActionPlan, 'id' | 'title' | 'committeeId' | 'decisionId'>;
  readonly committeeName: string;
  readonly decisionTitle?: string;
  readonly asOf: string;
  readonly summary: Readonly<Record<Rag, number>> & { readonly overdue: number; readonly total: number };
  /** Overdue actions first (earliest due first), then the rest by due date. */
  readonly actions: readonly ReportAction[];
}

/**
 * The report a council's Scrutiny Committee reviews: every action of a plan, its owner, due date, RAG and percent now,
 * and its history of updates in order, overdue actions first, with a summary. Built from the record alone.
 */
export async function scrutinyReport(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'actionPlans' | 'decisions' | 'committees' | 'members'>,
  today: string,
): Promise<ScrutinyReport> {
  const found = await store.actionPlans.findById(id);
  if (!found) throw notFound('Action plan', id);
  const plan = found.value;
  const [decision, committee, roster, updates] = await Promise.all([
    store.decisions.get(plan.committeeId, plan.decisionId),
    store.committees.get(plan.committeeId),
    store.members.list(),
    store.actionPlans.listUpdates(plan.committeeId, plan.id),
  ]);
  if (decision) requireReadable(reader, decision.value, 'action plan');
  const names = new Map(roster.map((m) => [m.id, m.name]));
  const nameOf = (memberId: string) => names.get(memberId) ?? `${memberId} (not on the roster)`;
  const historyOf = (action: Action): ReportUpdate[] =>
    updates.filter((u: ActionUpdate) => u.actionId === action.id).map((u) => ({ at: u.at, by: nameOf(u.byMemberId), rag: u.rag, percentComplete: u.percentComplete, note: u.note }));
  const actions = plan.actions
    .map((a): ReportAction => ({
      id: a.id, title: a.title, owner: nameOf(a.ownerMemberId), dueOn: a.dueOn, rag: a.rag, percentComplete: a.percentComplete,
      overdue: isOverdue(a, today), history: historyOf(a),
    }))
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn) || x.title.localeCompare(y.title));
  const count = (rag: Rag) => actions.filter((a) => a.rag === rag).length;
  return {
    plan: { id: plan.id, title: plan.title, committeeId: plan.committeeId, decisionId: plan.decisionId },
    committeeName: committee?.value.name ?? plan.committeeId,
    ...(decision ? { decisionTitle: decision.value.title } : {}),
    asOf: today,
    summary: { 'on-track': count('on-track'), 'at-risk': count('at-risk'), 'off-track': count('off-track'), done: count('done'), overdue: actions.filter((a) => a.overdue).length, total: actions.length },
    actions,
  };
}
