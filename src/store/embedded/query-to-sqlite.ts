import { DomainError } from '../../domain/errors';
import type { ContainerName } from '../documents/document-collection';
import { checkCount, checkInValues, pathSegments, type Condition, type CountQuery, type DocumentQuery, type FieldPath, type Scalar } from '../documents/document-query';

export type SqlValue = string | number;

export interface SqliteQuery {
  readonly sql: string;
  readonly params: SqlValue[];
  /** Columns (with direction) that order the rows; the last row's values make the continuation. */
  readonly keys: readonly { readonly expression: string; readonly direction: 'asc' | 'desc' }[];
  /** Rows asked for: one more than the page size, to know whether another page follows. */
  readonly pageSize?: number;
}

const COLUMNS = new Set(['id', 'pk', 'type']);

/** Same text as the expression indexes in sqlite-schema.ts, so SQLite can use them. */
export const expressionFor = (path: FieldPath): string =>
  COLUMNS.has(path) ? path : `json_extract(body, '$.${pathSegments(path).join('.')}')`;

// SQLite has no boolean; json_extract answers true/false as 1/0.
const sqlValue = (v: Scalar): SqlValue => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

const conditionSql = (c: Condition, params: SqlValue[]): string => {
  if (c.op === 'in') {
    const values = checkInValues(c.values);
    params.push(...values.map(sqlValue));
    return `${expressionFor(c.path)} IN (${values.map(() => '?').join(', ')})`;
  }
  params.push(sqlValue(c.value));
  if (c.op === 'contains') {
    return `EXISTS (SELECT 1 FROM json_each(body, '$.${pathSegments(c.path).join('.')}') AS e WHERE e.value = ?)`;
  }
  return `${expressionFor(c.path)} ${c.op} ?`;
};

/** Keyset continuation: the sort values of the last row returned. Opaque to callers. */
export const encodeContinuation = (after: readonly unknown[]): string =>
  Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');

export const decodeContinuation = (token: string, keyCount: number): SqlValue[] => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const after = (parsed as { after?: unknown }).after;
    if (Array.isArray(after) && after.length === keyCount && after.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return after as SqlValue[];
    }
  } catch {
    // fall through: any unreadable token is the caller's mistake, reported below
  }
  throw new DomainError('invalid', 'The continuation token is not one this store issued');
};

export interface SqliteTally {
  readonly sql: string;
  readonly params: SqlValue[];
}

/**
 * Containers used as key-value stores (point creates, reads and deletes by key, and the expiry prune; never queried
 * by a field): their rows go in `key_value_documents`, which has the primary key and the expiry index only. In
 * `documents` every write also maintains the dozen expression indexes of the other containers (sqlite-schema.ts): for
 * the activity claim written on every turn that was ~0.35 ms a write against ~0.05 ms without them. The embedded
 * store's version of Cosmos DB's indexing policy for `activities`, which indexes nothing (cosmos-containers.ts).
 */
export const KEY_VALUE_CONTAINERS: ReadonlySet<ContainerName> = new Set<ContainerName>(['activities']);

/** The table a container's rows are in. */
export const tableOf = (container: ContainerName): 'documents' | 'key_value_documents' =>
  KEY_VALUE_CONTAINERS.has(container) ? 'key_value_documents' : 'documents';

/**
 * Count and sum in one statement; `bad` counts values that are present but not numbers (Cosmos DB's SUM answers
 * undefined for those, so both adapters treat them as an error). The field is written exactly as the
 * documents_revisions index has it, so SQLite answers from the index without reading a body.
 */
export const tallyToSqlite = (container: ContainerName, types: readonly string[], sumOf: FieldPath): SqliteTally => {
  if (types.length === 0) throw new Error('A tally needs at least one document type');
  const field = expressionFor(sumOf);
  const sql =
    `SELECT COUNT(*) AS n, COALESCE(SUM(${field}), 0) AS s, ` +
    `COUNT(${field}) - COUNT(CASE WHEN typeof(${field}) IN ('integer', 'real') THEN 1 END) AS bad ` +
    `FROM ${tableOf(container)} WHERE container = ? AND type IN (${types.map(() => '?').join(', ')})`;
  return { sql, params: [container, ...types] };
};

/**
 * Deletes a container's documents written before the bound instant, through that container's partial index
 * documents_expiry_<container> (sqlite-schema.ts), or key_value_documents_expiry for a key-value container. The container is a literal, not a parameter, because a partial
 * index serves only a query that names its condition; INDEXED BY because the planner, without statistics, would
 * otherwise take another index that starts with `container` and read all of that container's rows.
 */
export const pruneSql = (container: ContainerName): string => {
  if (!/^[a-z]+$/.test(container)) throw new Error(`Container name "${container}" cannot be spliced into SQL`);
  if (KEY_VALUE_CONTAINERS.has(container)) {
    return `DELETE FROM key_value_documents INDEXED BY key_value_documents_expiry WHERE container = '${container}' AND updated_at < ?`;
  }
  return `DELETE FROM documents INDEXED BY documents_expiry_${container} WHERE container = '${container}' AND updated_at < ?`;
};

/** The WHERE conditions (and their parameters) of a query or a count: container, type, partition, conditions. */
const whereOf = (container: ContainerName, query: CountQuery): { where: string[]; params: SqlValue[] } => {
  const params: SqlValue[] = [container, query.type];
  const where = ['container = ?', 'type = ?'];
  if (query.partitionKey !== undefined) {
    where.push('pk = ?');
    params.push(query.partitionKey);
  }
  for (const c of query.where ?? []) where.push(conditionSql(c, params));
  return { where, params };
};

export const countToSqlite = (container: ContainerName, query: CountQuery): { readonly sql: string; readonly params: SqlValue[] } => {
  const { where, params } = whereOf(container, query);
  return { sql: `SELECT COUNT(*) AS n FROM ${tableOf(container)} WHERE ${where.join(' AND ')}`, params };
};

export const toSqlite = (container: ContainerName, query: DocumentQuery): SqliteQuery => {
  const { where, params } = whereOf(container, query);

  const keys: { expression: string; direction: 'asc' | 'desc' }[] = query.orderBy
    ? [{ expression: expressionFor(query.orderBy.path), direction: query.orderBy.direction }]
    : [];
  // Keyset paging needs a total order: (pk, id) is the primary key. Only then, because an ORDER BY the planner can
  // satisfy from an index tempts it away from the index that serves the WHERE clause.
  if (query.page) {
    for (const column of ['pk', 'id']) {
      if (!keys.some((k) => k.expression === column)) keys.push({ expression: column, direction: 'asc' });
    }
  }

  let pageSize: number | undefined;
  if (query.page && query.limit !== undefined) throw new Error('A document query takes a page or a limit, not both');
  if (query.page) {
    pageSize = checkCount('A page size', query.page.size);
    if (query.page.continuation !== undefined) {
      const after = decodeContinuation(query.page.continuation, keys.length);
      // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ...: row-value comparison, but each key with its own direction.
      const alternatives = keys.map((key, i) => {
        const equal = keys.slice(0, i).map((k) => `${k.expression} = ?`);
        return `(${[...equal, `${key.expression} ${key.direction === 'asc' ? '>' : '<'} ?`].join(' AND ')})`;
      });
      where.push(`(${alternatives.join(' OR ')})`);
      keys.forEach((_, i) => params.push(...after.slice(0, i), after[i] as SqlValue));
    }
  }

  const rowLimit = pageSize !== undefined ? pageSize + 1 : query.limit !== undefined ? checkCount('A limit', query.limit) : undefined;
  const sortColumns = keys.map((k, i) => `, ${k.expression} AS sort${i}`).join('');
  const orderBy = keys.length > 0 ? ` ORDER BY ${keys.map((k) => `${k.expression} ${k.direction.toUpperCase()}`).join(', ')}` : '';
  const sql =
    `SELECT pk, id, etag, body${sortColumns} FROM ${tableOf(container)} WHERE ${where.join(' AND ')}${orderBy}` +
    (rowLimit !== undefined ? ` LIMIT ${rowLimit}` : '');
  return { sql, params, keys, ...(pageSize !== undefined ? { pageSize } : {}) };
};
