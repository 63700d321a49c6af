import { addCalendarDays, isWorkingDay, londonDateOf } from './call-in';
import type { Meeting } from './meeting';

/**
 * When a meeting's agenda is due. Local Government Act 1972 s.100B(3): the agenda and reports must be open to
 * inspection at least five clear days before the meeting. "Clear days" (s.100J / R v Swansea CC ex p Elitestone) leave
 * out the day of publication and the day of the meeting, and Saturdays, Sundays and bank holidays are not counted:
 * the same England and Wales working-day calendar as call-in (./call-in.ts, date-holidays).
 */
export const AGENDA_CLEAR_DAYS = 5;

/**
 * The latest day (yyyy-mm-dd) on which the agenda for a meeting on `meetingOn` (its London date) may be published:
 * a working day with AGENDA_CLEAR_DAYS working days strictly between it and the meeting, that is the sixth working
 * day before the meeting. (The law would allow a Sunday before the fifth clear day; councils publish on working days,
 * so the latest working day is the date a councillor can expect.) Tue 15 December 2026 -> Mon 7 December.
 */
export const latestAgendaPublicationDate = (meetingOn: string): string => {
  let day = meetingOn;
  for (let working = 0; working <= AGENDA_CLEAR_DAYS; ) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(day)) working += 1;
  }
  return day;
};

/**
 * When the agenda of a meeting not yet published is expected: the date democratic services gave (agendaExpectedOn),
 * else the statutory latest date. `statutory` says which, so the answer can say "by law, by ...".
 */
export const agendaExpectedBy = (meeting: Pick<Meeting, 'startsAt' | 'agendaExpectedOn'>): { readonly date: string; readonly statutory: boolean } =>
  meeting.agendaExpectedOn
    ? { date: meeting.agendaExpectedOn, statutory: false }
    : { date: latestAgendaPublicationDate(londonDateOf(meeting.startsAt)), statutory: true };
