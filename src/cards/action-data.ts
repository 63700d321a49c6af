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
const ActionLocator = z.object({ committeeId: Id, actionPlanId: Id, actionId: Id });
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
  [Verbs.refreshActionPlan]: ActionPlanLocator,
  [Verbs.updateAction]: ActionLocator,
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

/** Reads an `updateAction` submission: the locators from the action data, the values from that action's inputs. */
export const parseActionUpdate = (data: unknown): ActionUpdateSubmission => {
  const locator = ActionLocator.parse(data);
  const raw = data as Record<string, unknown>;
  const ids = updateInputIds(locator.actionId);
  const input = ActionUpdateInput.parse({ rag: raw[ids.rag], percentComplete: raw[ids.percentComplete], note: raw[ids.note] ?? '' });
  return { ...locator, ...input };
};
