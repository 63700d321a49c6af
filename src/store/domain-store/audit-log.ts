import { DomainError, type AuditEntry } from '../../domain';
import type { Condition } from '../documents/document-query';
import type { AuditFilter, AuditLog } from '../port';
import { pageSizeOf } from './page-size';
import type { TypedDocuments } from './typed-documents';

const newestFirst = { path: 'ix.atMs', direction: 'desc' } as const;
/** Retention works through the log this many entries at a time. */
const RETENTION_PAGE = 200;

const instantMs = (at: Date, name: string): number => {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new DomainError('invalid', `${name} is not a valid instant`);
  return ms;
};

const conditionsOf = (filter: AuditFilter): Condition[] => {
  const where: Condition[] = [];
  if (filter.actor !== undefined) where.push({ path: 'ix.actorKey', op: '=', value: filter.actor.toLowerCase() });
  if (filter.actions !== undefined && filter.actions.length > 0) {
    where.push(filter.actions.length === 1 ? { path: 'data.action', op: '=', value: filter.actions[0]! } : { path: 'data.action', op: 'in', values: filter.actions });
  }
  if (filter.targetId !== undefined) where.push({ path: 'data.target.id', op: '=', value: filter.targetId });
  // Always a lower bound (the epoch when none is asked): a range on the time lets the embedded store read the log
  // newest first from documents_audit_by_time instead of sorting every entry; every entry is after it anyway.
  where.push({ path: 'ix.atMs', op: '>=', value: filter.from !== undefined ? instantMs(filter.from, 'from') : 0 });
  if (filter.to !== undefined) where.push({ path: 'ix.atMs', op: '<', value: instantMs(filter.to, 'to') });
  return where;
};

/**
 * The audit log over its collection. Append is a create (idempotent by id); nothing here replaces or deletes an entry
 * except the two retention operations, which the port names as such.
 */
export const auditLog = (entries: TypedDocuments<AuditEntry>): AuditLog => {
  /** Every entry matching, a page at a time, each with its ETag (retention's writes are guarded by it). */
  const eachPage = async function* (where: Condition[]) {
    // A fixed bound, not a page: the purge removes what it reads, so it asks for the first matches again.
    for (;;) {
      const batch = await entries.query({ where, limit: RETENTION_PAGE });
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < RETENTION_PAGE) return;
    }
  };
  return {
    append: async (entry) => {
      await entries.create(entry);
    },
    list: (filter, continuation, pageSize) =>
      entries.page({ where: conditionsOf(filter), orderBy: newestFirst }, continuation, pageSizeOf(pageSize)),
    purgeBefore: async (before) => {
      let removed = 0;
      for await (const batch of eachPage([{ path: 'ix.atMs', op: '<', value: instantMs(before, 'before') }])) {
        const results = await Promise.all(batch.map((e) => entries.remove(e.value, e.etag)));
        const done = results.filter(Boolean).length;
        removed += done;
        // Nothing removed from a full batch (each changed meanwhile): stop rather than read the same batch for ever.
        if (done === 0) break;
      }
      return removed;
    },
    anonymiseMember: async (memberId, name) => {
      let changed = 0;
      // A walk in time order: a rewrite keeps the entry's time, so the walk neither skips nor repeats one.
      const anonymise = async (where: Condition[], rewrite: (e: AuditEntry) => AuditEntry) => {
        let continuation: string | undefined;
        do {
          const page = await entries.versionedPage({ where, orderBy: newestFirst }, continuation, RETENTION_PAGE);
          for (const e of page.items) {
            const rewritten = rewrite(e.value);
            if (JSON.stringify(rewritten) === JSON.stringify(e.value)) continue;
            try {
              await entries.replace(rewritten, e.etag);
              changed++;
            } catch (error) {
              // Rewritten by another run meanwhile: the next run sees it.
              if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
            }
          }
          continuation = page.continuation;
        } while (continuation !== undefined);
      };
      // Their own acts: the member id stays (what the council's other records point to); the Entra object id and the
      // name go.
      await anonymise([{ path: 'data.actor.memberId', op: '=', value: memberId }], (e) => ({ ...e, actor: { id: memberId, name, memberId, via: e.actor.via } }));
      // Acts on them (the roster's entries about them), whose label was their name.
      await anonymise(
        [{ path: 'data.target.kind', op: '=', value: 'member' }, { path: 'data.target.id', op: '=', value: memberId }],
        (e) => ({ ...e, target: { ...e.target, label: name } }),
      );
      return changed;
    },
  };
};
