import { DomainError, type AuditEntry } from '../../domain';
import type { AuditFilter, Page, Store } from '../../store/port';

/**
 * The Admin's view of the audit log: newest first, filtered by who, what and when, a page at a time. A period that
 * ends before it starts is refused rather than answered with nothing, which would read as "nobody did anything".
 */
export async function listAuditEntries(
  filter: AuditFilter,
  paging: { readonly continuation?: string; readonly pageSize: number },
  store: Pick<Store, 'audit'>,
): Promise<Page<AuditEntry>> {
  if (filter.from !== undefined && filter.to !== undefined && filter.from.getTime() >= filter.to.getTime()) {
    throw new DomainError('invalid', `The period is empty: from (${filter.from.toISOString()}) must be before to (${filter.to.toISOString()}).`);
  }
  return store.audit.list(filter, paging.continuation, paging.pageSize);
}
