import { z } from 'zod';
import { Id, Instant } from './common';

export const ConversationKind = z.enum(['personal', 'channel', 'groupChat']);
export type ConversationKind = z.infer<typeof ConversationKind>;

/**
 * A Teams conversation id, as Teams gives it: "a:1Abc..." (131 characters in a personal chat), "19:...@thread.tacv2"
 * with ";messageid=..." in a channel thread. Printable ASCII, no spaces, none of the characters a Cosmos DB id may
 * not hold (/ \\ ? #).
 */
export const TeamsConversationId = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII with no spaces')
  .regex(/^[^/\\?#]+$/, 'must not contain / \\ ? or #');

/**
 * Where the bot can reach someone (or a channel) proactively. `reference` is the channel's own
 * conversation reference, kept opaque here: only the Teams adapter reads it.
 */
export const ConversationRecord = z.object({
  id: TeamsConversationId,
  kind: ConversationKind,
  /** The member this personal chat belongs to; for channels and group chats, the installer where known. */
  memberId: Id.optional(),
  aadObjectId: z.string().uuid().optional(),
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  /** For channels: "Cabinet members / General", as Teams named them when the bot was added. */
  name: z.string().max(300).optional(),
  reference: z.record(z.unknown()),
  reachable: z.boolean(),
  updatedAt: Instant,
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;
