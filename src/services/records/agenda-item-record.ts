import { notFound, type AgendaItem, type Meeting } from '../../domain';
import type { Store } from '../../store/port';
import { decisionView, type DecisionView } from './decision-view';
import { shownDecision, shownItem } from '../audit/exempt-views';
import { requireReadable, type RecordReader } from './record-reader';

export interface AgendaItemRecord {
  /** The item with its `history` (what each import changed). */
  readonly item: AgendaItem;
  readonly etag: string;
  readonly meeting?: Meeting;
  /** Its decision, each outcome's status as of today, where one has been imported. */
  readonly decision?: DecisionView;
}

/** An agenda item as the bot holds it, with its meeting, its decision and their history. */
export async function agendaItemRecord(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'agendaItems' | 'decisions' | 'committees' | 'meetings'>,
  today: string,
): Promise<AgendaItemRecord> {
  const found = await store.agendaItems.findById(id);
  if (!found) throw notFound('Agenda item', id);
  const item = found.value;
  requireReadable(reader, item, 'agenda item');
  const [meeting, decision] = await Promise.all([
    item.meetingId ? store.meetings.get(item.committeeId, item.meetingId) : undefined,
    store.decisions.findByAgendaItem(item.committeeId, item.id),
  ]);
  await reader.noteShown?.([shownItem(item), ...(decision ? [shownDecision(decision.value)] : [])]);
  return {
    item,
    etag: found.etag,
    ...(meeting ? { meeting: meeting.value } : {}),
    ...(decision ? { decision: await decisionView(decision.value, store, today) } : {}),
  };
}
