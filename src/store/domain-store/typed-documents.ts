import type { z } from 'zod';
import { conflict, DomainError, notFound } from '../../domain/errors';
import type { CreateResult, MarkerPart, Page, Versioned } from '../port';
import type { DocumentCollection, DocumentEnvelope, IndexValue, StoredDocument } from '../documents/document-collection';
import type { CountQuery, DocumentQuery } from '../documents/document-query';
import { StoredDocumentError } from '../documents/stored-document-error';
import type { DocumentKind } from './document-kind';

/** What a kind whose writes move a change marker part moves after each one (ChangeMarker). */
export interface WriteCounter {
  move(part: MarkerPart): Promise<void>;
}

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);

/**
 * One record type over a document collection: validates what goes in (so nothing invalid is stored) and what comes
 * out (so nothing invalid is returned), and turns ETag outcomes into the domain's errors.
 */
export class TypedDocuments<T> {
  constructor(
    private readonly kind: DocumentKind<T>,
    private readonly collection: DocumentCollection,
    private readonly counter?: WriteCounter,
  ) {
    // A kind whose writes move the change marker is only ever written with the marker at hand.
    if (kind.movesMarker !== undefined && counter === undefined) throw new Error(`The ${kind.label} store moves the change marker and needs it`);
  }

  /** After a write has landed: move this kind's part of the change marker, if it has one and this write moves it. */
  private async counted(wrote: boolean, write: 'addition' | 'change'): Promise<void> {
    if (!wrote || this.kind.movesMarker === undefined) return;
    if (write === 'change' && this.kind.movesMarkerOn === 'additions') return;
    await this.counter?.move(this.kind.movesMarker);
  }

  documentId(key: string): string {
    return `${this.kind.type}:${key}`;
  }

  async create(value: T): Promise<CreateResult<T>> {
    const checked = this.checkInput(value);
    const outcome = await this.collection.create(this.envelope(checked));
    await this.counted(outcome.created, 'addition');
    if (outcome.created) return { created: true, record: { value: checked, etag: outcome.etag } };
    return { created: false, existing: this.decode(outcome.existing) };
  }

  /** Many creates committed together where the store can; each idempotent by key, each with its own result. */
  async createMany(values: readonly T[]): Promise<CreateResult<T>[]> {
    const checked = values.map((v) => this.checkInput(v));
    const outcomes = await this.collection.createMany(checked.map((v) => this.envelope(v)));
    // One move for the batch, after all of it has landed.
    await this.counted(outcomes.some((o) => o.created), 'addition');
    return outcomes.map((o, i) => (o.created ? { created: true, record: { value: checked[i]!, etag: o.etag } } : { created: false, existing: this.decode(o.existing) }));
  }

  async get(partitionKey: string, key: string): Promise<Versioned<T> | undefined> {
    const stored = await this.collection.read(partitionKey, this.documentId(key));
    return stored === undefined ? undefined : this.decode(stored);
  }

  async replace(value: T, etag: string): Promise<Versioned<T>> {
    const checked = this.checkInput(value);
    const outcome = await this.collection.replace(this.envelope(checked), etag);
    await this.counted(outcome.outcome === 'replaced', 'change');
    switch (outcome.outcome) {
      case 'replaced':
        return { value: checked, etag: outcome.etag };
      case 'conflict':
        throw conflict(this.kind.label, this.kind.keyOf(checked));
      case 'not-found':
        throw notFound(this.kind.label, this.kind.keyOf(checked));
    }
  }

  /**
   * Many replaces committed together where the store can, each with its own ETag: each answers its new version, or
   * the error it met (conflict: changed since read; not-found), without failing the others.
   */
  async replaceMany(items: ReadonlyArray<Versioned<T>>): Promise<Array<Versioned<T> | DomainError>> {
    const checked = items.map((i) => ({ value: this.checkInput(i.value), etag: i.etag }));
    const outcomes = await this.collection.replaceMany(checked.map((c) => ({ document: this.envelope(c.value), etag: c.etag })));
    await this.counted(outcomes.some((o) => o.outcome === 'replaced'), 'change');
    return outcomes.map((o, i) => {
      const { value } = checked[i]!;
      switch (o.outcome) {
        case 'replaced':
          return { value, etag: o.etag };
        case 'conflict':
          return conflict(this.kind.label, this.kind.keyOf(value));
        case 'not-found':
          return notFound(this.kind.label, this.kind.keyOf(value));
      }
    });
  }

  async upsert(value: T): Promise<Versioned<T>> {
    const checked = this.checkInput(value);
    const etag = await this.collection.upsert(this.envelope(checked));
    await this.counted(true, 'addition'); // an upsert may add the record
    return { value: checked, etag };
  }

  /** Removes the record only if its ETag is still `etag`: true when removed, false when changed or gone meanwhile. */
  async remove(value: T, etag: string): Promise<boolean> {
    const removed = (await this.collection.delete(this.kind.partitionKeyOf(value), this.documentId(this.kind.keyOf(value)), etag)) === 'deleted';
    await this.counted(removed, 'change');
    return removed;
  }

  async query(query: Omit<DocumentQuery, 'type' | 'page'>): Promise<Versioned<T>[]> {
    const page = await this.collection.query({ ...query, type: this.kind.type });
    return page.documents.map((d) => this.decode(d));
  }

  /**
   * The record a lookup by a key that should be unique finds (email, source, document id). Every match is fetched and
   * the lowest document id wins, so a duplicate gives the same answer each time; no ORDER BY, so the store can
   * serve the lookup from the index on the key.
   */
  async only(query: Pick<DocumentQuery, 'partitionKey' | 'where'>): Promise<Versioned<T> | undefined> {
    const page = await this.collection.query({ ...query, type: this.kind.type });
    const [lowest] = [...page.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.pk < b.pk ? -1 : 1));
    return lowest === undefined ? undefined : this.decode(lowest);
  }

  count(query: Omit<CountQuery, 'type'>): Promise<number> {
    return this.collection.count({ ...query, type: this.kind.type });
  }

  async values(query: Omit<DocumentQuery, 'type' | 'page'>): Promise<T[]> {
    return (await this.query(query)).map((v) => v.value);
  }

  async page(
    query: Omit<DocumentQuery, 'type' | 'page' | 'limit'>,
    continuation: string | undefined,
    size: number,
  ): Promise<Page<T>> {
    const page = await this.collection.query({ ...query, type: this.kind.type, page: { size, continuation } });
    const items = page.documents.map((d) => this.decode(d).value);
    return page.continuation === undefined ? { items } : { items, continuation: page.continuation };
  }

  /** As `page`, each record with its ETag: for a walk that rewrites what it reads. */
  async versionedPage(
    query: Omit<DocumentQuery, 'type' | 'page' | 'limit'>,
    continuation: string | undefined,
    size: number,
  ): Promise<Page<Versioned<T>>> {
    const page = await this.collection.query({ ...query, type: this.kind.type, page: { size, continuation } });
    const items = page.documents.map((d) => this.decode(d));
    return page.continuation === undefined ? { items } : { items, continuation: page.continuation };
  }

  private checkInput(value: T): T {
    const parsed = this.kind.schema.safeParse(value);
    if (!parsed.success) {
      throw new DomainError('invalid', `The ${this.kind.label} is not valid: ${describeIssues(parsed.error).join('; ')}`, {
        issues: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  private envelope(value: T): DocumentEnvelope {
    const ix: Record<string, IndexValue> = {};
    for (const [name, v] of Object.entries(this.kind.indexOf(value))) if (v !== undefined) ix[name] = v;
    return {
      id: this.documentId(this.kind.keyOf(value)),
      pk: this.kind.partitionKeyOf(value),
      type: this.kind.type,
      ix,
      data: value,
    };
  }

  /** Strips the envelope and validates; anything off is a StoredDocumentError naming container, partition and id. */
  private decode(stored: StoredDocument): Versioned<T> {
    const fail = (problems: string[]): never => {
      throw new StoredDocumentError(stored.container, stored.id, stored.pk, problems, this.kind.label);
    };
    if (stored.body['type'] !== this.kind.type) fail([`type is ${JSON.stringify(stored.body['type'])}, expected "${this.kind.type}"`]);
    const data = stored.body['data'];
    if (typeof data !== 'object' || data === null) fail(['it has no data object']);
    const parsed = this.kind.schema.safeParse(data);
    if (!parsed.success) return fail(describeIssues(parsed.error));
    const value = parsed.data;
    // The envelope's keys must agree with the data, or a later replace would write to another document.
    const expectedId = this.documentId(this.kind.keyOf(value));
    const expectedPk = this.kind.partitionKeyOf(value);
    if (expectedId !== stored.id || expectedPk !== stored.pk) {
      fail([`its data belongs in document "${expectedId}" of partition "${expectedPk}"`]);
    }
    return { value, etag: stored.etag };
  }
}
