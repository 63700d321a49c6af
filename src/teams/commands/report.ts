import { acknowledgementReport } from '../../services/conversation/acknowledgement-report';
import { clip, formatDateTime } from '../../cards';
import { findItem } from '../../services/conversation/find-item';
import { itemNaming } from '../../services/conversation/name-item';
import { acknowledgementReportCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { echo, textReply, type Reply } from './reply';

/**
 * Officers: "report community safety", "report item 6": who has and has not acknowledged the item, preferring an item
 * of a coming meeting, and saying which meeting it is for.
 */
export async function answerReport(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const found = await findItem(itemNaming(query), turn.viewer, deps, { preferUpcoming: true });
  if (found.kind === 'nothing-found') return textReply(`I found no agenda item for ${echo(found.asked)}.`);
  const { item, meeting, committee } = found.details;
  const report = await acknowledgementReport({ committeeId: item.committeeId, agendaItemId: item.id }, turn.viewer, deps);
  const when = meeting ? formatDateTime(meeting.startsAt) : undefined;
  const which = !when
    ? `This is for "${clip(item.title, 120)}", which is on no meeting's agenda.`
    : meeting!.startsAt >= deps.now().toISOString()
      ? `This is for ${committee.name}'s meeting on ${when}.`
      : `This is for ${committee.name}'s meeting on ${when}, which has been held.`;
  return { text: which, cards: [acknowledgementReportCard(report, deps.now())] };
}
