import { DomainError, notFound, type AgendaItem, type Committee, type Decision, type Meeting, type Notification } from '../../domain';
import type { Store } from '../../store/port';

/** What a notification is about, loaded: the item, meeting or decision, and its committee. */
export type LoadedSubject =
  | { readonly kind: 'item'; readonly item: AgendaItem; readonly committee: Committee; readonly meeting?: Meeting }
  | { readonly kind: 'meeting'; readonly meeting: Meeting; readonly committee: Committee; readonly items: readonly AgendaItem[] }
  | { readonly kind: 'decision'; readonly decision: Decision; readonly committee: Committee; readonly item?: AgendaItem }
  | { readonly kind: 'member'; readonly memberId: string };

/** Whether any of it is exempt business: then it goes only to personal chats of entitled members. */
export const isExemptSubject = (subject: LoadedSubject): boolean => {
  switch (subject.kind) {
    case 'item':
      return subject.item.exempt;
    case 'meeting':
      // A digest lists exempt items only to those entitled (each member's card leaves out what they may not see),
      // so the meeting itself is not exempt; a channel gets the items everyone may see.
      return false;
    case 'decision':
      return subject.decision.exempt;
    case 'member':
      return false;
  }
};

/** What a card about it shows, as delivery subject keys: finds the cards to redraw when one of them changes. */
export const subjectKeysOf = (subject: LoadedSubject): string[] => {
  switch (subject.kind) {
    case 'item':
      return [`item:${subject.item.id}`];
    case 'meeting':
      return [`meeting:${subject.meeting.id}`, ...subject.items.map((i) => `item:${i.id}`)];
    case 'decision':
      return [`decision:${subject.decision.id}`, ...(subject.decision.agendaItemId ? [`item:${subject.decision.agendaItemId}`] : [])];
    case 'member':
      return [];
  }
};

const committeeOf = async (store: Store, id: string): Promise<Committee> => {
  const committee = (await store.committees.get(id))?.value;
  if (!committee) throw notFound('Committee', id);
  return committee;
};

/** Loads a notification's subject as stored now (an item's latest papers, a meeting's current agenda). */
export async function loadSubject(notification: Pick<Notification, 'subject' | 'committeeId'>, store: Store): Promise<LoadedSubject> {
  const { subject } = notification;
  if (subject.decisionId) {
    const decision = notification.committeeId
      ? (await store.decisions.get(notification.committeeId, subject.decisionId))?.value
      : (await store.decisions.findById(subject.decisionId))?.value;
    if (!decision) throw notFound('Decision', subject.decisionId);
    const item = decision.agendaItemId ? (await store.agendaItems.get(decision.committeeId, decision.agendaItemId))?.value : undefined;
    return { kind: 'decision', decision, committee: await committeeOf(store, decision.committeeId), ...(item ? { item } : {}) };
  }
  if (subject.agendaItemId) {
    const item = notification.committeeId
      ? (await store.agendaItems.get(notification.committeeId, subject.agendaItemId))?.value
      : (await store.agendaItems.findById(subject.agendaItemId))?.value;
    if (!item) throw notFound('Agenda item', subject.agendaItemId);
    const meeting = item.meetingId ? (await store.meetings.get(item.committeeId, item.meetingId))?.value : undefined;
    return { kind: 'item', item, committee: await committeeOf(store, item.committeeId), ...(meeting ? { meeting } : {}) };
  }
  if (subject.meetingId) {
    const meeting = notification.committeeId
      ? (await store.meetings.get(notification.committeeId, subject.meetingId))?.value
      : (await store.meetings.findById(subject.meetingId))?.value;
    if (!meeting) throw notFound('Meeting', subject.meetingId);
    const items = await store.agendaItems.listByMeeting(meeting.committeeId, meeting.id);
    return { kind: 'meeting', meeting, committee: await committeeOf(store, meeting.committeeId), items };
  }
  if (subject.memberId) return { kind: 'member', memberId: subject.memberId };
  throw new DomainError('invalid', 'The notification names no agenda item, meeting, decision or member.');
}

/** The committee a loaded subject belongs to, where it has one. */
export const committeeIdOf = (subject: LoadedSubject): string | undefined => (subject.kind === 'member' ? undefined : subject.committee.id);
