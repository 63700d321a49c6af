import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { checkCount, checkInValues, pathSegments, type Condition, type CountQuery, type DocumentQuery, type FieldPath } from '../documents/document-query';

/** Bracket notation, so a field named like a keyword (value, order, top) can never break the query. */
const property = (path: FieldPath): string => `c${pathSegments(path).map((s) => `["${s}"]`).join('')}`;

/** The WHERE conditions (and their parameters) of a query or a count. */
const whereOf = (query: CountQuery): { where: string[]; parameters: SqlParameter[] } => {
  const parameters: SqlParameter[] = [{ name: '@type', value: query.type }];
  const param = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const condition = (c: Condition): string => {
    if (c.op === 'contains') return `ARRAY_CONTAINS(${property(c.path)}, ${param(c.value)})`;
    if (c.op === 'in') return `${property(c.path)} IN (${checkInValues(c.values).map((v) => param(v)).join(', ')})`;
    return `${property(c.path)} ${c.op} ${param(c.value)}`;
  };

  const where = ['c["type"] = @type'];
  // Also in the SQL, not only the request option: cosmosdb-server ignores the option, and it is right on Cosmos DB too.
  if (query.partitionKey !== undefined) where.push(`c["pk"] = ${param(query.partitionKey)}`);
  for (const c of query.where ?? []) where.push(condition(c));
  return { where, parameters };
};

export const toCosmosSql = (query: DocumentQuery): SqlQuerySpec => {
  const { where, parameters } = whereOf(query);
  if (query.page && query.limit !== undefined) throw new Error('A document query takes a page or a limit, not both');
  const top = query.limit !== undefined ? `TOP ${checkCount('A limit', query.limit)} ` : '';
  const order = query.orderBy ? ` ORDER BY ${property(query.orderBy.path)} ${query.orderBy.direction.toUpperCase()}` : '';
  return { query: `SELECT ${top}* FROM c WHERE ${where.join(' AND ')}${order}`, parameters };
};

/** A count within the query's conditions: a VALUE aggregate, answered from the index. */
export const countToCosmosSql = (query: CountQuery): SqlQuerySpec => {
  const { where, parameters } = whereOf(query);
  return { query: `SELECT VALUE COUNT(1) FROM c WHERE ${where.join(' AND ')}`, parameters };
};

/**
 * Count and sum in one aggregate query, across partitions. No GROUP BY (the test server lacks it); two aggregates in
 * one SELECT are a "non-value aggregate", which Cosmos DB, the SDK and cosmosdb-server all support.
 */
export const tallyToCosmosSql = (types: readonly string[], sumOf: FieldPath): SqlQuerySpec => {
  if (types.length === 0) throw new Error('A tally needs at least one document type');
  const parameters: SqlParameter[] = types.map((value, i) => ({ name: `@t${i}`, value }));
  return {
    query: `SELECT COUNT(1) AS n, SUM(${property(sumOf)}) AS s FROM c WHERE c["type"] IN (${parameters.map((p) => p.name).join(', ')})`,
    parameters,
  };
};

/** Documents of these types whose field is present but not a number (which makes Cosmos DB's SUM undefined). */
export const nonNumbersToCosmosSql = (types: readonly string[], path: FieldPath): SqlQuerySpec => {
  const parameters: SqlParameter[] = types.map((value, i) => ({ name: `@t${i}`, value }));
  const field = property(path);
  return {
    query:
      `SELECT VALUE COUNT(1) FROM c WHERE c["type"] IN (${parameters.map((p) => p.name).join(', ')}) ` +
      `AND IS_DEFINED(${field}) AND NOT IS_NUMBER(${field})`,
    parameters,
  };
};
