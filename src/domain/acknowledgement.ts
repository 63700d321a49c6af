import { z } from 'zod';
import { Id, Instant } from './common';

/**
 * A member's record that they received and read an agenda item. A governance record: one per member per item,
 * never edited, exportable. The member is whoever Teams authenticated, never whoever the card data names.
 */
export const Acknowledgement = z.object({
  agendaItemId: Id,
  committeeId: Id,
  memberId: Id,
  acknowledgedAt: Instant,
  /** Through which card: the Teams conversation and the message that held the card. */
  via: z.object({
    channel: z.enum(['teams', 'api']),
    conversationId: z.string().optional(),
    activityId: z.string().optional(),
  }),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;
