import { z } from 'zod';
import { Id, Rag } from '../domain';
import { Verbs, type Verb } from './verbs';

/**
 * What each verb's card data carries: locators only. Who pressed the button is taken from the Teams activity,
 * never from here, so unknown keys (a forged `memberId`, say) are stripped rather than passed on.
 */
const ItemLocator = z.object({ committeeId: Id, agendaItemId: Id });
const DecisionLocator = z.object({ committeeId: Id, decisionId: Id });
const ActionPlanLocator = z.object({ committeeId: Id, actionPlanId: Id });
/** Which view of a plan the card showed: the whole plan, or only the viewer's own actions ("actions"). */
export const PlanView = z.enum(['plan', 'mine']);
export type PlanView = z.infer<typeof PlanView>;
const ActionPlanViewLocator = ActionPlanLocator.extend({ view: PlanView.optional() });
/** `version`: the action's version (`actionVersion`) when the card was drawn, so that a stale update is told apart. */
const ActionLocator = z.object({ committeeId: Id, actionPlanId: Id, actionId: Id, view: PlanView.optional(), version: z.string().min(1).max(40).optional() });
const NotificationLocator = z.object({ notificationId: Id });
/** The confirmation card names an item or a meeting (templates bind the other as an empty string). */
const emptyAsAbsent = (v: unknown) => (v === '' ? undefined : v);
const PushLocator = z
  .object({ committeeId: Id, agendaItemId: z.preprocess(emptyAsAbsent, Id.optional()), meetingId: z.preprocess(emptyAsAbsent, Id.optional()) })
  .refine((d) => (d.agendaItemId === undefined) !== (d.meetingId === undefined), 'names an agenda item or a meeting');

export const ActionDataSchemas = {
  [Verbs.acknowledge]: ItemLocator,
  [Verbs.viewItem]: ItemLocator,
  [Verbs.refreshItem]: ItemLocator,
  [Verbs.remindOutstanding]: ItemLocator,
  [Verbs.viewDecision]: DecisionLocator,
  [Verbs.viewActionPlan]: ActionPlanLocator,
  [Verbs.refreshActionPlan]: ActionPlanViewLocator,
  [Verbs.updateAction]: ActionLocator,
  [Verbs.startActionPlan]: DecisionLocator,
  [Verbs.createActionPlan]: DecisionLocator,
  [Verbs.backToDecision]: DecisionLocator,
  [Verbs.showHelp]: z.object({}),
  [Verbs.sendNotification]: PushLocator,
  [Verbs.notificationProgress]: NotificationLocator,
  [Verbs.cancelNotification]: NotificationLocator,
} as const satisfies Record<Verb, z.ZodTypeAny>;

export type ActionData<V extends Verb> = z.infer<(typeof ActionDataSchemas)[V]>;

export const parseActionData = <V extends Verb>(verb: V, data: unknown): ActionData<V> =>
  ActionDataSchemas[verb].parse(data) as ActionData<V>;

/**
 * Input ids of an action's update form. Every action of a plan has its own form in one card, and input ids must
 * be unique within a card, so each id carries the action's id.
 */
export const updateInputIds = (actionId: string) => ({
  rag: `rag-${actionId}`,
  percentComplete: `percent-${actionId}`,
  note: `note-${actionId}`,
});

export const ActionUpdateInput = z.object({
  rag: Rag,
  // Adaptive Card inputs arrive as strings.
  percentComplete: z.coerce.number().int().min(0).max(100),
  note: z.string().trim().max(2000).default(''),
});

export type ActionUpdateSubmission = z.infer<typeof ActionLocator> & z.infer<typeof ActionUpdateInput>;

/** What the person typed into an action's update form, as typed: shown again when it is refused. */
export interface TypedUpdate {
  readonly actionId: string;
  readonly rag: string;
  readonly percentComplete: string;
  readonly note: string;
  /** Why it was refused, in words: "Percent done must be a whole number from 0 to 100: 150 is not." */
  readonly problem: string;
}

export type ActionUpdateReading =
  | { readonly ok: true; readonly submission: ActionUpdateSubmission }
  | { readonly ok: false; readonly locator: z.infer<typeof ActionLocator>; readonly typed: TypedUpdate };

const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Reads an `updateAction` submission: the locators from the action data (bad ones throw: a forged card), the values
 * from that action's inputs. Values a person typed wrong (150 percent) are not an error of the card: they come back
 * with the reason, as typed, so that the card can show them again and nothing is saved.
 */
export const readActionUpdate = (data: unknown): ActionUpdateReading => {
  const locator = ActionLocator.parse(data);
  const raw = data as Record<string, unknown>;
  const ids = updateInputIds(locator.actionId);
  const values = { rag: raw[ids.rag], percentComplete: raw[ids.percentComplete], note: raw[ids.note] ?? '' };
  const input = ActionUpdateInput.safeParse(values);
  if (input.success) return { ok: true, submission: { ...locator, ...input.data } };
  const field = input.error.issues[0]?.path[0];
  const typedPercent = asText(values.percentComplete).trim();
  const problem =
    field === 'percentComplete'
      ? `Percent done must be a whole number from 0 to 100${typedPercent ? `: ${typedPercent} is not` : ''}. Nothing was saved.`
      : field === 'rag'
        ? 'Choose a status (on track, at risk, off track or done). Nothing was saved.'
        : 'The note is longer than 2,000 characters. Nothing was saved.';
  return {
    ok: false,
    locator,
    typed: { actionId: locator.actionId, rag: asText(values.rag), percentComplete: typedPercent, note: asText(values.note), problem },
  };
};

/** Reads an `updateAction` submission and throws on anything wrong with it. */
export const parseActionUpdate = (data: unknown): ActionUpdateSubmission => {
  const reading = readActionUpdate(data);
  if (!reading.ok) throw new RangeError(reading.typed.problem);
  return reading.submission;
};

/** How many actions the "Start action plan" form offers: the first few; the rest are added with the officer API. */
export const PLAN_FORM_ROWS = 3;

/** Input ids of the "Start action plan" form: the plan's title, and each row's title, owner and due date. */
export const planFormInputIds = {
  title: 'planTitle',
  row: (n: number) => ({ title: `action${n}Title`, owner: `action${n}Owner`, due: `action${n}Due` }),
};

/** The form as the officer filled it in, every value as typed: shown again when the plan is refused. */
export interface TypedPlan {
  readonly title: string;
  readonly rows: readonly { readonly title: string; readonly owner: string; readonly due: string }[];
}

export interface ActionPlanFormReading {
  readonly locator: z.infer<typeof DecisionLocator>;
  readonly typed: TypedPlan;
  /**
   * The plan as the officer API takes it (POST /api/v1/action-plans), for the same use case to validate: rows left
   * blank are left out. Untrusted: only the use case says whether it is valid.
   */
  readonly body: { readonly decisionId: string; readonly title: string; readonly actions: ReadonlyArray<{ title: string; ownerMemberId: string; dueOn: string }> };
  /** The form row (1, 2, 3) each of `body.actions` came from, to say which row a problem is in. */
  readonly rowOf: readonly number[];
}

/**
 * Reads a `createActionPlan` submission: the locator from the action data (a bad one throws: a forged card), the
 * values from the form's inputs, kept as typed. Nothing here judges the values: the use case does, as for the API.
 */
export const readActionPlanForm = (data: unknown): ActionPlanFormReading => {
  const locator = DecisionLocator.parse(data);
  const raw = data as Record<string, unknown>;
  const rows = Array.from({ length: PLAN_FORM_ROWS }, (_, i) => {
    const ids = planFormInputIds.row(i + 1);
    return { title: asText(raw[ids.title]), owner: asText(raw[ids.owner]), due: asText(raw[ids.due]) };
  });
  const filled = rows.map((r, i) => ({ r, n: i + 1 })).filter(({ r }) => [r.title, r.owner, r.due].some((v) => v.trim() !== ''));
  const title = asText(raw[planFormInputIds.title]);
  return {
    locator,
    typed: { title, rows },
    body: { decisionId: locator.decisionId, title, actions: filled.map(({ r }) => ({ title: r.title, ownerMemberId: r.owner.trim(), dueOn: r.due.trim() })) },
    rowOf: filled.map(({ n }) => n),
  };
};
