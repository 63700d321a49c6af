import { normaliseEmail, type Member } from '../../domain';
import type { MemberStore } from '../port';
import type { TypedDocuments } from './typed-documents';

const byName = { path: 'data.name', direction: 'asc' } as const;

export const memberStore = (members: TypedDocuments<Member>): MemberStore => ({
  create: (member) => members.create(member),
  get: (id) => members.get(id, id),
  upsert: (member) => members.upsert(member),
  replace: (member, etag) => members.replace(member, etag),
  // Identity lookups are cross-partition queries over the small members container (a council's roster).
  findByAadObjectId: (aadObjectId) =>
    members.only({
      where: [{ path: 'ix.aadObjectIdKey', op: '=', value: aadObjectId.toLowerCase() }],
    }),
  findByEmail: (email) =>
    members.only({
      where: [{ path: 'ix.emailKey', op: '=', value: normaliseEmail(email) }],
    }),
  listByCommittee: (committeeId) =>
    members.values({ where: [{ path: 'ix.committeeIds', op: 'contains', value: committeeId }], orderBy: byName }),
  list: () => members.values({ orderBy: byName }),
  listVersioned: () => members.query({ orderBy: byName }),
});
