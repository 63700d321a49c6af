import type { ActionData } from '../../cards';
import { openDecision } from '../../services/conversation/open-decision';
import { decisionCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

export async function onViewDecision(data: ActionData<'viewDecision'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const details = await openDecision(data, turn.viewer, deps);
  return postBelow(`Opened the decision on "${details.decision.title}"`, decisionCard(details, turn.viewer));
}
