import type { DueWork } from '../../domain';
import type { DueWorkStore } from '../port';
import { DUE_WORK_PARTITION } from './document-kinds';
import type { TypedDocuments } from './typed-documents';

export const dueWorkStore = (work: TypedDocuments<DueWork>): DueWorkStore => ({
  create: (w) => work.create(w),
  get: (id) => work.get(DUE_WORK_PARTITION, id),
  replace: (w, etag) => work.replace(w, etag),
  remove: (w) => work.remove(w.value, w.etag),
  // One partition holding only live work: the poll's cost does not grow with history. (The range condition holds for
  // every record; it lets the embedded store read them from its index of waiting documents, in order.)
  listEarliest: (limit) =>
    work.query({
      partitionKey: DUE_WORK_PARTITION,
      where: [{ path: 'ix.dueAtMs', op: '>=', value: 0 }],
      orderBy: { path: 'ix.dueAtMs', direction: 'asc' },
      limit,
    }),
});
