import { randomUUID } from 'node:crypto';

/** A new audit entry's id: random, so entries spread over the log's partitions (store/domain-store/document-kinds.ts). */
export const newAuditEntryId = (): string => `a-${randomUUID()}`;
