import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { checkCount, pathSegments, type Condition, type DocumentQuery, type FieldPath } from '../documents/document-query';

/** Bracket notation, so a field named like a keyword (value, order, top) can never break the query. */
const property = (path: FieldPath): string => `c${pathSegments(path).map((s) => `["${s}"]`).join('')}`;

export const toCosmosSql = (query: DocumentQuery): SqlQuerySpec => {
  const parameters: SqlParameter[] = [{ name: '@type', value: query.type }];
  const param = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const condition = (c: Condition): string => {
    if (c.op === 'contains') return `ARRAY_CONTAINS(${property(c.path)}, ${param(c.value)})`;
    return `${property(c.path)} ${c.op} ${param(c.value)}`;
  };

  const where = ['c["type"] = @type'];
  // Also in the SQL, not only the request option: cosmosdb-server ignores the option, and it is right on Cosmos DB too.
  if (query.partitionKey !== undefined) where.push(`c["pk"] = ${param(query.partitionKey)}`);
  for (const c of query.where ?? []) where.push(condition(c));

  if (query.page && query.limit !== undefined) throw new Error('A document query takes a page or a limit, not both');
  const top = query.limit !== undefined ? `TOP ${checkCount('A limit', query.limit)} ` : '';
  const order = query.orderBy ? ` ORDER BY ${property(query.orderBy.path)} ${query.orderBy.direction.toUpperCase()}` : '';
  return { query: `SELECT ${top}* FROM c WHERE ${where.join(' AND ')}${order}`, parameters };
};
