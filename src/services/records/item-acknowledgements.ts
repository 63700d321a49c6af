import { isWithdrawn, notFound, sittingCouncillors, type AgendaItem, type Member } from '../../domain';
import type { Store } from '../../store/port';
import { londonDateTime, spreadsheetCsv } from './csv-file';
import { shownItem } from '../audit/exempt-views';
import { requireReadable, type RecordReader } from './record-reader';

/** One person's acknowledgement of an item, for the file: who, in what role and seat, when and how. */
export interface AcknowledgementEntry {
  readonly memberId: string;
  /** As on the roster now; "(no longer on the roster)" for someone removed from it. */
  readonly name: string;
  readonly role?: Member['role'];
  /** Their seat on the item's committee, where they hold one. */
  readonly seat?: string;
  readonly acknowledgedAt: string;
  readonly via: { readonly channel: 'teams' | 'api'; readonly conversationId?: string; readonly activityId?: string };
}

/** Someone who should have read the item (a councillor of its committee) and has not acknowledged it. */
export interface OutstandingEntry {
  readonly memberId: string;
  readonly name: string;
  readonly role: Member['role'];
  readonly seat: string;
}

export interface ItemAcknowledgements {
  readonly item: Pick<AgendaItem, 'id' | 'committeeId' | 'meetingId' | 'number' | 'title' | 'exempt' | 'withdrawnAt'>;
  readonly acknowledged: readonly AcknowledgementEntry[];
  readonly outstanding: readonly OutstandingEntry[];
}

export const NOT_ON_ROSTER = '(no longer on the roster)';

const seatOn = (member: Member, committeeId: string): string | undefined => member.committees.find((c) => c.committeeId === committeeId)?.seat;

/**
 * The acknowledgement record of one item: everyone who acknowledged it, oldest first, and the committee's
 * councillors who have not. The same audience as the Teams report (services/conversation/acknowledgement-report.ts).
 */
export async function itemAcknowledgements(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'agendaItems' | 'members' | 'acknowledgements'>,
): Promise<ItemAcknowledgements> {
  const item = (await store.agendaItems.findById(id))?.value;
  if (!item) throw notFound('Agenda item', id);
  requireReadable(reader, item, 'agenda item');
  const [roster, acks] = await Promise.all([store.members.list(), store.acknowledgements.listByAgendaItem(item.id)]);
  await reader.noteShown?.([shownItem(item)]);
  return acknowledgementsOf(item, roster, acks);
}

/** Pure: the record from the item, the roster and the item's acknowledgements (shared with the meeting's record). */
export function acknowledgementsOf(
  item: AgendaItem,
  roster: readonly Member[],
  acks: ReadonlyArray<{ memberId: string; acknowledgedAt: string; via: AcknowledgementEntry['via'] }>,
): ItemAcknowledgements {
  const byId = new Map(roster.map((m) => [m.id, m]));
  const acknowledged = acks.map((a): AcknowledgementEntry => {
    const member = byId.get(a.memberId);
    const seat = member ? seatOn(member, item.committeeId) : undefined;
    return {
      memberId: a.memberId,
      name: member?.name ?? NOT_ON_ROSTER,
      ...(member ? { role: member.role } : {}),
      ...(seat !== undefined ? { seat } : {}),
      acknowledgedAt: a.acknowledgedAt,
      via: a.via,
    };
  });
  const done = new Set(acks.map((a) => a.memberId));
  // Former members (end date reached) no longer sit on the committee, so they are not outstanding (domain/member.ts);
  // nobody is outstanding on a withdrawn item (domain/agenda-item.ts).
  const outstanding = (isWithdrawn(item) ? [] : sittingCouncillors(roster, item.committeeId))
    .filter((m) => !done.has(m.id))
    .map((m): OutstandingEntry => ({ memberId: m.id, name: m.name, role: m.role, seat: seatOn(m, item.committeeId) as string }));
  const { id, committeeId, meetingId, number, title, exempt, withdrawnAt } = item;
  return {
    item: {
      id, committeeId, ...(meetingId !== undefined ? { meetingId } : {}), ...(number !== undefined ? { number } : {}), title, exempt,
      ...(withdrawnAt !== undefined ? { withdrawnAt } : {}),
    },
    acknowledged,
    outstanding,
  };
}

export const ITEM_CSV_HEADER = ['Member id', 'Name', 'Role', 'Seat', 'Status', 'Acknowledged at (London)', 'Acknowledged at (UTC)', 'How', 'Teams conversation', 'Teams message'];

/** One row per person: those who acknowledged (oldest first), then those outstanding (by name). */
export const itemAcknowledgementsCsv = (record: ItemAcknowledgements): string =>
  spreadsheetCsv(ITEM_CSV_HEADER, [
    ...record.acknowledged.map((a) => [
      a.memberId, a.name, a.role ?? '', a.seat ?? '', 'acknowledged', londonDateTime(a.acknowledgedAt), a.acknowledgedAt,
      a.via.channel === 'teams' ? 'Teams card' : 'API', a.via.conversationId ?? '', a.via.activityId ?? '',
    ]),
    ...[...record.outstanding].sort((x, y) => x.name.localeCompare(y.name)).map((o) => [o.memberId, o.name, o.role, o.seat, 'outstanding', '', '', '', '', '']),
  ]);
