import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../domain/errors';
import {
  CONTAINER_TTL_SECONDS, type ContainerName, type CreateOutcome, type DeleteOutcome, type DocumentCollection, type DocumentDatabase,
  type DocumentEnvelope, type DocumentPage, type ReplaceOutcome, type StoredDocument,
} from '../documents/document-collection';
import { StoredDocumentError } from '../documents/stored-document-error';
import { checkCount, type CountQuery, type DocumentQuery } from '../documents/document-query';
import { countToSqlite, decodeContinuation, encodeContinuation, pruneSql, tableOf, tallyToSqlite, toSqlite } from './query-to-sqlite';
import { CREATE_SCHEMA, SCHEMA_VERSION } from './sqlite-schema';

export interface EmbeddedStoreOptions {
  /** Directory for the database file; created if absent. */
  readonly dataDir: string;
  /** Defaults to cabinet.db. */
  readonly fileName?: string;
  /** How long a write waits for another process's write lock (CLI and bot may share the file). Default 5000. */
  readonly busyTimeoutMs?: number;
  /** Told when the folder held no store and a new, empty one was created (the bot logs it). */
  readonly onNewStore?: (file: string) => void;
}

export const DEFAULT_FILE_NAME = 'cabinet.db';

/**
 * Containers whose writes are committed without a sync of the log (synchronous=NORMAL for that commit; every other
 * write is synced: FULL). Only `activities`: the claim that de-duplicates Teams' re-deliveries, written on every turn.
 * Synced, it held the event loop for the disk's flush on every message (the one write of a status turn); unsynced it
 * still survives a crash or kill of the bot, and only a power cut in the following moment can lose it, after which
 * Teams' re-delivery of that one message would be answered twice. Nothing a member or officer did is in it.
 */
export const UNSYNCED_CONTAINERS: ReadonlySet<ContainerName> = new Set<ContainerName>(['activities']);

/** Distinct query texts kept prepared; past this the cache starts again (query shapes are few: it never should). */
const PREPARED_QUERY_LIMIT = 500;

/** Expired documents are pruned during a write to their container, at most this often per open store. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export const databaseFile = (options: EmbeddedStoreOptions): string => join(options.dataDir, options.fileName ?? DEFAULT_FILE_NAME);

/** Written beside the database when it is created: its presence says a store is expected here. */
export const storeMarkerFile = (options: EmbeddedStoreOptions): string => `${databaseFile(options)}.expected`;

const MARKER_TEXT = (file: string): string =>
  `This folder holds the Cabinet bot's embedded store, ${file}.\n` +
  'While this file is here and the store is not, the bot refuses to start rather than begin again with an empty store:\n' +
  'restore the store from a backup, or delete this file to start afresh with an empty one.\n';

/**
 * Refuses to open a folder whose store is expected (its marker is there) but missing: a volume that was not
 * mounted, or a file deleted by mistake, must not quietly become an empty store. Otherwise answers whether the
 * store is new.
 */
function checkExpectedStore(file: string, marker: string): { isNew: boolean } {
  if (existsSync(file)) return { isNew: false };
  if (existsSync(marker)) {
    throw new DomainError('unavailable',
      `The embedded store ${file} is missing, but ${marker} says one was created here. Restore ${file} from a backup ` +
        `(or check that DATA_DIR points at the right folder and its volume is mounted); to start with an empty store instead, delete ${marker}.`,
      { file, marker });
  }
  return { isNew: true };
}

/** Which file a path names now: device and inode, to notice the file being deleted or replaced under an open handle. */
const fileIdentity = (file: string): string | undefined => {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
};

interface Row {
  pk: string;
  id: string;
  etag: string;
  body: string;
  [sortColumn: `sort${number}`]: unknown;
}

/** SQLite reports a busy lock or a closed handle as plain errors; to callers both mean "try again later". */
const unavailable = (file: string, error: unknown): never => {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if ((typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || /database connection is not open/.test(message)) {
    throw new DomainError('unavailable', `The embedded store ${file} is unavailable: ${message}`, { cause: error });
  }
  throw error;
};

const decodeRow = (container: ContainerName, row: Row): StoredDocument => {
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch (error) {
    throw new StoredDocumentError(container, row.id, row.pk, [`its body is not JSON (${(error as Error).message})`]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StoredDocumentError(container, row.id, row.pk, ['its body is not a JSON object']);
  }
  return { container, pk: row.pk, id: row.id, etag: row.etag, body: body as Record<string, unknown> };
};

export interface SqliteDocumentDatabase extends DocumentDatabase {
  readonly file: string;
  /** SQLite's plan for a query, one line per step: for checking that hot paths use their index. */
  queryPlan(container: ContainerName, query: DocumentQuery): string[];
  /** The same for a count. */
  countPlan(container: ContainerName, query: CountQuery): string[];
  /** The same for a tally (changeMarker). */
  tallyPlan(container: ContainerName, types: readonly string[], sumOf: string): string[];
  /** The same for pruning an expiring container. */
  prunePlan(container: ContainerName): string[];
}

/**
 * A document database in one SQLite file, with Cosmos DB's semantics: a new random ETag on every write, create that
 * reports the existing document, replace that succeeds only on the ETag it was given.
 */
export const openSqliteDocumentDatabase = (options: EmbeddedStoreOptions): SqliteDocumentDatabase => {
  mkdirSync(options.dataDir, { recursive: true });
  const file = databaseFile(options);
  const marker = storeMarkerFile(options);
  const { isNew } = checkExpectedStore(file, marker);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is synced at every commit, so a write we reported survives a crash or power cut, not just kill -9.
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${file} was written by a newer version (schema ${version}; this one knows ${SCHEMA_VERSION})`);
    }
    db.exec(CREATE_SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    // A store from before the marker existed gets one now, so that from here on its loss is noticed too.
    if (!existsSync(marker)) writeFileSync(marker, MARKER_TEXT(file));
  } catch (error) {
    db.close();
    throw error;
  }
  if (isNew) options.onNewStore?.(file);

  /**
   * The file this connection writes to. If the path comes to name another file (deleted, replaced, restored over
   * it), the handle would go on writing to a file nobody can open again: every write from then on would be lost
   * at the next restart. Once noticed, writes are refused until an operator restarts the bot.
   */
  const identity = fileIdentity(file);
  let lostReason: string | undefined;
  const checkFileIsOurs = (): void => {
    if (lostReason === undefined) {
      const now = fileIdentity(file);
      if (now !== identity) lostReason = now === undefined ? 'was deleted' : 'was replaced by another file';
    }
    if (lostReason !== undefined) {
      throw new DomainError('unavailable',
        `The embedded store's file ${file} ${lostReason} while the bot was running, so nothing written now could be kept. ` +
          'Writes are refused until an operator restores the file and restarts the bot.',
        { file });
    }
  };

  /** A table's statements: `documents`, or `key_value_documents` for the key-value containers (query-to-sqlite.ts). */
  const statementsOn = (table: 'documents' | 'key_value_documents') => ({
    insert: db.prepare(
      `INSERT INTO ${table} (container, pk, id, type, etag, body, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, pk, id) DO NOTHING`,
    ),
    upsert: db.prepare(
      `INSERT INTO ${table} (container, pk, id, type, etag, body, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, pk, id) DO UPDATE SET
         type = excluded.type, etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at`,
    ),
    replace: db.prepare(
      `UPDATE ${table} SET type = ?, etag = ?, body = ?, updated_at = ?
       WHERE container = ? AND pk = ? AND id = ? AND etag = ?`,
    ),
    read: db.prepare<[string, string, string], Row>(`SELECT pk, id, etag, body FROM ${table} WHERE container = ? AND pk = ? AND id = ?`),
    delete: db.prepare(`DELETE FROM ${table} WHERE container = ? AND pk = ? AND id = ? AND etag = ?`),
    // Keyset paging along the primary key (container, pk, id): each page is a range read of the key index.
    scanFirst: db.prepare<[string, number], Row>(`SELECT pk, id, etag, body FROM ${table} WHERE container = ? ORDER BY pk, id LIMIT ?`),
    scanAfter: db.prepare<[string, string, string, number], Row>(
      `SELECT pk, id, etag, body FROM ${table} WHERE container = ? AND (pk, id) > (?, ?) ORDER BY pk, id LIMIT ?`,
    ),
  });
  const tables = { documents: statementsOn('documents'), key_value_documents: statementsOn('key_value_documents') };
  const heartbeat = db.prepare(
    `INSERT INTO store_meta (key, value) VALUES ('last_ping', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  /** Queries are built from a few shapes (toSqlite): each distinct SQL text is prepared once, not on every call. */
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  const statementFor = (sql: string): Database.Statement<unknown[]> => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      if (prepared.size >= PREPARED_QUERY_LIMIT) prepared.clear();
      statement = db.prepare<unknown[]>(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  const syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
  const syncFull = db.prepare('PRAGMA synchronous = FULL');
  /**
   * A write to a container of UNSYNCED_CONTAINERS, committed without waiting for the disk: it survives the bot's
   * crash or kill (WAL), and the next synced commit makes it durable with everything before it, but a power cut
   * within that moment may lose it. synchronous is per connection and this connection is used by one thread only,
   * so the setting holds for exactly this write.
   */
  const withoutSync = <T>(work: () => T): T => {
    syncNormal.run();
    try {
      return work();
    } finally {
      syncFull.run();
    }
  };

  // better-sqlite3 is synchronous; the port is not. A throw becomes a rejection, busy/closed become 'unavailable'.
  const guard = <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve) => resolve(work())).catch((error: unknown) => unavailable(file, error));
  /** Every write goes through this: a write is never confirmed when the file it went to is no longer the store. */
  const guardWrite = <T>(work: () => T): Promise<T> =>
    guard(() => {
      checkFileIsOurs();
      return work();
    });

  const collection = (name: ContainerName): DocumentCollection => {
    /**
     * Cosmos DB's defaultTtl, emulated: delete this container's documents last written longer ago than its TTL.
     * `updated_at` is an ISO instant in UTC with milliseconds, so string order is time order. The statement is
     * pruneSql's, which names its expiry index (query-to-sqlite.ts).
     */
    const ttlSeconds = CONTAINER_TTL_SECONDS[name];
    const statements = tables[tableOf(name)];
    const committed = <T>(work: () => T): T => (UNSYNCED_CONTAINERS.has(name) ? withoutSync(work) : work());
    let prune: Database.Statement<[string]> | undefined;
    let lastPruneMs = Number.NEGATIVE_INFINITY;
    const pruneExpired = (): void => {
      if (ttlSeconds === undefined) return;
      const now = Date.now();
      if (now - lastPruneMs < PRUNE_INTERVAL_MS) return;
      prune ??= db.prepare<[string]>(pruneSql(name));
      prune.run(new Date(now - ttlSeconds * 1000).toISOString());
      lastPruneMs = now;
    };

    const read = (pk: string, id: string): StoredDocument | undefined => {
      const row = statements.read.get(name, pk, id);
      return row === undefined ? undefined : decodeRow(name, row);
    };
    const rowValues = (d: DocumentEnvelope, etag: string) =>
      [name, d.pk, d.id, d.type, etag, JSON.stringify(d), new Date().toISOString()] as const;

    const create = (document: DocumentEnvelope): CreateOutcome => {
      const etag = randomUUID();
      if (statements.insert.run(...rowValues(document, etag)).changes === 1) return { created: true, etag };
      const existing = read(document.pk, document.id);
      if (existing === undefined) throw new Error(`${name}/${document.id} was reported present and then not found`);
      return { created: false, existing };
    };
    const replace = (document: DocumentEnvelope, etag: string): ReplaceOutcome => {
      const newEtag = randomUUID();
      const changes = statements.replace.run(
        document.type, newEtag, JSON.stringify(document), new Date().toISOString(), name, document.pk, document.id, etag,
      ).changes;
      if (changes === 1) return { outcome: 'replaced', etag: newEtag };
      return read(document.pk, document.id) === undefined ? { outcome: 'not-found' } : { outcome: 'conflict' };
    };
    // One transaction, so one sync of the log (synchronous=FULL) for the lot: a sync per document would hold up the
    // event loop for milliseconds each, thousands of times in a large fan-out.
    const createMany = db.transaction((documents: readonly DocumentEnvelope[]) => documents.map(create));
    const replaceMany = db.transaction((items: ReadonlyArray<{ readonly document: DocumentEnvelope; readonly etag: string }>) =>
      items.map((i) => replace(i.document, i.etag)),
    );

    return {
      name,
      create: (document) =>
        guardWrite((): CreateOutcome =>
          committed(() => {
            pruneExpired();
            return create(document);
          })),
      createMany: (documents) =>
        guardWrite((): CreateOutcome[] =>
          committed(() => {
            pruneExpired();
            return createMany(documents);
          })),
      read: (pk, id) => guard(() => read(pk, id)),
      replace: (document, etag) => guardWrite(() => replace(document, etag)),
      replaceMany: (items) => guardWrite(() => replaceMany(items)),
      upsert: (document) =>
        guardWrite(() =>
          committed(() => {
            pruneExpired();
            const etag = randomUUID();
            statements.upsert.run(...rowValues(document, etag));
            return etag;
          })),
      delete: (pk, id, etag) =>
        guardWrite((): DeleteOutcome => {
          if (statements.delete.run(name, pk, id, etag).changes === 1) return 'deleted';
          return read(pk, id) === undefined ? 'not-found' : 'conflict';
        }),
      query: (query: DocumentQuery) =>
        guard((): DocumentPage => {
          const plan = toSqlite(name, query);
          const rows = statementFor(plan.sql).all(...plan.params) as Row[];
          if (plan.pageSize === undefined || rows.length <= plan.pageSize) {
            return { documents: rows.map((r) => decodeRow(name, r)) };
          }
          const page = rows.slice(0, plan.pageSize);
          const last = page[page.length - 1] as Row;
          const after = plan.keys.map((k, i) => {
            const value = last[`sort${i}`];
            if (typeof value !== 'string' && typeof value !== 'number') {
              throw new Error(`Paging ${name} by ${k.expression} needs that field on every document; ${last.id} has none`);
            }
            return value;
          });
          return { documents: page.map((r) => decodeRow(name, r)), continuation: encodeContinuation(after) };
        }),
      count: (query) =>
        guard(() => {
          const plan = countToSqlite(name, query);
          return (statementFor(plan.sql).get(...plan.params) as { n: number } | undefined)?.n ?? 0;
        }),
      scan: ({ size, continuation }) =>
        guard((): DocumentPage => {
          checkCount('A scan page size', size);
          const after = continuation === undefined ? undefined : decodeContinuation(continuation, 2);
          const rows = after === undefined
            ? statements.scanFirst.all(name, size + 1)
            : statements.scanAfter.all(name, String(after[0]), String(after[1]), size + 1);
          const page = rows.slice(0, size);
          const last = page[page.length - 1];
          const documents = page.map((r) => decodeRow(name, r));
          return rows.length > size && last !== undefined ? { documents, continuation: encodeContinuation([last.pk, last.id]) } : { documents };
        }),
      tally: (types, sumOf) =>
        guard(() => {
          const plan = tallyToSqlite(name, types, sumOf);
          const row = db.prepare<unknown[], { n: number; s: number; bad: number }>(plan.sql).get(...plan.params);
          if (row === undefined) throw new Error(`Tally of ${name} answered no row`);
          if (row.bad > 0) throw new Error(`Tally of ${name}: ${row.bad} document(s) of ${types.join(', ')} hold a ${sumOf} that is not a number`);
          return { count: row.n, sum: row.s };
        }),
    };
  };

  const collections = new Map<ContainerName, DocumentCollection>();
  return {
    file,
    queryPlan: (container, query) => {
      const plan = toSqlite(container, query);
      return db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params).map((r) => r.detail);
    },
    countPlan: (container, query) => {
      const plan = countToSqlite(container, query);
      return db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params).map((r) => r.detail);
    },
    tallyPlan: (container, types, sumOf) => {
      const plan = tallyToSqlite(container, types, sumOf);
      return db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params).map((r) => r.detail);
    },
    prunePlan: (container) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${pruneSql(container)}`)
        .all(new Date().toISOString())
        .map((r) => r.detail),
    collection: (name) => {
      let c = collections.get(name);
      if (c === undefined) collections.set(name, (c = collection(name)));
      return c;
    },
    ping: async () => {
      if (!db.open) throw new Error(`The embedded store ${file} is closed`);
      // The open handle keeps working on a deleted file, but everything written from then on would be lost.
      checkFileIsOurs();
      try {
        heartbeat.run(new Date().toISOString());
      } catch (error) {
        throw new Error(`The embedded store ${file} does not take writes: ${(error as Error).message}`, { cause: error });
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
};

/** PRAGMA integrity_check on the file: [] when healthy, else SQLite's findings. For tests and an operator's check. */
export const checkEmbeddedStoreIntegrity = (options: EmbeddedStoreOptions): string[] => {
  const db = new Database(databaseFile(options), { readonly: true, fileMustExist: true });
  try {
    const findings = db.pragma('integrity_check') as { integrity_check: string }[];
    return findings.map((f) => f.integrity_check).filter((f) => f !== 'ok');
  } finally {
    db.close();
  }
};
