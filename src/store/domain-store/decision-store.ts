import { CalendarDate, DomainError, type Decision } from '../../domain';
import type { Condition } from '../documents/document-query';
import type { DecisionStore } from '../port';
import { pageSizeOf } from './page-size';
import { findBySource } from './source-lookup';
import type { TypedDocuments } from './typed-documents';

export const decisionStore = (decisions: TypedDocuments<Decision>): DecisionStore => ({
  create: (decision) => decisions.create(decision),
  createMany: (batch) => decisions.createMany(batch),
  get: (committeeId, id) => decisions.get(committeeId, id),
  findById: (id) => decisions.only({ where: [{ path: 'id', op: '=', value: decisions.documentId(id) }] }),
  replace: (decision, etag) => decisions.replace(decision, etag),
  findByAgendaItem: (committeeId, agendaItemId) =>
    decisions.only({
      partitionKey: committeeId,
      where: [{ path: 'data.agendaItemId', op: '=', value: agendaItemId }],
    }),
  findBySource: (key) => findBySource(decisions, key),
  listDecidedSince: async (since) => {
    // yyyy-mm-dd strings sort as dates, so the comparison can run in the store.
    if (!CalendarDate.safeParse(since).success) throw new DomainError('invalid', `"${since}" is not a date written yyyy-mm-dd`);
    return decisions.values({
      where: [{ path: 'data.decidedOn', op: '>=', value: since }],
      orderBy: { path: 'data.decidedOn', direction: 'desc' },
    });
  },
  listAll: async (continuation, pageSize) =>
    decisions.page({ orderBy: { path: 'id', direction: 'asc' } }, continuation, pageSizeOf(pageSize)),
  listPage: async ({ committeeId, since }, continuation, pageSize) => {
    const where: Condition[] = [];
    if (since !== undefined) {
      if (!CalendarDate.safeParse(since).success) throw new DomainError('invalid', `"${since}" is not a date written yyyy-mm-dd`);
      where.push({ path: 'data.decidedOn', op: '>=', value: since });
    }
    return decisions.page(
      { ...(committeeId !== undefined ? { partitionKey: committeeId } : {}), where, orderBy: { path: 'id', direction: 'asc' } },
      continuation,
      pageSizeOf(pageSize),
    );
  },
});
