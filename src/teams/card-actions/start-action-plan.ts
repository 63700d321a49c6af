import { readActionPlanForm, planFormProblems, type ActionData } from '../../cards';
import { DomainError } from '../../domain';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { openActionPlanForm } from '../../services/conversation/open-action-plan-form';
import { openDecision } from '../../services/conversation/open-decision';
import { startActionPlan } from '../../services/conversation/start-action-plan';
import { actionPlanCard, actionPlanFormCard, decisionCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/** The action plan card, in place of the card pressed: what an officer sees once the decision has its plan. */
async function planCardFor(locator: { committeeId: string; actionPlanId: string }, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await openActionPlan(locator, turn.viewer, deps);
  return replaceWith(actionPlanCard(details, turn.viewer, { audience: 'viewer', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}

/**
 * "Start action plan" on the decision card (officers; the use case refuses anyone else): the form, in place of the
 * decision card. A decision that has a plan by now (another officer started it) answers with that plan instead.
 */
export async function onStartActionPlan(data: ActionData<'startActionPlan'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const form = await openActionPlanForm(data, turn.viewer, deps);
  if (form.actionPlan) return planCardFor({ committeeId: form.actionPlan.committeeId, actionPlanId: form.actionPlan.id }, turn, deps);
  return replaceWith(actionPlanFormCard(form));
}

/**
 * The form's "Start the plan": the plan is created by the officer API's use case, with its rules. Refused, the form
 * comes back with the reasons in its words and everything typed still there; started (or started already, when
 * Teams delivers the press again), the card becomes the action plan card.
 */
export async function onCreateActionPlan(rawData: unknown, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const reading = readActionPlanForm(rawData);
  try {
    const { plan, created } = await startActionPlan(reading.locator, reading.body, turn.viewer, deps);
    turn.logger.info({ actionPlanId: plan.id, decisionId: plan.decisionId, created }, created ? 'action plan started from Teams' : 'action plan already started');
    return planCardFor({ committeeId: plan.committeeId, actionPlanId: plan.id }, turn, deps);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'invalid')) throw err;
    const errors = (err.details?.['errors'] as Array<{ where: string; message: string }> | undefined) ?? [{ where: 'plan', message: err.message }];
    const problems = planFormProblems(errors, reading.typed, reading.rowOf);
    turn.logger.info({ decisionId: reading.locator.decisionId, problems: problems.length }, 'action plan refused');
    return replaceWith(actionPlanFormCard(await openActionPlanForm(reading.locator, turn.viewer, deps), { typed: reading.typed, problems }));
  }
}

/** The form's Cancel: the decision card again, in its place; nothing is written. */
export async function onBackToDecision(data: ActionData<'backToDecision'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await openDecision(data, turn.viewer, deps);
  return replaceWith(decisionCard(details, turn.viewer));
}
