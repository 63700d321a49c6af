import { DomainError, type Meeting } from '../../domain';
import type { Condition } from '../documents/document-query';
import type { MeetingStore } from '../port';
import { pageSizeOf } from './page-size';
import type { TypedDocuments } from './typed-documents';

const checkLimit = (limit: number): number => {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new DomainError('invalid', `A limit must be a positive whole number, not ${limit}`);
  return limit;
};

const soonestFirst = { path: 'ix.startsAtMs', direction: 'asc' } as const;

export const meetingStore = (meetings: TypedDocuments<Meeting>): MeetingStore => ({
  create: (meeting) => meetings.create(meeting),
  get: (committeeId, id) => meetings.get(committeeId, id),
  findById: (id) => meetings.only({ where: [{ path: 'id', op: '=', value: meetings.documentId(id) }] }),
  replace: (meeting, etag) => meetings.replace(meeting, etag),
  // Every status, cancelled included: the caller decides what to show; the port promises time order only.
  listUpcoming: async (committeeId, from, limit) =>
    meetings.values({
      partitionKey: committeeId,
      where: [{ path: 'ix.startsAtMs', op: '>=', value: from.getTime() }],
      orderBy: soonestFirst,
      limit: checkLimit(limit),
    }),
  listByCommittee: (committeeId) => meetings.values({ partitionKey: committeeId, orderBy: soonestFirst }),
  // Cross-partition, in the background only (the meeting mirror's load, when the meetings marker moves). No ORDER BY:
  // the mirror keeps them by key, and an unordered listing needs no index on the sort path.
  listVersioned: () => meetings.query({}),
  listPage: async ({ committeeId, from, to }, continuation, pageSize) => {
    const where: Condition[] = [];
    if (from !== undefined) where.push({ path: 'ix.startsAtMs', op: '>=', value: instantMs(from, 'from') });
    if (to !== undefined) where.push({ path: 'ix.startsAtMs', op: '<', value: instantMs(to, 'to') });
    return meetings.page(
      { ...(committeeId !== undefined ? { partitionKey: committeeId } : {}), where, orderBy: soonestFirst },
      continuation,
      pageSizeOf(pageSize),
    );
  },
});

const instantMs = (at: Date, name: string): number => {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new DomainError('invalid', `${name} is not a valid instant`);
  return ms;
};
