import { z } from 'zod';
import { Id, Instant, Source } from './common';

export const MeetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.object({
  id: Id,
  committeeId: Id,
  /** When the meeting starts, UTC; shown in Europe/London. */
  startsAt: Instant,
  venue: z.string().optional(),
  status: MeetingStatus.default('scheduled'),
  agendaPublishedAt: Instant.optional(),
  source: Source.optional(),
});
export type Meeting = z.infer<typeof Meeting>;
