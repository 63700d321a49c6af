import type { ActionData } from '../../cards';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { replaceWith, type InvokeAnswer } from './invoke-answer';

/** The refresh of an action plan seen by many: each person gets the update forms of the actions they may update. */
export async function onRefreshActionPlan(data: ActionData<'refreshActionPlan'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const view = data.view ?? 'plan';
  const details = await openActionPlan(data, turn.viewer, deps, { onlyMine: view === 'mine' });
  return replaceWith(actionPlanCard(details, turn.viewer, { audience: 'viewer', recipientUserIds: [turn.teamsUserId], now: deps.now(), view }));
}
