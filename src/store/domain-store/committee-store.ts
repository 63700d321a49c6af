import type { Committee } from '../../domain';
import type { CommitteeStore } from '../port';
import type { TypedDocuments } from './typed-documents';

const byName = { path: 'data.name', direction: 'asc' } as const;

export const committeeStore = (committees: TypedDocuments<Committee>): CommitteeStore => ({
  create: (committee) => committees.create(committee),
  get: (id) => committees.get(id, id),
  replace: (committee, etag) => committees.replace(committee, etag),
  // Cross-partition (one partition per committee), but a council has a few dozen committees.
  list: () => committees.values({ orderBy: byName }),
  listVersioned: () => committees.query({ orderBy: byName }),
});
