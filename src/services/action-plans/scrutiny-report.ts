import { isOverdue, notFound, type Action, type ActionPlan, type ActionUpdate, type Member, type Rag } from '../../domain';
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
  const [committee, roster] = await Promise.all([store.committees.get(found.value.committeeId), store.members.list()]);
  return planReport(found.value, { committeeName: committee?.value.name ?? found.value.committeeId, roster, reader, today }, store);
}

/** An update's instant within a period: from inclusive, to exclusive. */
export interface Period {
  readonly from?: Date;
  readonly to?: Date;
}

/** One plan's report; with a period, only the updates made within it are in each action's history. */
export async function planReport(
  plan: ActionPlan,
  ctx: { readonly committeeName: string; readonly roster: readonly Member[]; readonly reader: RecordReader; readonly today: string; readonly period?: Period },
  store: Pick<Store, 'actionPlans' | 'decisions'>,
): Promise<ScrutinyReport> {
  const [decision, allUpdates] = await Promise.all([
    store.decisions.get(plan.committeeId, plan.decisionId),
    store.actionPlans.listUpdates(plan.committeeId, plan.id),
  ]);
  if (decision) requireReadable(ctx.reader, decision.value, 'action plan');
  const within = (at: string) => {
    const ms = Date.parse(at);
    return (ctx.period?.from === undefined || ms >= ctx.period.from.getTime()) && (ctx.period?.to === undefined || ms < ctx.period.to.getTime());
  };
  const updates = allUpdates.filter((u) => within(u.at));
  const names = new Map(ctx.roster.map((m) => [m.id, m.name]));
  const nameOf = (memberId: string) => names.get(memberId) ?? `${memberId} (not on the roster)`;
  const historyOf = (action: Action): ReportUpdate[] =>
    updates.filter((u: ActionUpdate) => u.actionId === action.id).map((u) => ({ at: u.at, by: nameOf(u.byMemberId), rag: u.rag, percentComplete: u.percentComplete, note: u.note }));
  const actions = plan.actions
    .map((a): ReportAction => ({
      id: a.id, title: a.title, owner: nameOf(a.ownerMemberId), dueOn: a.dueOn, rag: a.rag, percentComplete: a.percentComplete,
      overdue: isOverdue(a, ctx.today), history: historyOf(a),
    }))
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn) || x.title.localeCompare(y.title));
  return {
    plan: { id: plan.id, title: plan.title, committeeId: plan.committeeId, decisionId: plan.decisionId },
    committeeName: ctx.committeeName,
    ...(decision ? { decisionTitle: decision.value.title } : {}),
    asOf: ctx.today,
    summary: summaryOf(actions),
    actions,
  };
}

export const summaryOf = (actions: readonly Pick<ReportAction, 'rag' | 'overdue'>[]): ScrutinyReport['summary'] => {
  const count = (rag: Rag) => actions.filter((a) => a.rag === rag).length;
  return { 'on-track': count('on-track'), 'at-risk': count('at-risk'), 'off-track': count('off-track'), done: count('done'), overdue: actions.filter((a) => a.overdue).length, total: actions.length };
};
