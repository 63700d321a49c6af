import type { Committee, Viewer } from '../../domain';
import type { AgendaWhen } from '../commands/parse-command';
import { shownItem } from '../audit/exempt-views';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { committeesOf, meetingAgenda, type MeetingAgenda } from './meeting-agenda';

export type AgendaAnswer =
  | { readonly kind: 'meetings'; readonly agendas: readonly MeetingAgenda[] }
  | { readonly kind: 'no-meetings'; readonly committees: readonly string[]; readonly when: AgendaWhen }
  | { readonly kind: 'unknown-committee'; readonly asked: string; readonly known: readonly string[] };

const MAX_MEETINGS = 3;
const LOOK_AHEAD = 10;

/** "agenda", "next meeting", "what's on Cabinet next week": upcoming meetings of my committees with their items. */
export async function answerAgenda(request: { when: AgendaWhen; committee?: string }, viewer: Viewer, deps: ConversationDeps): Promise<AgendaAnswer> {
  const { store } = deps;
  const now = deps.now();
  let committees: Committee[] = await committeesOf(viewer, store);
  if (request.committee) {
    const all = await store.committees.list();
    const wanted = request.committee.toLowerCase();
    const named = all.filter((c) => c.name.toLowerCase().includes(wanted) || c.id.toLowerCase() === wanted);
    if (named.length === 0) return { kind: 'unknown-committee', asked: request.committee, known: all.map((c) => c.name) };
    committees = named;
  }
  const window = windowFor(request.when, now);
  const upcoming = (
    await Promise.all(
      committees.map(async (committee) => {
        const meetings = await store.meetings.listUpcoming(committee.id, now, request.when === 'next' ? 1 : LOOK_AHEAD);
        return meetings.filter((m) => inWindow(londonToday(new Date(m.startsAt)), window)).map((meeting) => ({ meeting, committee }));
      }),
    )
  )
    .flat()
    .sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt))
    .slice(0, MAX_MEETINGS);
  if (upcoming.length === 0) return { kind: 'no-meetings', committees: committees.map((c) => c.name), when: request.when };
  const myAcknowledgements = viewer.member ? await store.acknowledgements.listByMember(viewer.member.id) : [];
  const agendas = await Promise.all(upcoming.map(({ meeting, committee }) => meetingAgenda(meeting, committee, viewer, myAcknowledgements, store)));
  // Titles of exempt items on an agenda are exempt business too: one entry for the answer, naming them.
  await deps.views.shown(viewer, agendas.flatMap((a) => a.items.map(shownItem)));
  return { kind: 'meetings', agendas };
}

/** London calendar dates [from, to] that a request covers; undefined means no end. */
function windowFor(when: AgendaWhen, now: Date): { from: string; to?: string } {
  const today = londonToday(now);
  const day = (offset: number) => londonToday(new Date(now.getTime() + offset * 86_400_000));
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 Sunday
  const daysToSunday = (7 - weekday) % 7;
  switch (when) {
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: day(1), to: day(1) };
    case 'this-week':
      return { from: today, to: day(daysToSunday) };
    case 'next-week':
      return { from: day(daysToSunday + 1), to: day(daysToSunday + 7) };
    case 'next':
      return { from: today };
  }
}

const inWindow = (date: string, window: { from: string; to?: string }): boolean =>
  date >= window.from && (window.to === undefined || date <= window.to);
