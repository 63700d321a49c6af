import type { Container, CosmosClient, ItemDefinition } from '@azure/cosmos';
import type {
  ContainerName, CreateOutcome, DeleteOutcome, DocumentCollection, DocumentDatabase, DocumentEnvelope, DocumentPage, ReplaceOutcome,
  StoredDocument,
} from '../documents/document-collection';
import { checkCount, type DocumentQuery } from '../documents/document-query';
import { StoredDocumentError } from '../documents/stored-document-error';
import { DomainError } from '../../domain/errors';
import { asStoreError, statusOf } from './cosmos-errors';
import { countToCosmosSql, nonNumbersToCosmosSql, tallyToCosmosSql, toCosmosSql } from './query-to-cosmos-sql';

/** Cosmos DB's system properties all start with an underscore (_rid, _self, _etag, _attachments, _ts); ours never do. */
const withoutSystemFields = (resource: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(resource).filter(([name]) => !name.startsWith('_')));

const toStored = (container: ContainerName, resource: ItemDefinition): StoredDocument => {
  const id = typeof resource.id === 'string' ? resource.id : '(no id)';
  const pk = typeof resource['pk'] === 'string' ? resource['pk'] : '(no pk)';
  const etag = resource['_etag'];
  if (typeof etag !== 'string') throw new StoredDocumentError(container, id, pk, ['Cosmos DB returned it without an _etag']);
  return { container, id, pk, etag, body: withoutSystemFields(resource) };
};

const etagOf = (resource: ItemDefinition | undefined, headerEtag: string | undefined): string => {
  const etag = headerEtag ?? (resource?.['_etag'] as string | undefined);
  if (etag === undefined) throw new Error('Cosmos DB answered a write without an ETag');
  return etag;
};

const collection = (name: ContainerName, container: Container, operationTimeoutMs: number): DocumentCollection => {
  /**
   * Every operation, the SDK's own retries included, ends by a deadline: with endpoint discovery on, the SDK retries
   * an unreachable endpoint for up to two minutes, and a Teams turn must answer within 15 s.
   */
  const attempt = async <T>(doing: string, work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
    const abortSignal = AbortSignal.timeout(operationTimeoutMs);
    try {
      return await work(abortSignal);
    } catch (error) {
      if (abortSignal.aborted) {
        throw new DomainError('unavailable', `Cosmos DB did not answer within ${operationTimeoutMs} ms (${doing} in ${name})`, { cause: error });
      }
      throw asStoreError(error, `${doing} in ${name}`);
    }
  };

  const read = async (pk: string, id: string, abortSignal: AbortSignal): Promise<StoredDocument | undefined> => {
    // The SDK answers a missing item with statusCode 404 and no resource, not a throw.
    const response = await container.item(id, pk).read({ abortSignal });
    return response.resource === undefined ? undefined : toStored(name, response.resource);
  };

  /**
   * The document another writer created first. Under session consistency a read in our session may reach a replica
   * that has not applied their write yet, so a 404 right after a 409 is retried briefly before it counts as a fault.
   */
  const readWinner = async (document: DocumentEnvelope, abortSignal: AbortSignal): Promise<StoredDocument> => {
    for (const delayMs of [0, 50, 200, 500]) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const existing = await read(document.pk, document.id, abortSignal);
      if (existing !== undefined) return existing;
    }
    throw new Error(`${name}/${document.id} was reported present (409) and then not found`);
  };

  /** Only asked when SUM came back undefined: is that because some document holds a non-number? */
  const hasNonNumber = async (types: readonly string[], path: string, abortSignal: AbortSignal): Promise<boolean> => {
    const { resources } = await container.items.query<number>(nonNumbersToCosmosSql(types, path), { abortSignal }).fetchAll();
    return (resources[0] ?? 0) > 0;
  };

  const self: DocumentCollection = {
    name,
    create: (document: DocumentEnvelope) =>
      attempt('create', async (abortSignal): Promise<CreateOutcome> => {
        try {
          const response = await container.items.create(document, { abortSignal });
          return { created: true, etag: etagOf(response.resource, response.etag) };
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
          return { created: false, existing: await readWinner(document, abortSignal) };
        }
      }),
    read: (pk, id) => attempt('read', (abortSignal) => read(pk, id, abortSignal)),
    replace: (document, etag) =>
      attempt('replace', async (abortSignal): Promise<ReplaceOutcome> => {
        try {
          const response = await container
            .item(document.id, document.pk)
            .replace(document, { accessCondition: { type: 'IfMatch', condition: etag }, abortSignal });
          return { outcome: 'replaced', etag: etagOf(response.resource, response.etag) };
        } catch (error) {
          if (statusOf(error) === 412) return { outcome: 'conflict' };
          if (statusOf(error) === 404) return { outcome: 'not-found' };
          throw error;
        }
      }),
    upsert: (document) =>
      attempt('upsert', async (abortSignal) => {
        const response = await container.items.upsert(document, { abortSignal });
        return etagOf(response.resource, response.etag);
      }),
    delete: (pk, id, etag) =>
      attempt('delete', async (abortSignal): Promise<DeleteOutcome> => {
        try {
          await container.item(id, pk).delete({ accessCondition: { type: 'IfMatch', condition: etag }, abortSignal });
          return 'deleted';
        } catch (error) {
          if (statusOf(error) === 412) return 'conflict';
          if (statusOf(error) === 404) return 'not-found';
          throw error;
        }
      }),
    query: (query: DocumentQuery) =>
      attempt('query', async (abortSignal): Promise<DocumentPage> => {
        const spec = toCosmosSql(query);
        const partition = { abortSignal, ...(query.partitionKey !== undefined ? { partitionKey: query.partitionKey } : {}) };
        if (query.page === undefined) {
          const { resources } = await container.items.query<ItemDefinition>(spec, partition).fetchAll();
          return { documents: resources.map((r) => toStored(name, r)) };
        }
        const response = await container.items
          .query<ItemDefinition>(spec, {
            ...partition,
            maxItemCount: query.page.size,
            ...(query.page.continuation !== undefined ? { continuationToken: query.page.continuation } : {}),
          })
          .fetchNext();
        const documents = response.resources.map((r) => toStored(name, r));
        return response.hasMoreResults && response.continuationToken
          ? { documents, continuation: response.continuationToken }
          : { documents };
      }),
    // Independent point writes, in parallel: Cosmos DB's transactional batch would make them all-or-nothing, which
    // the callers do not want (each has its own outcome), and the test server does not speak it.
    createMany: (documents) => Promise.all(documents.map((d) => self.create(d))),
    replaceMany: (items) => Promise.all(items.map((i) => self.replace(i.document, i.etag))),
    count: (query) =>
      attempt('count', async (abortSignal) => {
        const options = { abortSignal, ...(query.partitionKey !== undefined ? { partitionKey: query.partitionKey } : {}) };
        const { resources } = await container.items.query<unknown>(countToCosmosSql(query), options).fetchAll();
        // An aggregate over no documents may answer no row at all.
        const [n = 0] = resources;
        if (typeof n !== 'number') throw new Error(`Count of ${name} answered something that is not a number: ${JSON.stringify(resources)}`);
        return n;
      }),
    scan: ({ size, continuation }) =>
      attempt('scan', async (abortSignal): Promise<DocumentPage> => {
        checkCount('A scan page size', size);
        // Cross-partition, in Cosmos DB's own order: the continuation token carries where each partition got to.
        const response = await container.items
          .query<ItemDefinition>('SELECT * FROM c', {
            abortSignal,
            maxItemCount: size,
            ...(continuation !== undefined ? { continuationToken: continuation } : {}),
          })
          .fetchNext();
        const documents = response.resources.map((r) => toStored(name, r));
        return response.hasMoreResults && response.continuationToken ? { documents, continuation: response.continuationToken } : { documents };
      }),
    tally: (types, sumOf) =>
      attempt('tally', async (abortSignal) => {
        const { resources } = await container.items.query<{ n?: unknown; s?: unknown }>(tallyToCosmosSql(types, sumOf), { abortSignal }).fetchAll();
        // One row; an aggregate over no documents may leave a field out. SUM is undefined (absent) when no document
        // has the field, and also when one holds something that is not a number: COUNT tells those apart below.
        const [row = {}] = resources;
        const count = row.n ?? 0;
        if (typeof count !== 'number') throw new Error(`Tally of ${name} answered a count that is not a number: ${JSON.stringify(row)}`);
        if (row.s === undefined || row.s === null) {
          if (count > 0 && (await hasNonNumber(types, sumOf, abortSignal))) {
            throw new Error(`Tally of ${name}: document(s) of ${types.join(', ')} hold a ${sumOf} that is not a number`);
          }
          return { count, sum: 0 };
        }
        if (typeof row.s !== 'number') throw new Error(`Tally of ${name} answered a sum that is not a number: ${JSON.stringify(row)}`);
        return { count, sum: row.s };
      }),
  };
  return self;
};

export interface CosmosDocumentDatabaseOptions {
  readonly client: CosmosClient;
  readonly databaseId: string;
  readonly pingTimeoutMs: number;
  /** The deadline of each operation, retries included. */
  readonly operationTimeoutMs: number;
}

export const cosmosDocumentDatabase = ({ client, databaseId, pingTimeoutMs, operationTimeoutMs }: CosmosDocumentDatabaseOptions): DocumentDatabase => {
  const database = client.database(databaseId);
  const collections = new Map<ContainerName, DocumentCollection>();
  let closed = false;
  return {
    collection: (name) => {
      let c = collections.get(name);
      if (c === undefined) collections.set(name, (c = collection(name, database.container(name), operationTimeoutMs)));
      return c;
    },
    ping: async () => {
      if (closed) throw new Error('The Cosmos DB store is closed');
      // The SDK would retry an unreachable endpoint for a long time; /readyz needs an answer in seconds.
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(new Error(`Cosmos DB did not answer within ${pingTimeoutMs} ms`));
        }, pingTimeoutMs);
      });
      try {
        await Promise.race([database.read({ abortSignal: abort.signal }), timeout]);
      } catch (error) {
        throw new Error(`Cosmos DB database "${databaseId}" is not usable: ${(error as Error).message}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      closed = true;
      client.dispose();
    },
  };
};
