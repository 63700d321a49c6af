import { DomainError, notFound, type ConversationRecord } from '../../domain';
import type { ConversationStore } from '../port';
import type { TypedDocuments } from './typed-documents';

/** Concurrent refreshes of one conversation are rare; a few re-reads settle them. */
const MAX_ATTEMPTS = 5;

export const conversationStore = (conversations: TypedDocuments<ConversationRecord>): ConversationStore => ({
  upsert: (record) => conversations.upsert(record),
  get: (id) => conversations.get(id, id),
  // A member has a handful of conversations: sorted here, so the store can use its index on memberId.
  listByMember: async (memberId) =>
    (await conversations.values({ where: [{ path: 'data.memberId', op: '=', value: memberId }] })).sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    ),
  listByAadObjectId: (aadObjectId) =>
    conversations.query({ where: [{ path: 'ix.aadObjectIdKey', op: '=', value: aadObjectId.toLowerCase() }] }),
  listTeamChannels: () => conversations.values({ where: [{ path: 'data.kind', op: '=', value: 'channel' }] }),
  listPersonal: () => conversations.values({ where: [{ path: 'data.kind', op: '=', value: 'personal' }] }),
  replace: (record, etag) => conversations.replace(record, etag),
  remove: (record) => conversations.remove(record.value, record.etag),
  markUnreachable: async (id, at) => {
    for (let attempt = 1; ; attempt++) {
      const current = await conversations.get(id, id);
      if (current === undefined) throw notFound('conversation', id);
      // A refresh (reinstall) recorded after this failure wins: the failure is older news.
      if (Date.parse(current.value.updatedAt) > Date.parse(at)) return;
      if (!current.value.reachable && current.value.updatedAt === at) return;
      try {
        await conversations.replace({ ...current.value, reachable: false, updatedAt: at }, current.etag);
        return;
      } catch (error) {
        const lostRace = error instanceof DomainError && error.code === 'conflict';
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  },
});
