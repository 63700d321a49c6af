import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { DocumentCollection, DocumentDatabase } from './documents/document-collection';

const tracer = trace.getTracer('cabinet-bot');

/**
 * The document database with a span per operation (create, createMany, read, replace, replaceMany, upsert, delete, query, count, scan, tally): which
 * container, which operation, which type of record, and how it went. No document ids or contents. Cosmos DB's own HTTP
 * calls appear as its children. A no-op unless telemetry is on (src/telemetry).
 */
export const traceDocuments = (database: DocumentDatabase, system: 'sqlite' | 'cosmosdb'): DocumentDatabase => {
  const traced = new Map<string, DocumentCollection>();
  const wrap = (inner: DocumentCollection): DocumentCollection => {
    const span = <T>(operation: string, attributes: Attributes, work: () => Promise<T>, outcome?: (result: T) => Attributes): Promise<T> =>
      tracer.startActiveSpan(
        `${operation} ${inner.name}`,
        { kind: SpanKind.CLIENT, attributes: { 'db.system': system, 'db.collection.name': inner.name, 'db.operation.name': operation, ...attributes } },
        async (s) => {
          try {
            const result = await work();
            if (outcome) s.setAttributes(outcome(result));
            return result;
          } catch (err) {
            s.setAttribute('error.type', err instanceof Error ? ((err as { code?: string }).code ?? err.name) : typeof err);
            s.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
          } finally {
            s.end();
          }
        },
      );
    const ofType = (type: string): Attributes => ({ 'cabinet.document.type': type });
    return {
      name: inner.name,
      create: (d) => span('create', ofType(d.type), () => inner.create(d), (r) => ({ 'cabinet.created': r.created })),
      read: (pk, id) => span('read', {}, () => inner.read(pk, id), (r) => ({ 'cabinet.found': r !== undefined })),
      replace: (d, etag) => span('replace', ofType(d.type), () => inner.replace(d, etag), (r) => ({ 'cabinet.outcome': r.outcome })),
      createMany: (ds) => span('createMany', { ...ofType(ds[0]?.type ?? ''), 'cabinet.documents': ds.length }, () => inner.createMany(ds)),
      replaceMany: (items) => span('replaceMany', { ...ofType(items[0]?.document.type ?? ''), 'cabinet.documents': items.length }, () => inner.replaceMany(items)),
      upsert: (d) => span('upsert', ofType(d.type), () => inner.upsert(d)),
      delete: (pk, id, etag) => span('delete', {}, () => inner.delete(pk, id, etag), (r) => ({ 'cabinet.outcome': r })),
      query: (q) => span('query', { ...ofType(q.type), 'cabinet.single_partition': q.partitionKey !== undefined }, () => inner.query(q), (r) => ({ 'cabinet.documents': r.documents.length })),
      scan: (p) => span('scan', {}, () => inner.scan(p), (r) => ({ 'cabinet.documents': r.documents.length })),
      count: (q) => span('count', { ...ofType(q.type), 'cabinet.single_partition': q.partitionKey !== undefined }, () => inner.count(q)),
      tally: (types, sumOf) => span('tally', {}, () => inner.tally(types, sumOf)),
    };
  };
  return {
    collection: (name) => {
      let c = traced.get(name);
      if (c === undefined) traced.set(name, (c = wrap(database.collection(name))));
      return c;
    },
    ping: () => database.ping(),
    close: () => database.close(),
  };
};
