import { isWithdrawn, type Acknowledgement, type AgendaItem, type Committee, type Meeting, type Member } from '../domain';
import { formatDateTime, formatWhen } from './format-date';
import type { ContainerStyle } from './rag';
import { itemStandingText } from './status-text';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';

export interface AcknowledgementReportView {
  readonly committeeId: string;
  readonly agendaItemId: string;
  readonly committeeName: string;
  readonly meetingWhen: string;
  /** "Item 5: " */
  readonly itemLabel: string;
  readonly title: string;
  /** Counts as strings: a TextBlock's text must be a string. */
  readonly acknowledgedCount: string;
  readonly outstandingCount: string;
  readonly outstandingStyle: ContainerStyle;
  /** "7 of 9 members have acknowledged." */
  readonly countsText: string;
  readonly outstanding: readonly { readonly name: string; readonly seatText: string }[];
  readonly moreOutstandingText: string;
  readonly acknowledged: readonly { readonly name: string; readonly when: string }[];
  readonly moreAcknowledgedText: string;
}

export interface AcknowledgementReportCardInput {
  readonly item: AgendaItem;
  readonly committee: Committee;
  readonly meeting?: Meeting;
  /** Everyone the item was sent to. */
  readonly audience: readonly Member[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly now: Date;
}

// Names are short, but a large committee's list must not break the size limit.
const LIMITS = { names: 30, name: 80, seat: 80, title: 300 };

export const buildAcknowledgementReportView = (input: AcknowledgementReportCardInput): AcknowledgementReportView => {
  const { item, committee, meeting, audience, now } = input;
  const byMember = new Map(input.acknowledgements.filter((a) => a.agendaItemId === item.id).map((a) => [a.memberId, a]));
  const done = audience
    .flatMap((m) => {
      const ack = byMember.get(m.id);
      return ack ? [{ member: m, ack }] : [];
    })
    .sort((a, b) => a.ack.acknowledgedAt.localeCompare(b.ack.acknowledgedAt));
  // A withdrawn item is nobody's to read: nobody is outstanding.
  const outstanding = audience.filter((m) => !byMember.has(m.id) && !isWithdrawn(item)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const seatOf = (m: Member): string => m.committees.find((c) => c.committeeId === committee.id)?.seat ?? '';
  const shownOutstanding = firstOf(outstanding, LIMITS.names);
  const shownDone = firstOf(done, LIMITS.names);
  return {
    committeeId: item.committeeId,
    agendaItemId: item.id,
    committeeName: committee.name,
    meetingWhen: meeting ? formatDateTime(meeting.startsAt) : '',
    itemLabel: item.number ? `Item ${item.number}: ` : '',
    title: clip(item.title, LIMITS.title),
    acknowledgedCount: String(done.length),
    outstandingCount: String(outstanding.length),
    outstandingStyle: outstanding.length > 0 ? 'warning' : 'good',
    countsText: isWithdrawn(item)
      ? `${itemStandingText(item)}: nobody is asked to read it. ${done.length} of ${plural(audience.length, 'member')} had acknowledged it.`
      : `${done.length} of ${plural(audience.length, 'member')} ${done.length === 1 ? 'has' : 'have'} acknowledged.`,
    outstanding: shownOutstanding.shown.map((m) => {
      const seat = seatOf(m);
      return { name: clip(m.name, LIMITS.name), seatText: seat && seat !== 'Member' ? `, ${clip(seat, LIMITS.seat)}` : '' };
    }),
    moreOutstandingText: shownOutstanding.moreCount > 0 ? `${plural(shownOutstanding.moreCount, 'more member')} not shown.` : '',
    acknowledged: shownDone.shown.map(({ member, ack }) => ({ name: clip(member.name, LIMITS.name), when: formatWhen(ack.acknowledgedAt, now) })),
    moreAcknowledgedText: shownDone.moreCount > 0 ? `${plural(shownDone.moreCount, 'more member')} not shown.` : '',
  };
};

export const renderAcknowledgementReportCard = (view: AcknowledgementReportView): AdaptiveCard =>
  renderTemplate('acknowledgement-report', view);
