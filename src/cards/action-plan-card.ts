import { actionVersion, isOverdue, type ActionPlan, type ActionUpdate, type Committee, type Decision, type Member, type Rag } from '../domain';
import { updateInputIds, type PlanView, type TypedUpdate } from './action-data';
import { formatDayDate, formatWhen, londonDay } from './format-date';
import { presentRag, ragOrder, type TextColour } from './rag';
import { userSpecificRefresh } from './refresh';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';
import { Verbs } from './verbs';

export interface ActionView {
  readonly actionId: string;
  readonly title: string;
  /** "🟠 At risk": the word and the icon, in the default colour. */
  readonly ragLabel: string;
  readonly rag: Rag;
  readonly percentComplete: number;
  readonly percentText: string;
  readonly owner: string;
  /** "Due Fri 30 July 2021", or "Overdue: was due ..." */
  readonly dueText: string;
  readonly dueColour: TextColour;
  readonly dueWeight: 'default' | 'bolder';
  /** "Last update Mon 14 June 2021, 10.32am by Andrew Cotton: " */
  readonly lastUpdateText: string;
  readonly lastUpdateNote: string;
  /** Only the action's owner and officers get the update form. */
  readonly canUpdate: boolean;
  readonly inputIds: ReturnType<typeof updateInputIds>;
  /** The action's version as drawn: sent back with an update, so that one typed against an older state is told. */
  readonly version: string;
  /** The update form's values: the action's own, or what the person typed when it was refused. */
  readonly formRag: string;
  readonly formPercent: number;
  readonly formNote: string;
  /** Why the person's update was refused, beside the action; '' otherwise. */
  readonly problemText: string;
}

export interface ActionPlanView {
  readonly committeeId: string;
  readonly actionPlanId: string;
  readonly decisionId: string;
  readonly committeeName: string;
  readonly title: string;
  readonly decisionTitle: string;
  /** "4 actions: 2 on track, 1 at risk, 1 done". */
  readonly summaryText: string;
  /** "1 action is overdue." */
  readonly overdueText: string;
  readonly actions: readonly ActionView[];
  readonly moreActionsText: string;
  /** Teams user ids (MRIs) of everyone the card is sent to: they get their own view through `refresh`. */
  readonly recipientUserIds: readonly string[];
  /** The whole plan, or only the viewer's own actions: saving an update (or a refresh) keeps the same view. */
  readonly view: PlanView;
}

export interface ActionPlanCardInput {
  readonly plan: ActionPlan;
  readonly committee: Committee;
  readonly decision?: Decision;
  /** Owners and authors, to show names rather than ids. */
  readonly members: readonly Member[];
  /** The plan's update history; the newest update of each action is shown. */
  readonly updates?: readonly ActionUpdate[];
  /** Who the card is for: decides who sees update forms. None for a card everyone in a chat sees. */
  readonly viewer?: Member;
  /** Teams user ids (MRIs) of everyone the card is sent to: they get their own view through `refresh`. */
  readonly recipientUserIds?: readonly string[];
  readonly now: Date;
  /** 'mine' when `plan` holds only the viewer's own actions. */
  readonly view?: PlanView;
  /** An update the person typed that was refused: its action's form shows it again, with the reason. */
  readonly typed?: TypedUpdate;
}

// Each action with its update form is about 2.5 KB of card: 8 keep a plan inside 28 KB.
const LIMITS = { actions: 8, title: 300, actionTitle: 200, note: 200, name: 80 };

export const ragCountsText = (plan: ActionPlan): string => {
  const counts = ragOrder
    .map((rag) => ({ rag, n: plan.actions.filter((a) => a.rag === rag).length }))
    .filter(({ n }) => n > 0)
    .map(({ rag, n }) => `${n} ${presentRag(rag).word.toLowerCase()}`);
  const total = plural(plan.actions.length, 'action');
  return counts.length > 0 ? `${total}: ${counts.join(', ')}` : total;
};

const newestUpdate = (updates: readonly ActionUpdate[], actionId: string): ActionUpdate | undefined =>
  updates.filter((u) => u.actionId === actionId).sort((a, b) => b.at.localeCompare(a.at))[0];

export const buildActionPlanView = (input: ActionPlanCardInput): ActionPlanView => {
  const { plan, committee, decision, now, viewer } = input;
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string): string => clip(names.get(id) ?? 'someone not on the roster', LIMITS.name);
  const today = londonDay(now);
  const viewerIsOfficer = viewer !== undefined && (viewer.role === 'officer' || viewer.role === 'admin');
  const { shown, moreCount } = firstOf(plan.actions, LIMITS.actions);
  const overdue = plan.actions.filter((a) => isOverdue(a, today)).length;

  const actions = shown.map((a): ActionView => {
    const rag = presentRag(a.rag);
    const late = isOverdue(a, today);
    const update = newestUpdate(input.updates ?? [], a.id);
    const typedHere = input.typed?.actionId === a.id ? input.typed : undefined;
    const lastAt = update?.at ?? a.lastUpdateAt;
    const lastUpdateText = lastAt
      ? `Last update ${formatWhen(lastAt, now)}${update ? ` by ${nameOf(update.byMemberId)}` : ''}${update?.note ? ': ' : ''}`
      : 'No updates yet';
    return {
      actionId: a.id,
      title: clip(a.title, LIMITS.actionTitle),
      ragLabel: rag.label,
      rag: a.rag,
      percentComplete: a.percentComplete,
      percentText: `${a.percentComplete}% done`,
      owner: nameOf(a.ownerMemberId),
      dueText: late ? `Overdue: was due ${formatDayDate(a.dueOn)}` : `Due ${formatDayDate(a.dueOn)}`,
      dueColour: late ? 'attention' : 'default',
      dueWeight: late ? 'bolder' : 'default',
      lastUpdateText,
      lastUpdateNote: update?.note ? clip(update.note, LIMITS.note) : '',
      canUpdate: viewerIsOfficer || (viewer !== undefined && viewer.id === a.ownerMemberId),
      inputIds: updateInputIds(a.id),
      version: actionVersion(a),
      formRag: typedHere ? typedHere.rag : a.rag,
      // A number input holds only a number: 150 is kept as typed, letters (which no number input sends) are not.
      formPercent: typedHere && Number.isFinite(Number(typedHere.percentComplete)) && typedHere.percentComplete !== '' ? Number(typedHere.percentComplete) : a.percentComplete,
      formNote: typedHere ? typedHere.note : '',
      problemText: typedHere ? typedHere.problem : '',
    };
  });

  return {
    committeeId: plan.committeeId,
    actionPlanId: plan.id,
    decisionId: plan.decisionId,
    committeeName: committee.name,
    title: clip(plan.title, LIMITS.title),
    decisionTitle: decision ? clip(decision.title, LIMITS.title) : '',
    summaryText: ragCountsText(plan),
    overdueText: overdue > 0 ? `${plural(overdue, 'action')} ${overdue === 1 ? 'is' : 'are'} overdue.` : '',
    actions,
    moreActionsText: moreCount > 0 ? `${plural(moreCount, 'more action')} not shown.` : '',
    recipientUserIds: input.recipientUserIds ?? [],
    view: input.view ?? 'plan',
  };
};

/**
 * Why an update was refused as stale, beside the action whose newer state the card now shows: who moved it and when
 * (an officer's edit of the plan names nobody), and what to do.
 */
export const staleUpdateProblem = (by: string | undefined, at: string | undefined, now: Date): string =>
  `${by ?? 'Someone else'} updated this ${at ? formatWhen(at, now) : 'since you opened the card'} — check and send again. Nothing was saved.`;

export const renderActionPlanCard = (view: ActionPlanView): AdaptiveCard => ({
  ...renderTemplate('action-plan', view),
  refresh: userSpecificRefresh(
    view.recipientUserIds,
    { committeeId: view.committeeId, actionPlanId: view.actionPlanId, ...(view.view === 'mine' ? { view: 'mine' } : {}) },
    Verbs.refreshActionPlan,
  ),
});
