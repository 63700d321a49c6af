import type { Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';
import { committeesOf, meetingAgenda, type MeetingAgenda } from './meeting-agenda';

const LOOK_AHEAD = 5;

/**
 * "pending": upcoming meetings of my committees that hold items I have not acknowledged, each with its agenda
 * (the digest card counts what I have and have not acknowledged).
 */
export async function listPendingItems(viewer: Viewer, deps: ConversationDeps): Promise<MeetingAgenda[]> {
  const { store } = deps;
  const member = viewer.member;
  if (!member) return [];
  const myAcknowledgements = await store.acknowledgements.listByMember(member.id);
  const acknowledged = new Set(myAcknowledgements.map((a) => a.agendaItemId));
  const pending: MeetingAgenda[] = [];
  for (const committee of await committeesOf(viewer, store)) {
    if (!member.committees.some((c) => c.committeeId === committee.id)) continue;
    for (const meeting of await store.meetings.listUpcoming(committee.id, deps.now(), LOOK_AHEAD)) {
      const agenda = await meetingAgenda(meeting, committee, viewer, myAcknowledgements, store);
      if (agenda.items.some((item) => !acknowledged.has(item.id))) pending.push(agenda);
    }
  }
  return pending.sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt));
}
