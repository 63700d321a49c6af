import { findItem } from '../../services/conversation/find-item';
import { remindOutstanding } from '../../services/conversation/remind-outstanding';
import { agendaItemCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { textReply, type Reply } from './reply';

/**
 * Officers: remind those who have not acknowledged an item. The answer says at once who will be reminded and
 * who cannot be reached; the sending carries on after the turn, and its outcome is logged.
 */
export async function remindAbout(locator: { committeeId: string; agendaItemId: string }, turn: Turn, deps: BotDeps): Promise<Reply> {
  const plan = await remindOutstanding(
    locator,
    turn.viewer,
    (member, details) => agendaItemCard(details, { member, where: 'personal' }, { audience: 'conversation', now: deps.now() }),
    deps,
  );
  plan.sent.then(
    (report) => turn.logger.info({ report }, 'reminders sent'),
    (err: unknown) => turn.logger.error({ err }, 'reminders failed'),
  );
  const names = (members: readonly { name: string }[]) => members.map((m) => m.name).join(', ');
  const title = plan.details.item.title;
  const lines = [
    plan.reachable.length > 0
      ? `Reminding ${plan.reachable.length} member(s) about "${title}": ${names(plan.reachable)}.`
      : plan.unreachable.length > 0
        ? `Nobody still to acknowledge "${title}" can be reached in Teams.`
        : `Everyone has acknowledged "${title}": nobody to remind.`,
    plan.unreachable.length > 0 ? `Not reachable in Teams (contact them another way): ${names(plan.unreachable)}.` : '',
  ];
  return textReply(lines.filter(Boolean).join('\n\n'));
}

export async function answerRemind(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const found = await findItem({ query }, turn.viewer, deps);
  if (found.kind === 'nothing-found') return textReply(`I found no agenda item for "${query}".`);
  return remindAbout({ committeeId: found.details.item.committeeId, agendaItemId: found.details.item.id }, turn, deps);
}
