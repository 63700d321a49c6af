import { mayView, type Acknowledgement, type AgendaItem, type Committee, type Meeting, type Viewer } from '../../domain';
import type { Store } from '../../store/port';

/** A meeting with the agenda items this viewer may see and the viewer's own acknowledgements. */
export interface MeetingAgenda {
  readonly meeting: Meeting;
  readonly committee: Committee;
  readonly items: readonly AgendaItem[];
  readonly myAcknowledgements: readonly Acknowledgement[];
}

export async function meetingAgenda(
  meeting: Meeting,
  committee: Committee,
  viewer: Viewer,
  myAcknowledgements: readonly Acknowledgement[],
  store: Pick<Store, 'agendaItems'>,
): Promise<MeetingAgenda> {
  const items = (await store.agendaItems.listByMeeting(committee.id, meeting.id)).filter((item) => mayView(viewer, item));
  return { meeting, committee, items, myAcknowledgements };
}

/** The committees a viewer follows: their own, or every committee for officers and people not on the roster. */
export async function committeesOf(viewer: Viewer, store: Pick<Store, 'committees'>): Promise<Committee[]> {
  const all = await store.committees.list();
  const mine = viewer.member?.committees.map((c) => c.committeeId) ?? [];
  const isMemberOfSome = viewer.member?.role === 'councillor' && mine.length > 0;
  return isMemberOfSome ? all.filter((c) => mine.includes(c.id)) : all;
}
