import { listMyActions } from '../../services/conversation/list-my-actions';
import { openActionPlan } from '../../services/conversation/open-action-plan';
import { actionPlanCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, textReply, type Reply } from './reply';

/** "actions" / "overdue actions": the actions I own, overdue first, one card per plan with its update forms. */
export async function answerActions(overdueOnly: boolean, turn: Turn, deps: BotDeps): Promise<Reply> {
  if (!turn.viewer.member) return textReply('You are not on the council roster, so you own no actions here.');
  const mine = await listMyActions({ overdueOnly }, turn.viewer, deps);
  if (mine.length === 0) return textReply(overdueOnly ? 'None of your actions is overdue.' : 'You own no actions at the moment.');
  // In a personal chat the card stays the asker's own actions, when refreshed or updated; in a shared chat each
  // reader's refresh gives them the plan, as everyone there reads the card.
  const view = turn.viewer.where === 'personal' ? 'mine' : 'plan';
  const cards = await Promise.all(
    mine.slice(0, 3).map(async ({ plan }) => {
      const details = await openActionPlan({ committeeId: plan.committeeId, actionPlanId: plan.id }, turn.viewer, deps);
      return actionPlanCard({ ...details, plan }, turn.viewer, { audience: 'conversation', recipientUserIds: [turn.teamsUserId], now: deps.now(), view });
    }),
  );
  return cardReply(...cards);
}
