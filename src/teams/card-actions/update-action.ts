import { readActionUpdate } from '../../cards';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { recordActionUpdate } from '../../services/conversation/record-action-update';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/**
 * An action's update form: history appended, the plan updated, and the card answered with the new state, in the
 * view the person was in (their own actions, or the whole plan). A value typed wrong (150 percent) saves nothing:
 * the card comes back with the reason beside the action and what they typed still in its form.
 */
export async function onUpdateAction(rawData: unknown, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const reading = readActionUpdate(rawData);
  const locator = reading.ok ? reading.submission : reading.locator;
  const view = locator.view ?? 'plan';
  const options = { audience: 'viewer' as const, recipientUserIds: [turn.teamsUserId], now: deps.now(), view };
  if (!reading.ok) {
    turn.logger.info({ actionId: locator.actionId }, 'action update refused: ' + reading.typed.problem);
    const details = await openActionPlan(locator, turn.viewer, deps, { onlyMine: view === 'mine' });
    return replaceWith(actionPlanCard(details, turn.viewer, { ...options, typed: reading.typed }));
  }
  await recordActionUpdate({ ...reading.submission, idempotencyKey: turn.activityId ?? `${turn.teamsUserId}:${Date.now()}` }, turn.viewer, deps);
  const details = await openActionPlan(locator, turn.viewer, deps, { onlyMine: view === 'mine' });
  return replaceWith(actionPlanCard(details, turn.viewer, options));
}
