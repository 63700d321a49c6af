import { z } from 'zod';
import { Id, Name } from './common';

export const CommitteeKind = z.enum(['cabinet', 'council', 'scrutiny', 'regulatory', 'other']);
export type CommitteeKind = z.infer<typeof CommitteeKind>;

export const Committee = z.object({
  id: Id,
  name: Name,
  kind: CommitteeKind,
  /** Clear working days in which scrutiny may call in a decision of this committee (by the council's constitution). */
  callInWorkingDays: z.number().int().min(0).max(30).default(5),
  /** ModernGov committee id (its CId, digits), where known. */
  externalId: z.string().regex(/^\d{1,12}$/, 'must be ModernGov\'s committee id: digits').optional(),
});
export type Committee = z.infer<typeof Committee>;
