import { itemsToRead, type Viewer } from '../../domain';
import { shownItem } from '../audit/exempt-views';
import type { ConversationDeps } from './conversation-deps';
import { detailsOf, type ItemDetails } from './item-details';
import { committeesOf, meetingAgenda } from './meeting-agenda';

const LOOK_AHEAD = 5;

/**
 * "pending": the items of my committees' coming meetings that I have not acknowledged yet, soonest meeting first and
 * in agenda order, each with what its card shows. Items I have acknowledged, and withdrawn ones, are not pending.
 */
export async function listPendingItems(viewer: Viewer, deps: ConversationDeps): Promise<ItemDetails[]> {
  const { store } = deps;
  const member = viewer.member;
  if (!member) return [];
  const myAcknowledgements = await store.acknowledgements.listByMember(member.id);
  const acknowledged = new Set(myAcknowledgements.map((a) => a.agendaItemId));
  const agendas = [];
  for (const committee of await committeesOf(viewer, store)) {
    if (!member.committees.some((c) => c.committeeId === committee.id)) continue;
    for (const meeting of await store.meetings.listUpcoming(committee.id, deps.now(), LOOK_AHEAD)) {
      if (meeting.status === 'cancelled') continue; // nothing to read for a meeting that will not take place
      agendas.push(await meetingAgenda(meeting, committee, viewer, myAcknowledgements, store));
    }
  }
  const unread = agendas
    .sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt))
    .flatMap((agenda) => itemsToRead(agenda.items).filter((item) => !acknowledged.has(item.id)));
  const pending = await Promise.all(unread.map((item) => detailsOf(item, viewer, store)));
  await deps.views.shown(viewer, unread.map(shownItem));
  return pending;
}
