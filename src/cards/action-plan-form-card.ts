import type { Committee, Decision, Member } from '../domain';
import { planFormInputIds, PLAN_FORM_ROWS, type TypedPlan } from './action-data';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, plural } from './text';

export interface PlanFormRowView {
  /** "Action 1" */
  readonly heading: string;
  readonly ids: ReturnType<typeof planFormInputIds.row>;
  readonly title: string;
  readonly owner: string;
  readonly due: string;
}

export interface ActionPlanFormView {
  readonly committeeId: string;
  readonly decisionId: string;
  readonly committeeName: string;
  readonly decisionTitle: string;
  readonly titleInputId: string;
  readonly title: string;
  readonly rows: readonly PlanFormRowView[];
  /** Who may own an action: the committee's members, then officers, by name. */
  readonly ownerChoices: readonly { readonly title: string; readonly value: string }[];
  readonly moreOwnersText: string;
  /** Why the plan was not started, one line each; empty when nothing was refused. */
  readonly problems: readonly string[];
}

export interface ActionPlanFormInput {
  readonly decision: Decision;
  readonly committee: Committee;
  /** The roster members who may own an action, in the order to offer them. */
  readonly owners: readonly Member[];
  /** What the officer typed, when it was refused: the form shows it again. */
  readonly typed?: TypedPlan;
  readonly problems?: readonly string[];
}

// Each choice is repeated in every row's ChoiceSet: 40 owners keep three rows well inside 28 KB.
const LIMITS = { title: 300, owners: 40, name: 80, seat: 60 };

const ownerTitle = (m: Member, committeeId: string): string => {
  const seat = m.committees.find((c) => c.committeeId === committeeId)?.seat;
  const what = seat ?? m.title ?? (m.role === 'councillor' ? 'Councillor' : 'Officer');
  return `${clip(m.name, LIMITS.name)} (${clip(what, LIMITS.seat)})`;
};

/** The "Start action plan" form: the plan's title (the decision's, to begin with) and its first actions. */
export const buildActionPlanFormView = (input: ActionPlanFormInput): ActionPlanFormView => {
  const { decision, committee, typed } = input;
  const owners = input.owners.slice(0, LIMITS.owners);
  const more = input.owners.length - owners.length;
  return {
    committeeId: decision.committeeId,
    decisionId: decision.id,
    committeeName: committee.name,
    decisionTitle: clip(decision.title, LIMITS.title),
    titleInputId: planFormInputIds.title,
    title: typed ? typed.title : clip(decision.title, LIMITS.title),
    rows: Array.from({ length: PLAN_FORM_ROWS }, (_, i) => {
      const row = typed?.rows[i];
      return { heading: `Action ${i + 1}`, ids: planFormInputIds.row(i + 1), title: row?.title ?? '', owner: row?.owner ?? '', due: row?.due ?? '' };
    }),
    ownerChoices: owners.map((m) => ({ title: ownerTitle(m, committee.id), value: m.id })),
    moreOwnersText: more > 0 ? `${plural(more, 'more person', 'more people')} on the roster not offered here: add their actions with the officer API.` : '',
    problems: input.problems ?? [],
  };
};

export const renderActionPlanFormCard = (view: ActionPlanFormView): AdaptiveCard => renderTemplate('action-plan-form', view);

const FIELD_WORDS: Record<string, { readonly name: string; readonly missing: string }> = {
  title: { name: 'what is to be done', missing: 'say what is to be done' },
  ownerMemberId: { name: 'owner', missing: 'choose its owner' },
  dueOn: { name: 'due date', missing: 'give it a due date' },
};
const TYPED_FIELD: Record<string, 'title' | 'owner' | 'due'> = { title: 'title', ownerMemberId: 'owner', dueOn: 'due' };

/**
 * The use case's reasons (`{ where: "actions.1.dueOn", message }`, as the API answers them) in the form's words,
 * each naming the row it is in as the officer numbered it: "Action 3: give it a due date."
 */
export const planFormProblems = (
  errors: readonly { readonly where: string; readonly message: string }[],
  typed: TypedPlan,
  rowOf: readonly number[],
): string[] =>
  errors.map(({ where, message }) => {
    if (where === 'title') return typed.title.trim() === '' ? 'Give the plan a title.' : `Title of the plan: ${message}.`;
    const m = /^actions\.(\d+)\.(\w+)$/.exec(where);
    const row = m ? rowOf[Number(m[1])] : undefined;
    const field = m ? FIELD_WORDS[m[2]!] : undefined;
    if (row === undefined || !field) return `${where}: ${message}.`;
    const value = typed.rows[row - 1]?.[TYPED_FIELD[m![2]!]!] ?? '';
    return value.trim() === '' ? `Action ${row}: ${field.missing}.` : `Action ${row}, ${field.name}: ${message}.`;
  });
