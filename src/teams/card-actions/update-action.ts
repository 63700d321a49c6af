import { readActionUpdate, staleUpdateProblem, type TypedUpdate } from '../../cards';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { recordActionUpdate, StaleUpdateError } from '../../services/conversation/record-action-update';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/**
 * An action's update form: history appended, the plan updated, and the card answered with the new state, in the
 * view the person was in (their own actions, or the whole plan). A value typed wrong (150 percent) saves nothing:
 * the card comes back with the reason beside the action and what they typed still in its form. So does an update
 * typed against an older state of the action (someone else updated it since the card was drawn): the card shows the
 * newer state, who changed it and when, and the person's own input, to check and send again.
 */
export async function onUpdateAction(rawData: unknown, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const reading = readActionUpdate(rawData);
  const locator = reading.ok ? reading.submission : reading.locator;
  const view = locator.view ?? 'plan';
  const options = { audience: 'viewer' as const, recipientUserIds: [turn.teamsUserId], now: deps.now(), view };
  const redrawn = async (typed?: TypedUpdate) => {
    const details = await openActionPlan(locator, turn.viewer, deps, { onlyMine: view === 'mine' });
    return replaceWith(actionPlanCard(details, turn.viewer, { ...options, ...(typed ? { typed } : {}) }));
  };
  if (!reading.ok) {
    turn.logger.info({ actionId: locator.actionId }, 'action update refused: ' + reading.typed.problem);
    return redrawn(reading.typed);
  }
  const { submission } = reading;
  try {
    await recordActionUpdate(
      { ...submission, expectedVersion: submission.version, idempotencyKey: turn.activityId ?? `${turn.teamsUserId}:${Date.now()}` },
      turn.viewer,
      deps,
    );
  } catch (err) {
    if (!(err instanceof StaleUpdateError)) throw err;
    const by = err.latest ? (await deps.store.members.get(err.latest.byMemberId))?.value.name : undefined;
    const problem = staleUpdateProblem(by, err.latest?.at, deps.now());
    turn.logger.info({ actionId: locator.actionId, expected: submission.version }, 'action update refused as stale');
    return redrawn({ actionId: submission.actionId, rag: submission.rag, percentComplete: String(submission.percentComplete), note: submission.note, problem });
  }
  return redrawn();
}
