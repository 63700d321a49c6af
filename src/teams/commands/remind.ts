import { formatWhen } from '../../cards';
import { findItem } from '../../services/conversation/find-item';
import { itemNaming } from '../../services/conversation/name-item';
import { remindOutstanding } from '../../services/conversation/remind-outstanding';
import type { BotDeps, Turn } from '../turn';
import { echo, paragraphs, textReply, type Reply } from './reply';

/** "Cllr A, Cllr B and Cllr C". */
export const listOfNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * Officers: remind those who have not acknowledged an item. The answer says, as a person would, who is being reminded
 * and who cannot be reached in Teams (and what to do about them); the sending happens through the outbox.
 */
export async function remindAbout(locator: { committeeId: string; agendaItemId: string }, turn: Turn, deps: BotDeps, id?: string): Promise<Reply> {
  const plan = await remindOutstanding(locator, turn.viewer, deps, id !== undefined ? { id } : {});
  const title = plan.details.item.title;
  const committee = plan.details.committee.name;
  if (plan.outstanding.length === 0) return textReply(`Everyone on ${committee} has acknowledged "${title}": nobody needs a reminder.`);
  if (plan.repeated) return textReply('Those reminders are already on their way.');
  turn.logger.info({ notificationId: plan.notification?.id, outstanding: plan.outstanding.length }, 'reminder queued');
  const { reachable, toTry, unreachable } = plan.reach;
  const names = (members: readonly { name: string }[]) => listOfNames(members.map((m) => m.name));
  const lines: string[] = [];
  lines.push(
    reachable.length > 0
      ? `I'm reminding ${names(reachable)} about "${title}": ${reachable.length === 1 ? 'they have' : 'they have each'} not acknowledged it yet.`
      : `I can't remind anyone about "${title}" in Teams straight away: nobody who still has to read it has a Teams chat with the bot yet.`,
  );
  if (toTry.length > 0) {
    const them = toTry.length === 1 ? 'them' : 'each of them';
    lines.push(
      `${names(toTry)} ${toTry.length === 1 ? 'has' : 'have'} no Teams chat with the bot yet: I'll try to open one through a team the bot is in, ` +
        `and the card below will say if I can't, so that you can contact ${them} another way.`,
    );
  }
  for (const u of unreachable) lines.push(`I can't reach ${u.member.name} in Teams (${u.why}): please remind them another way.`);
  if (plan.sendsAt && plan.sendsAt.getTime() > deps.now().getTime() + 60_000) {
    lines.push(`It is quiet hours, so the reminders will go ${formatWhen(plan.sendsAt, deps.now())}.`);
  }
  return { text: paragraphs(...lines), cards: [], ...(plan.notification ? { progressOf: plan.notification.id } : {}) };
}

export async function answerRemind(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const found = await findItem(itemNaming(query), turn.viewer, deps, { preferUpcoming: true });
  if (found.kind === 'nothing-found') return textReply(`I found no agenda item for ${echo(found.asked)}.`);
  return remindAbout({ committeeId: found.details.item.committeeId, agendaItemId: found.details.item.id }, turn, deps);
}
