/**
 * A query both adapters can run: AND of simple conditions over document fields, one ORDER BY field, TOP, and
 * continuation paging. Deliberately small, so each adapter translates it completely (Cosmos SQL, SQLite json_extract)
 * and the contract suite can hold them to the same answers. No OR: SQLite would scan rather than use two indexes,
 * so a lookup by either of two keys is two lookups.
 */

/** A dotted path into the envelope: `pk`, `id`, `type`, `data.meetingId`, `ix.startsAtMs`. */
export type FieldPath = string;
export type Scalar = string | number | boolean;

export type Condition =
  | { readonly path: FieldPath; readonly op: '=' | '<' | '<=' | '>' | '>='; readonly value: Scalar }
  /** The array at `path` holds `value`. */
  | { readonly path: FieldPath; readonly op: 'contains'; readonly value: Scalar }
  /**
   * The field equals one of `values` (SQL IN): one field, so each adapter still answers it from that field's index
   * (unlike an OR of conditions on different fields). At least one value, at most 50.
   */
  | { readonly path: FieldPath; readonly op: 'in'; readonly values: readonly Scalar[] };

export interface DocumentQuery {
  /** Document type; always filtered. */
  readonly type: string;
  /** Single-partition when given; cross-partition otherwise. */
  readonly partitionKey?: string;
  readonly where?: readonly Condition[];
  /**
   * One field only: Cosmos DB needs a composite index for more. Ties come back in no promised order.
   * With paging, every matching document must have the field.
   */
  readonly orderBy?: { readonly path: FieldPath; readonly direction: 'asc' | 'desc' };
  /** At most this many documents in all (SQL TOP). */
  readonly limit?: number;
  /** One page of at most `size` documents, resuming after `continuation`. Without it, every match. */
  readonly page?: { readonly size: number; readonly continuation?: string };
}

/** The documents a count covers: a type, optionally one partition, and conditions (no order, no paging). */
export type CountQuery = Pick<DocumentQuery, 'type' | 'partitionKey' | 'where'>;

/** Paths are written by our code, never by users; checked anyway because adapters splice them into SQL. */
const SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;

export const pathSegments = (path: FieldPath): string[] => {
  const segments = path.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) throw new Error(`Query field path "${path}" is not a plain dotted path`);
  return segments;
};

/** The values of an `in` condition, checked: adapters splice one parameter per value into the query. */
export const checkInValues = (values: readonly Scalar[]): readonly Scalar[] => {
  if (values.length < 1 || values.length > 50) throw new Error(`An "in" condition takes 1 to 50 values, not ${values.length}`);
  return values;
};

export const checkCount = (what: string, n: number): number => {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${what} must be a positive whole number, not ${n}`);
  return n;
};
