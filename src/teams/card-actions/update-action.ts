import { parseActionUpdate } from '../../cards';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { recordActionUpdate } from '../../services/conversation/record-action-update';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/** An action's update form: history appended, the plan updated, and the card answered with the new state. */
export async function onUpdateAction(rawData: unknown, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const submission = parseActionUpdate(rawData);
  await recordActionUpdate({ ...submission, idempotencyKey: turn.activityId ?? `${turn.teamsUserId}:${Date.now()}` }, turn.viewer, deps);
  const details = await openActionPlan(submission, turn.viewer, deps);
  return replaceWith(actionPlanCard(details, turn.viewer, { audience: 'viewer', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
