import { z } from 'zod';
import { CalendarDate, Id, Instant, Source } from './common';

/** Cancelled and postponed come from ModernGov's <meetingstatus> (or an officer); postponed keeps its old date until a new one is known. */
export const MeetingStatus = z.enum(['scheduled', 'held', 'cancelled', 'postponed']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.object({
  id: Id,
  committeeId: Id,
  /** When the meeting starts, UTC; shown in Europe/London. */
  startsAt: Instant,
  venue: z.string().optional(),
  status: MeetingStatus.default('scheduled'),
  agendaPublishedAt: Instant.optional(),
  /**
   * The London date democratic services expect to publish the agenda, when they have said; without it the agenda is
   * expected by the statutory latest date (agenda-publication.ts). Never after the meeting's own date.
   */
  agendaExpectedOn: CalendarDate.optional(),
  source: Source.optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/** A meeting that will not take place when it was set: nothing about it is sent as if it would (agenda, reminder). */
export const isCalledOff = (meeting: Pick<Meeting, 'status'>): boolean => meeting.status === 'cancelled' || meeting.status === 'postponed';
