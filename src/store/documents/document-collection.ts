/**
 * The small layer under the domain-shaped Store: a collection of JSON documents with Cosmos DB semantics
 * (partition key, document id, ETag per write). Each adapter implements it once (SQLite table, Cosmos container);
 * the one Store implementation in ../domain-store is written against it, so both adapters behave alike.
 */
import type { CountQuery, DocumentQuery, FieldPath } from './document-query';

/** Cosmos DB containers; the embedded adapter keeps them as a column of one table. All partition on `/pk`. */
export const CONTAINER_NAMES = ['business', 'members', 'conversations', 'notifications', 'activities', 'work', 'audit'] as const;
export type ContainerName = (typeof CONTAINER_NAMES)[number];

/**
 * Containers whose documents expire this many seconds after their last write (Cosmos DB `defaultTtl`). Cosmos DB
 * deletes them itself; the embedded adapter prunes them during writes to the container (at most once an hour).
 * Expiry is a housekeeping promise only: code must not depend on when exactly an expired document disappears.
 */
export const CONTAINER_TTL_SECONDS: Readonly<Partial<Record<ContainerName, number>>> = {
  // Handled Teams activities: re-deliveries come within seconds; two days is ample.
  activities: 2 * 24 * 60 * 60,
};

/** Values stored beside the domain value for queries to filter and sort on. */
export type IndexValue = string | number | boolean | readonly string[];

/**
 * What is written. The domain value sits under `data`, untouched, so that the document id (`agendaItem:<id>`)
 * and our own fields never collide with the domain's fields and stripping them is a matter of taking `data`.
 */
export interface DocumentEnvelope {
  /** `${type}:${key}`, unique within a partition. */
  readonly id: string;
  readonly pk: string;
  readonly type: string;
  /** Derived values queries need (instants as epoch ms, lower-cased email, ids lifted out of arrays). */
  readonly ix: Readonly<Record<string, IndexValue>>;
  readonly data: unknown;
}

/** A document as read back: untrusted until the domain layer validates it. System fields (_etag, _rid ...) removed. */
export interface StoredDocument {
  readonly container: ContainerName;
  readonly pk: string;
  readonly id: string;
  readonly etag: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export type CreateOutcome =
  | { readonly created: true; readonly etag: string }
  | { readonly created: false; readonly existing: StoredDocument };

export type ReplaceOutcome =
  | { readonly outcome: 'replaced'; readonly etag: string }
  | { readonly outcome: 'conflict' }
  | { readonly outcome: 'not-found' };

export type DeleteOutcome = 'deleted' | 'conflict' | 'not-found';

export interface DocumentPage {
  readonly documents: StoredDocument[];
  readonly continuation?: string;
}

/** The answer of one aggregate query: how many documents, and the sum of one numeric field over them. */
export interface Tally {
  readonly count: number;
  /** 0 when no document has the field. */
  readonly sum: number;
}

export interface DocumentCollection {
  readonly name: ContainerName;
  /** Writes only if no document has this (pk, id); otherwise answers the one that is there. */
  create(document: DocumentEnvelope): Promise<CreateOutcome>;
  /** Point read. */
  read(pk: string, id: string): Promise<StoredDocument | undefined>;
  /** Writes only if the stored ETag is still `etag` (Cosmos IfMatch). */
  replace(document: DocumentEnvelope, etag: string): Promise<ReplaceOutcome>;
  /**
   * Many creates, each as `create` and each with its own outcome (in order): not one transaction. The embedded store
   * commits them together (one sync of its log instead of one per document); Cosmos DB runs them in parallel.
   */
  createMany(documents: readonly DocumentEnvelope[]): Promise<CreateOutcome[]>;
  /** Many replaces, each as `replace` with its own ETag and outcome (in order), committed together where the store can. */
  replaceMany(items: ReadonlyArray<{ readonly document: DocumentEnvelope; readonly etag: string }>): Promise<ReplaceOutcome[]>;
  /** Create or overwrite, no ETag check. Returns the new ETag. */
  upsert(document: DocumentEnvelope): Promise<string>;
  /** Removes the document only if the stored ETag is still `etag` (Cosmos IfMatch). */
  delete(pk: string, id: string, etag: string): Promise<DeleteOutcome>;
  query(query: DocumentQuery): Promise<DocumentPage>;
  /** How many documents match, without reading them: a report's counts cost one small aggregate, not a read of each. */
  count(query: CountQuery): Promise<number>;
  /**
   * Every document of this container, of every type, across partitions, a page of at most `size` at a time: for moving
   * a whole store to another adapter. Resume with the page's `continuation` until a page has none. Documents written
   * meanwhile may or may not be included, so export from a store nothing else is writing to.
   */
  scan(page: { readonly size: number; readonly continuation?: string }): Promise<DocumentPage>;
  /**
   * Count the documents of these types (every partition) and sum a numeric field over them, in one aggregate query.
   * Documents without the field count but add nothing; a field that is present but not a number is an error.
   */
  tally(types: readonly string[], sumOf: FieldPath): Promise<Tally>;
}

export interface DocumentDatabase {
  collection(name: ContainerName): DocumentCollection;
  /** Resolves when the database can serve requests; rejects with the reason when it cannot. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
