import type { ActivityLedger } from '../port';
import type { ActivityClaim } from './document-kinds';
import type { TypedDocuments } from './typed-documents';

/**
 * A claim is one point create: the store's create-if-absent decides, so concurrent claims (one process or several
 * sharing the store) agree on exactly one winner. A losing claim reads the winner back (the document layer's create
 * does), which is one cheap point read on a path that only re-deliveries take.
 */
export const activityLedger = (claims: TypedDocuments<ActivityClaim>): ActivityLedger => ({
  claim: async (key, at) => (await claims.create({ key, at })).created,
});
