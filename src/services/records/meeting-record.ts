import { notFound, type AgendaItem, type Meeting } from '../../domain';
import type { Store } from '../../store/port';
import { shownItem } from '../audit/exempt-views';
import { mayRead, type RecordReader } from './record-reader';

export interface MeetingRecord {
  readonly meeting: Meeting;
  readonly etag: string;
  /** Its agenda in agenda order; exempt items only to readers entitled to them. */
  readonly items: readonly AgendaItem[];
}

/** A meeting as the bot holds it, with its agenda. */
export async function meetingRecord(id: string, reader: RecordReader, store: Pick<Store, 'meetings' | 'agendaItems'>): Promise<MeetingRecord> {
  const found = await store.meetings.findById(id);
  if (!found) throw notFound('Meeting', id);
  const items = await store.agendaItems.listByMeeting(found.value.committeeId, found.value.id);
  const readable = items.filter((i) => mayRead(reader, i));
  await reader.noteShown?.(readable.map(shownItem));
  return { meeting: found.value, etag: found.etag, items: readable };
}
