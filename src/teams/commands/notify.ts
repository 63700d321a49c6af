import { buildNotificationConfirmView, formatWhen, renderNotificationConfirmCard, type AdaptiveCard } from '../../cards';
import type { AgendaWhen } from '../../services/commands/parse-command';
import { answerAgenda } from '../../services/conversation/answer-agenda';
import { findItem } from '../../services/conversation/find-item';
import { previewPush, type PushPreview } from '../../services/notifications/preview-push';
import type { BotDeps, Turn } from '../turn';
import { cardReply, echo, textReply, type Reply } from './reply';

/** The confirmation card: what would be sent, to whom, who cannot be reached yet, and when; Send does it. */
export const confirmationCard = (preview: PushPreview, now: Date): AdaptiveCard => {
  const { subject, reach } = preview;
  return renderNotificationConfirmCard(
    buildNotificationConfirmView({
      committee: subject.committee,
      ...(subject.kind === 'item' ? { item: subject.item, ...(subject.meeting ? { meeting: subject.meeting } : {}) } : { meeting: subject.meeting }),
      memberCount: preview.memberCount,
      reachableCount: reach.reachable.length,
      unreachable: [
        ...reach.toTry.map((m) => ({ name: m.name, why: 'has not opened the bot yet; the bot will try to open a chat with them' })),
        ...reach.unreachable.map((u) => ({ name: u.member.name, why: u.why })),
      ],
      ...(preview.sendsAt.getTime() > now.getTime() + 60_000
        ? { sendsAtText: `It is quiet hours now, so it will be sent ${formatWhen(preview.sendsAt, now)}.` }
        : {}),
    }),
  );
};

/** Officers: "notify item 6", "notify community safety", "notify agenda cabinet": a confirmation card with Send. */
export async function answerNotify(
  target: { readonly item: { number: string } | { query: string } } | { readonly agenda: { when: AgendaWhen; committee?: string } },
  turn: Turn,
  deps: BotDeps,
): Promise<Reply> {
  if ('item' in target) {
    const found = await findItem(target.item, turn.viewer, deps, { preferUpcoming: true });
    if (found.kind === 'nothing-found') return textReply(`I found no agenda item for ${echo(found.asked)}. Try "agenda" to see the next meetings' items.`);
    return cardReply(confirmationCard(await previewPush({ agendaItemId: found.details.item.id }, turn.viewer, deps.notifications), deps.now()));
  }
  const answer = await answerAgenda(target.agenda, turn.viewer, deps);
  if (answer.kind === 'unknown-committee') return textReply(`I don't know a committee called ${echo(answer.asked)}. The committees are: ${answer.known.join(', ')}.`);
  if (answer.kind === 'no-meetings') return textReply('There is no meeting coming up to send the agenda of. Try "notify agenda cabinet" for one committee.');
  const [first] = answer.agendas;
  return cardReply(confirmationCard(await previewPush({ meetingId: first!.meeting.id }, turn.viewer, deps.notifications), deps.now()));
}
