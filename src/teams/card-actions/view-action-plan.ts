import type { ActionData } from '../../cards';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

export async function onViewActionPlan(data: ActionData<'viewActionPlan'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await openActionPlan(data, turn.viewer, deps);
  return postBelow(`Opened "${details.plan.title}"`, actionPlanCard(details, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now() }));
}
