import { z } from 'zod';
import { DomainError, Id, Rag, RealCalendarDate, type Action, type Member } from '../../domain';

/** A due date that is a real day of the calendar: 2027-02-30 is refused, not rolled over to March. */
export const DueDate = RealCalendarDate;

/** An action's fields as an officer writes them; ActionInput adds the rule that ties RAG and percent. */
export const ActionFields = z
  .object({
    id: Id.optional(),
    title: z.string().trim().min(1).max(300),
    ownerMemberId: Id,
    dueOn: DueDate,
    rag: Rag.optional(),
    percentComplete: z.number().int().min(0).max(100).optional(),
  })
  .strict();

/** Done means 100: a done action with another percentage is refused. */
const doneMeansHundred = (a: { readonly rag?: string; readonly percentComplete?: number }, ctx: z.RefinementCtx): void => {
  if (a.rag === 'done' && a.percentComplete !== undefined && a.percentComplete !== 100) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['percentComplete'], message: 'a done action is 100 percent complete' });
  }
};

/**
 * One action as an officer writes it (API body, the CLI): the same rules as an update from the Teams card. Done means
 * 100 percent (a done action with another percentage is refused; without one it is 100).
 */
export const ActionInput = ActionFields.superRefine(doneMeansHundred);
export type ActionInput = z.infer<typeof ActionInput>;

export const PlanInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    actions: z.array(ActionInput).max(200).default([]),
  })
  .strict();

export const NewPlanInput = PlanInput.extend({ decisionId: Id, id: Id.optional() }).strict();

/** Parses untrusted input with `schema`: DomainError('invalid') listing every problem (422 over HTTP). */
export function parseInput<S extends z.ZodTypeAny>(schema: S, raw: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as z.infer<S>;
  const errors = parsed.error.issues.map((i) => ({ where: i.path.join('.') || what, message: i.message }));
  throw new DomainError('invalid', `The ${what} is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, { errors });
}

/** Every owner must be on the roster; named all at once. */
export function checkOwners(actions: readonly ActionInput[], roster: readonly Member[]): void {
  const known = new Set(roster.map((m) => m.id));
  const errors = actions.flatMap((a, i) => (known.has(a.ownerMemberId) ? [] : [{ where: `actions.${i}.ownerMemberId`, message: `${a.ownerMemberId} is not on the roster` }]));
  const ids = actions.map((a) => a.id).filter((id): id is string => id !== undefined);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(repeated)) errors.push({ where: 'actions', message: `action id ${id} is used twice` });
  if (errors.length > 0) {
    throw new DomainError('invalid', `The action plan is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, { errors });
  }
}

/** A new action from its input: on track and 0 percent unless said, 100 when done. */
export const newAction = (a: ActionInput, id: string): Action => ({
  id,
  title: a.title,
  ownerMemberId: a.ownerMemberId,
  dueOn: a.dueOn,
  rag: a.rag ?? 'on-track',
  percentComplete: a.rag === 'done' ? 100 : a.percentComplete ?? 0,
});
