import { notFound } from '../../domain';
import type { Store } from '../../store/port';
import { londonDateTime, spreadsheetCsv } from './csv-file';
import { acknowledgementsOf, NOT_ON_ROSTER, type ItemAcknowledgements } from './item-acknowledgements';
import { shownItem } from '../audit/exempt-views';
import { mayRead, type RecordReader } from './record-reader';

export interface MeetingAcknowledgements {
  readonly meeting: { readonly id: string; readonly committeeId: string; readonly startsAt: string };
  /** Each item of the agenda the reader may see, in agenda order, with its record. */
  readonly items: readonly ItemAcknowledgements[];
}

/** The acknowledgement record of a whole meeting: each item's, in agenda order. */
export async function meetingAcknowledgements(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'meetings' | 'agendaItems' | 'members' | 'acknowledgements'>,
): Promise<MeetingAcknowledgements> {
  const meeting = (await store.meetings.findById(id))?.value;
  if (!meeting) throw notFound('Meeting', id);
  const [items, roster] = await Promise.all([store.agendaItems.listByMeeting(meeting.committeeId, meeting.id), store.members.list()]);
  const readable = items.filter((i) => mayRead(reader, i));
  const records = await Promise.all(readable.map(async (i) => acknowledgementsOf(i, roster, await store.acknowledgements.listByAgendaItem(i.id))));
  await reader.noteShown?.(readable.map(shownItem));
  return { meeting: { id: meeting.id, committeeId: meeting.committeeId, startsAt: meeting.startsAt }, items: records };
}

const itemHeading = (item: ItemAcknowledgements['item']): string =>
  `${item.number !== undefined ? `${item.number}. ` : ''}${item.title}${item.withdrawnAt !== undefined ? ' (withdrawn)' : ''}`;

/**
 * Member by item: one row per person who acknowledged any item or is outstanding on one, one column per item, each
 * cell when they acknowledged it (London time), "outstanding", or empty when the item was not theirs to read.
 */
export function meetingAcknowledgementsCsv(record: MeetingAcknowledgements): string {
  const people = new Map<string, { name: string; role: string; seat: string }>();
  const cells = new Map<string, string>();
  for (const { item, acknowledged, outstanding } of record.items) {
    for (const a of acknowledged) {
      if (!people.has(a.memberId)) people.set(a.memberId, { name: a.name, role: a.role ?? '', seat: a.seat ?? '' });
      cells.set(`${a.memberId}|${item.id}`, londonDateTime(a.acknowledgedAt));
    }
    for (const o of outstanding) {
      people.set(o.memberId, { name: o.name, role: o.role, seat: o.seat });
      cells.set(`${o.memberId}|${item.id}`, 'outstanding');
    }
  }
  const rows = [...people.entries()]
    .sort(([, x], [, y]) => (x.name === NOT_ON_ROSTER ? 1 : 0) - (y.name === NOT_ON_ROSTER ? 1 : 0) || x.name.localeCompare(y.name))
    .map(([memberId, p]) => [memberId, p.name, p.role, p.seat, ...record.items.map(({ item }) => cells.get(`${memberId}|${item.id}`) ?? '')]);
  return spreadsheetCsv(['Member id', 'Name', 'Role', 'Seat', ...record.items.map(({ item }) => itemHeading(item))], rows);
}
