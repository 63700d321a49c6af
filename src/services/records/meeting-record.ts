import { isWithdrawn, notFound, sittingCouncillors, type AgendaItem, type Meeting } from '../../domain';
import type { Store } from '../../store/port';
import { shownItem } from '../audit/exempt-views';
import { mayRead, type RecordReader } from './record-reader';

/**
 * How far an item has been read: of the committee's sitting councillors (who should read it, as the acknowledgement
 * record counts them: services/records/item-acknowledgements.ts), how many have acknowledged it and how many have
 * not. A withdrawn item is nobody's to read: 0 expected.
 */
export interface AcknowledgementProgress {
  readonly expected: number;
  readonly acknowledged: number;
  readonly outstanding: number;
}

export interface MeetingRecord {
  readonly meeting: Meeting;
  readonly etag: string;
  /** Its agenda in agenda order, each item with its acknowledgement progress; exempt items only to readers entitled to them. */
  readonly items: ReadonlyArray<AgendaItem & { readonly acknowledgements: AcknowledgementProgress }>;
}

/**
 * A meeting as the bot holds it, with its agenda and how far each item has been read. Three reads besides the
 * meeting, however long the agenda: its items (one partition), the committee's members, and the items'
 * acknowledgements together (store/port.ts listByAgendaItems), never one query per item.
 */
export async function meetingRecord(id: string, reader: RecordReader, store: Pick<Store, 'meetings' | 'agendaItems' | 'members' | 'acknowledgements'>): Promise<MeetingRecord> {
  const found = await store.meetings.findById(id);
  if (!found) throw notFound('Meeting', id);
  const { committeeId } = found.value;
  const [items, members] = await Promise.all([store.agendaItems.listByMeeting(committeeId, found.value.id), store.members.listByCommittee(committeeId)]);
  const readable = items.filter((i) => mayRead(reader, i));
  const acks = readable.length > 0 ? await store.acknowledgements.listByAgendaItems(readable.map((i) => i.id)) : [];
  const expected = sittingCouncillors(members, committeeId).map((m) => m.id);
  const done = new Map<string, Set<string>>();
  for (const a of acks) done.set(a.agendaItemId, (done.get(a.agendaItemId) ?? new Set()).add(a.memberId));
  await reader.noteShown?.(readable.map(shownItem));
  return {
    meeting: found.value,
    etag: found.etag,
    items: readable.map((item) => {
      const toRead = isWithdrawn(item) ? [] : expected;
      const acknowledged = toRead.filter((m) => done.get(item.id)?.has(m)).length;
      return { ...item, acknowledgements: { expected: toRead.length, acknowledged, outstanding: toRead.length - acknowledged } };
    }),
  };
}
