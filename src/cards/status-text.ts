import type { OutcomeStatus, StatusDescription } from '../domain';
import { formatDayDate, formatLongDate } from './format-date';
import type { TextColour } from './rag';

export interface StatusText {
  /** The status in words, with its date where the status is a wait for a meeting:
   *  "Recommended to Council: awaiting Full Council, 21 July 2021". */
  readonly headline: string;
  /** What comes next and when: "Call-in period ends Tue 22 June 2021"; when nothing comes next, since when:
   *  "Since Tue 29 June 2021". */
  readonly next: string;
  readonly colour: TextColour;
}

/**
 * Statuses that wait for a meeting: their date is an appointment, part of the status itself, and written without a
 * weekday as agendas do. Every other date is a deadline, written with its weekday so nobody miscounts days.
 */
const awaitingMeeting: ReadonlySet<OutcomeStatus> = new Set(['awaiting-council']);

const colours: Record<OutcomeStatus, TextColour> = {
  scheduled: 'default',
  made: 'accent',
  'call-in-open': 'warning',
  effective: 'good',
  'called-in': 'attention',
  confirmed: 'good',
  'referred-back': 'attention',
  noted: 'good',
  'awaiting-council': 'warning',
  'approved-by-council': 'good',
  'amended-by-council': 'good',
  'rejected-by-council': 'attention',
  deferred: 'warning',
  withdrawn: 'default',
};

/** Formats a status computed elsewhere (domain/decision-status.ts); it decides nothing about the status itself. */
export const formatStatus = (d: StatusDescription): StatusText => {
  if (awaitingMeeting.has(d.status) && d.nextOn) {
    return { headline: `${d.label}, ${formatLongDate(d.nextOn)}`, next: '', colour: colours[d.status] };
  }
  // With nothing to come, "since when" is the useful second line.
  const next = d.next
    ? d.nextOn ? `${d.next} ${formatDayDate(d.nextOn)}` : d.next
    : d.since ? `Since ${formatDayDate(d.since)}` : '';
  return { headline: d.label, next, colour: colours[d.status] };
};
