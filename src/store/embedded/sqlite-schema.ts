/**
 * One table of documents, keyed like Cosmos DB (container, partition key, id), and expression indexes for the
 * queries that run on hot paths. An index is used only when a query's json_extract matches it exactly, which is
 * why query-to-sqlite.ts writes the same `json_extract(body, '$.path')` form.
 */
import { CONTAINER_TTL_SECONDS, type ContainerName } from '../documents/document-collection';
import { KEY_VALUE_CONTAINERS } from './query-to-sqlite';

export const SCHEMA_VERSION = 1;

/**
 * Expiring containers (handled activities) are pruned by write time. A partial index per container keeps the prune a
 * range scan of that container's rows only; the prune statement names the container as a literal so SQLite can use it.
 */
const spliceable = (container: string): string => {
  if (!/^[a-z]+$/.test(container)) throw new Error(`Container name "${container}" cannot be spliced into SQL`);
  return container;
};
const expiryIndexes = (Object.keys(CONTAINER_TTL_SECONDS) as ContainerName[])
  .filter((container) => !KEY_VALUE_CONTAINERS.has(container))
  .map((container) => `CREATE INDEX IF NOT EXISTS documents_expiry_${spliceable(container)} ON documents (updated_at) WHERE container = '${container}';`)
  .join('\n');
const keyValueExpiryIndexesDropped = [...KEY_VALUE_CONTAINERS].map((container) => `DROP INDEX IF EXISTS documents_expiry_${spliceable(container)};`).join('\n');
const keyValueContainers = [...KEY_VALUE_CONTAINERS].map((container) => `'${spliceable(container)}'`).join(', ');

/** A table of documents keyed like Cosmos DB (container, partition key, id): `documents` and `key_value_documents`. */
const documentTable = (name: string): string => `CREATE TABLE IF NOT EXISTS ${name} (
  container  TEXT NOT NULL,
  pk         TEXT NOT NULL,
  id         TEXT NOT NULL,
  type       TEXT NOT NULL,
  etag       TEXT NOT NULL,
  body       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (container, pk, id)
) STRICT;`;

// New indexes are added with IF NOT EXISTS and need no version change: an older build ignores them.
export const CREATE_SCHEMA = `
${documentTable('documents')}

-- single-partition queries (a committee's meetings, a member's acknowledgements, a notification's deliveries), and
-- a notification's counts by status answered from the index alone (the officer's report, the progress card). It
-- replaces the index on (container, pk, type) alone, which it serves as well.
DROP INDEX IF EXISTS documents_by_partition;
CREATE INDEX IF NOT EXISTS documents_by_partition_and_status ON documents (container, pk, type, json_extract(body, '$.data.status'));
-- findById / listAll (cross-partition by document id)
CREATE INDEX IF NOT EXISTS documents_by_id ON documents (container, type, id, pk);
-- acknowledgements of an item (officer report); decision of an agenda item
CREATE INDEX IF NOT EXISTS documents_by_agenda_item ON documents (container, type, json_extract(body, '$.data.agendaItemId'));
-- re-import finds the record by source
CREATE INDEX IF NOT EXISTS documents_by_source_url ON documents (container, type, json_extract(body, '$.data.source.url'));
CREATE INDEX IF NOT EXISTS documents_by_source_external_id ON documents (container, type, json_extract(body, '$.data.source.externalId'));
-- who is this Teams user (every activity)
CREATE INDEX IF NOT EXISTS documents_by_aad_object_id ON documents (container, type, json_extract(body, '$.ix.aadObjectIdKey'));
CREATE INDEX IF NOT EXISTS documents_by_email ON documents (container, type, json_extract(body, '$.ix.emailKey'));
-- where to reach a member (every delivery)
CREATE INDEX IF NOT EXISTS documents_by_member ON documents (container, type, json_extract(body, '$.data.memberId'));
-- what is left to send of a notification, and the due-work poll: only waiting documents carry ix.dueAtMs, and only
-- they are in this partial index (a range condition on dueAtMs tells SQLite the value is not null)
DROP INDEX IF EXISTS documents_due;
CREATE INDEX IF NOT EXISTS documents_waiting ON documents (container, pk, type, json_extract(body, '$.ix.dueAtMs'))
  WHERE json_extract(body, '$.ix.dueAtMs') IS NOT NULL;
-- action plans with overdue actions (the daily sweep)
CREATE INDEX IF NOT EXISTS documents_by_open_due ON documents (container, type, json_extract(body, '$.ix.earliestOpenDueOn'));
-- recent decisions
CREATE INDEX IF NOT EXISTS documents_by_decided_on ON documents (container, type, json_extract(body, '$.data.decidedOn'));
-- The former changeMarker() aggregate's index (count and sum of write revisions). changeMarker() is now a point read;
-- the index stays for stores created before, and tally() can still use it.
CREATE INDEX IF NOT EXISTS documents_revisions ON documents (container, type, json_extract(body, '$.ix.revision'));
-- the audit log, newest first (the Admin's list and the retention purge: a range on the entry's time). Without
-- \`type\`: the audit container holds audit entries alone, and an index starting (container, type) would tempt the
-- planner away from documents_revisions for the change marker's count.
CREATE INDEX IF NOT EXISTS documents_audit_by_time ON documents (container, json_extract(body, '$.ix.atMs'));
-- pruning expired documents by write time (none at present: the activity claims are in key_value_documents)
${expiryIndexes}

-- ping() writes here to prove the file still takes writes.
CREATE TABLE IF NOT EXISTS store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Key-value containers (query-to-sqlite.ts KEY_VALUE_CONTAINERS: the activity claims) in a table of their own, with
-- no expression index to maintain on every write; rows a file holds from before are moved here once.
${documentTable('key_value_documents')}
CREATE INDEX IF NOT EXISTS key_value_documents_expiry ON key_value_documents (container, updated_at);
INSERT OR IGNORE INTO key_value_documents SELECT container, pk, id, type, etag, body, updated_at FROM documents WHERE container IN (${keyValueContainers});
DELETE FROM documents WHERE container IN (${keyValueContainers});
${keyValueExpiryIndexesDropped}
`;
