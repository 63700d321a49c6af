import type { AgendaItem } from '../../domain';
import type { AgendaItemStore } from '../port';
import { byAgendaOrder } from './agenda-order';
import { pageSizeOf } from './page-size';
import { findBySource } from './source-lookup';
import type { TypedDocuments } from './typed-documents';

export const agendaItemStore = (items: TypedDocuments<AgendaItem>): AgendaItemStore => ({
  create: (item) => items.create(item),
  createMany: (batch) => items.createMany(batch),
  get: (committeeId, id) => items.get(committeeId, id),
  findById: (id) => items.only({ where: [{ path: 'id', op: '=', value: items.documentId(id) }] }),
  replace: (item, etag) => items.replace(item, etag),
  // Sorted here, not in the query: agenda numbers ("5a", "10") do not sort as strings, and an agenda is short.
  listByMeeting: async (committeeId, meetingId) =>
    (await items.values({ partitionKey: committeeId, where: [{ path: 'data.meetingId', op: '=', value: meetingId }] }))
      .sort(byAgendaOrder),
  findBySource: (key) => findBySource(items, key),
  listAll: async (continuation, pageSize) =>
    items.page({ orderBy: { path: 'id', direction: 'asc' } }, continuation, pageSizeOf(pageSize)),
});
