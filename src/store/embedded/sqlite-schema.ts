/**
 * One table of documents, keyed like Cosmos DB (container, partition key, id), and expression indexes for the
 * queries that run on hot paths. An index is used only when a query's json_extract matches it exactly, which is
 * why query-to-sqlite.ts writes the same `json_extract(body, '$.path')` form.
 */
export const SCHEMA_VERSION = 1;

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  container  TEXT NOT NULL,
  pk         TEXT NOT NULL,
  id         TEXT NOT NULL,
  type       TEXT NOT NULL,
  etag       TEXT NOT NULL,
  body       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (container, pk, id)
) STRICT;

-- single-partition queries: a committee's meetings, a member's acknowledgements, a notification's deliveries
CREATE INDEX IF NOT EXISTS documents_by_partition ON documents (container, pk, type);
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
-- the scheduler's poll
CREATE INDEX IF NOT EXISTS documents_due ON documents (container, type, json_extract(body, '$.data.status'), json_extract(body, '$.ix.sendAtMs'));
-- recent decisions
CREATE INDEX IF NOT EXISTS documents_by_decided_on ON documents (container, type, json_extract(body, '$.data.decidedOn'));

-- ping() writes here to prove the file still takes writes.
CREATE TABLE IF NOT EXISTS store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
