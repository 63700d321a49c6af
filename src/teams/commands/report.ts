import { acknowledgementReport } from '../../services/conversation/acknowledgement-report';
import { findItem } from '../../services/conversation/find-item';
import { acknowledgementReportCard } from '../reply-cards';
import type { BotDeps, Turn } from '../turn';
import { cardReply, textReply, type Reply } from './reply';

/** Officers: "report community safety": who has and has not acknowledged the item. */
export async function answerReport(query: string, turn: Turn, deps: BotDeps): Promise<Reply> {
  const found = await findItem({ query }, turn.viewer, deps);
  if (found.kind === 'nothing-found') return textReply(`I found no agenda item for "${query}".`);
  const { item } = found.details;
  const report = await acknowledgementReport({ committeeId: item.committeeId, agendaItemId: item.id }, turn.viewer, deps);
  return cardReply(acknowledgementReportCard(report, deps.now()));
}
