import { isWithdrawn, type AgendaItem, type Meeting, type OutcomeStatus, type StatusDescription } from '../domain';
import { formatDayDate, formatLongDate } from './format-date';

export interface StatusText {
  /** The status in words after its icon, with its date where the status is a wait for a meeting:
   *  "🏛️ Recommended to Council: awaiting Full Council, 21 July 2021". */
  readonly headline: string;
  /** What comes next and when: "Call-in period ends Tue 22 June 2021"; when nothing comes next, since when:
   *  "Since Tue 29 June 2021". */
  readonly next: string;
}

/**
 * Statuses that wait for a meeting: their date is an appointment, part of the status itself, and written without a
 * weekday as agendas do. Every other date is a deadline, written with its weekday so nobody miscounts days.
 */
const awaitingMeeting: ReadonlySet<OutcomeStatus> = new Set(['awaiting-council']);

/**
 * The icon beside each status. The meaning is in the words and the icon, in the default text colour: the semantic
 * colours are not readable everywhere (Teams' light theme, as the Agents Playground applies it, draws "good" at
 * 2.06:1 and "warning" at 1.47:1 on white), so a status line is never coloured.
 */
const icons: Record<OutcomeStatus, string> = {
  scheduled: '📅',
  made: '📝',
  'call-in-open': '⏳',
  effective: '✅',
  'called-in': '⚠️',
  confirmed: '✅',
  'referred-back': '↩️',
  noted: 'ℹ️',
  'awaiting-council': '🏛️',
  'approved-by-council': '✅',
  'amended-by-council': '✏️',
  'rejected-by-council': '❌',
  deferred: '⏸️',
  withdrawn: '✖️',
};

/** Formats a status computed elsewhere (domain/decision-status.ts); it decides nothing about the status itself. */
export const formatStatus = (d: StatusDescription): StatusText => {
  if (awaitingMeeting.has(d.status) && d.nextOn) {
    return { headline: `${icons[d.status]} ${d.label}, ${formatLongDate(d.nextOn)}`, next: '' };
  }
  // With nothing to come, "since when" is the useful second line.
  const next = d.next
    ? d.nextOn ? `${d.next} ${formatDayDate(d.nextOn)}` : d.next
    : d.since ? `Since ${formatDayDate(d.since)}` : '';
  return { headline: `${icons[d.status]} ${d.label}`, next };
};

/**
 * An item's standing on its agenda in words, in the default colour with an icon, as status lines are:
 * "✖️ Withdrawn from the agenda"; '' for an item still on it. The rule is domain/agenda-item.ts isWithdrawn.
 */
export const itemStandingText = (item: Pick<AgendaItem, 'withdrawnAt'>): string => (isWithdrawn(item) ? `${icons.withdrawn} Withdrawn from the agenda` : '');

/** A meeting that will not take place as set, in words: "🚫 This meeting has been cancelled."; '' otherwise. */
export const meetingStatusText = (meeting: Pick<Meeting, 'status'> | undefined): string =>
  meeting?.status === 'cancelled' ? '🚫 This meeting has been cancelled.'
    : meeting?.status === 'postponed' ? '⏸️ This meeting has been postponed: a new date will follow.' : '';
