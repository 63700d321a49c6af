import { z } from 'zod';
import { Id, Instant } from './common';

export const ConversationKind = z.enum(['personal', 'channel', 'groupChat']);
export type ConversationKind = z.infer<typeof ConversationKind>;

/**
 * Where the bot can reach someone (or a channel) proactively. `reference` is the channel's own
 * conversation reference, kept opaque here: only the Teams adapter reads it.
 */
export const ConversationRecord = z.object({
  id: Id,
  kind: ConversationKind,
  /** The member this personal chat belongs to; for channels and group chats, the installer where known. */
  memberId: Id.optional(),
  aadObjectId: z.string().optional(),
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  /** For channels: "Cabinet members / General", as Teams named them when the bot was added. */
  name: z.string().max(300).optional(),
  reference: z.record(z.unknown()),
  reachable: z.boolean(),
  updatedAt: Instant,
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;
