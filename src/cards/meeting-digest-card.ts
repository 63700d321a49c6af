import { agendaExpectedBy, itemsToRead, type Acknowledgement, type AgendaItem, type Committee, type Meeting } from '../domain';
import { formatDateTime, formatDayDate } from './format-date';
import { itemStandingText, meetingStatusText } from './status-text';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';

export interface DigestItemView {
  readonly agendaItemId: string;
  /** "5", or "–" when the agenda gives no number. */
  readonly number: string;
  readonly title: string;
  /** "For decision · Exempt". */
  readonly tagsText: string;
  /** "✖️ Withdrawn from the agenda"; '' for an item on it. */
  readonly withdrawnText: string;
  readonly acknowledged: boolean;
}

export interface MeetingDigestView {
  readonly committeeId: string;
  readonly meetingId: string;
  readonly committeeName: string;
  readonly meetingWhen: string;
  readonly venue: string;
  /** "🚫 This meeting has been cancelled." */
  readonly statusText: string;
  /** "3 of 5 items are for decision"; '' while the agenda is not published (no counts of nothing). */
  readonly forDecisionText: string;
  /** "You have acknowledged 2 of 5 items". */
  readonly acknowledgedText: string;
  /** While there are no items: "The agenda is not published yet. It is expected by Tue 8 December 2026."; else ''. */
  readonly noAgendaText: string;
  readonly items: readonly DigestItemView[];
  readonly moreItemsText: string;
}

export interface MeetingDigestCardInput {
  readonly meeting: Meeting;
  readonly committee: Committee;
  /** The meeting's agenda items, in agenda order. */
  readonly items: readonly AgendaItem[];
  /**
   * The viewer's own acknowledgements (any items; those of this meeting are counted). Leave it out where the card
   * is seen by many (a channel or group chat): one person's reading record is not shown to the others.
   */
  readonly myAcknowledgements?: readonly Acknowledgement[];
}

// A long agenda (a budget meeting) still fits: each row is under 1 KB.
const LIMITS = { items: 25, title: 200 };

export const buildMeetingDigestView = (input: MeetingDigestCardInput): MeetingDigestView => {
  const { meeting, committee, items } = input;
  const forOnePerson = input.myAcknowledgements !== undefined;
  const acknowledged = new Set((input.myAcknowledgements ?? []).map((a) => a.agendaItemId));
  // Withdrawn items are listed, marked, but not counted: nobody is asked to read them.
  const toRead = itemsToRead(items);
  const forDecision = toRead.filter((i) => i.forDecision).length;
  const mine = toRead.filter((i) => acknowledged.has(i.id)).length;
  const { shown, moreCount } = firstOf(items, LIMITS.items);
  return {
    committeeId: committee.id,
    meetingId: meeting.id,
    committeeName: committee.name,
    meetingWhen: formatDateTime(meeting.startsAt),
    venue: meeting.venue ?? '',
    statusText: meetingStatusText(meeting),
    forDecisionText: toRead.length === 0 ? '' : `${forDecision} of ${plural(toRead.length, 'item')} ${forDecision === 1 ? 'is' : 'are'} for decision`,
    acknowledgedText: forOnePerson && toRead.length > 0 ? `You have acknowledged ${mine} of ${plural(toRead.length, 'item')}` : '',
    noAgendaText: items.length === 0 ? noAgendaText(meeting) : '',
    items: shown.map((i) => ({
      agendaItemId: i.id,
      number: i.number ?? '–',
      title: clip(i.title, LIMITS.title),
      tagsText: [i.forDecision ? 'For decision' : 'For information', i.exempt ? '🔒 Exempt' : ''].filter(Boolean).join(' · '),
      withdrawnText: itemStandingText(i),
      acknowledged: acknowledged.has(i.id),
    })),
    moreItemsText: moreCount > 0 ? `${plural(moreCount, 'more item')} not shown.` : '',
  };
};

/**
 * What to say of a meeting with no items to show: not "0 of 0 items", but whether the agenda is published and, when
 * it is not, by when it is expected (the date democratic services gave, else the statutory latest date).
 */
const noAgendaText = (meeting: Meeting): string => {
  if (meeting.status === 'cancelled') return '';
  if (meeting.agendaPublishedAt) return 'The agenda is published, but none of its items is here yet.';
  if (meeting.status === 'held') return 'No agenda is recorded here for this meeting.';
  return `The agenda is not published yet. It is expected by ${formatDayDate(agendaExpectedBy(meeting).date)}.`;
};

export const renderMeetingDigestCard = (view: MeetingDigestView): AdaptiveCard => renderTemplate('meeting-digest', view);
