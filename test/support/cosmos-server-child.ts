/**
 * @zeit/cosmosdb-server as its own process (startCosmosServerProcess in cosmos-server.ts): at 20,000 items its
 * in-memory SQL (every query a scan in JavaScript) would otherwise share one event loop with the bot and the seeding,
 * and each would hold up the others. Tells its parent the port over IPC; stops on 'stop' or when the parent goes.
 *
 * It can also load a generated council corpus itself ({ seed: ... } over IPC), written through the store's own code
 * (createDocumentStore: the same envelopes, ids, partition keys and change-marker moves as the Cosmos DB adapter
 * writes) into the server's memory without HTTP: 36,000 creates over HTTP took 75-250 s on a shared 2-core machine,
 * this takes seconds. The database and containers must exist first (the parent opens the store over HTTP once).
 */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@zeit/cosmosdb-server';
import { generateCouncilCorpus, type GenerateOptions } from '../../bench/support/council-corpus';
import type { ContainerName, DocumentCollection, DocumentDatabase, DocumentEnvelope, StoredDocument } from '../../src/store/documents/document-collection';
import { createDocumentStore } from '../../src/store/domain-store/create-document-store';

// The server makes its account when it starts listening and keeps it to itself: recorded here as it is made.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- the server's internals are untyped */
const accountModule = require('@zeit/cosmosdb-server/lib/account') as { default: new (...args: any[]) => any };
const operations = require('@zeit/cosmosdb-server/lib/handler/_document-operations') as Record<string, (collection: any, input: any) => { statusCode: number; body: any }>;
let account: any;
const Account = accountModule.default;
accountModule.default = class extends Account {
  constructor(...args: any[]) {
    super(...args);
    account = this; // eslint-disable-line @typescript-eslint/no-this-alias
  }
};

/**
 * cosmosdb-query compiles `FROM c` into `$c.reduce(($, c) => [...$, { c }], [])`, which copies the whole array for every
 * document: quadratic, 4 s a query over the 36,000 documents of `business` at 20,000 items, so the bot's paged index
 * build never finished within its 4 s operation deadline. Rewritten here to the linear equivalent (same rows, same
 * order); nothing else in the generated code is touched.
 */
const QUADRATIC_FROM = /\$c\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*\1: \1\s*\}\] : \$, \[\]\)/g;
const queryPrototype = Object.getPrototypeOf((require('@zeit/cosmosdb-query') as { default: (q: string) => object }).default('SELECT * FROM c')) as object;
const generated = Object.getOwnPropertyDescriptor(queryPrototype, 'code')!.get!;
Object.defineProperty(queryPrototype, 'code', {
  get(this: object): string {
    return (generated.call(this) as string).replace(QUADRATIC_FROM, (_, c: string) => `$c.filter((${c}) => typeof ${c} !== "undefined").map((${c}) => ({ ${c}: ${c} }))`);
  },
});

/**
 * The server runs every page of a paged query from scratch: filter and sort every document of the container, then
 * skip to the continuation. The bot's first index build reads 20,000 items and 16,000 decisions 200 at a time, so
 * 180 pages each scanning and sorting 36,000 documents, and under load a page outlived the 4 s operation deadline and
 * the build started again. Here the filtered, sorted rows of a query (same text, same parameters) are kept while the
 * container is unchanged (any write drops them), and the next page is cut from them by the library's own paginate:
 * the same rows, order and continuation tokens, without the rescan.
 */
const itemsPrototype = (require('@zeit/cosmosdb-server/lib/account/items') as { default: { prototype: any } }).default.prototype;
const helpers = require('@zeit/cosmosdb-query/lib/helpers') as { paginate: (...args: any[]) => any };
const paginate = helpers.paginate;
const sortedRows = new WeakMap<object, Map<string, any[]>>();
let capturing: { items: object; key: string } | undefined;
helpers.paginate = (collection: any[], ...rest: any[]) => {
  if (capturing !== undefined) {
    const held = sortedRows.get(capturing.items) ?? new Map<string, any[]>();
    if (held.size >= 16) held.delete(held.keys().next().value!);
    held.set(capturing.key, [collection, rest[2], ...rest.slice(3)]);
    sortedRows.set(capturing.items, held);
  }
  return paginate(collection, ...rest);
};
const query = itemsPrototype.query as (this: object, params: any, options: any) => any;
itemsPrototype.query = function (this: object, params: { query: string; parameters?: unknown }, options: { maxItemCount?: number; continuation?: unknown }) {
  const key = JSON.stringify([params.query, params.parameters ?? []]);
  const held = sortedRows.get(this)?.get(key);
  if (held !== undefined) {
    const [collection, getRid, ...orders] = held;
    return paginate(collection, options.maxItemCount, options.continuation, getRid, ...orders);
  }
  capturing = { items: this, key };
  try {
    return query.call(this, params, options);
  } finally {
    capturing = undefined;
  }
};
for (const write of ['_set', 'delete']) {
  const original = itemsPrototype[write] as (...args: any[]) => any;
  itemsPrototype[write] = function (this: object, ...args: any[]) {
    sortedRows.delete(this);
    return original.apply(this, args);
  };
}

/** The server's own document operations on one container, as a DocumentCollection (what the store's code writes through). */
const memoryCollection = (databaseId: string, name: ContainerName): DocumentCollection => {
  const collection = account.database(databaseId).collection(name);
  if (!collection.read()) throw new Error(`cosmosdb-server holds no container ${databaseId}/${name}: open the store over HTTP first`);
  const stored = (body: Record<string, unknown>): StoredDocument => ({
    container: name, id: String(body.id), pk: String(body.pk), etag: String(body._etag),
    body: Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('_'))),
  });
  const read = (pk: string, id: string): StoredDocument | undefined => {
    const answer = operations.readOperation!(collection, { id, partitionKey: JSON.stringify([pk]) });
    return answer.statusCode === 200 ? stored(answer.body) : undefined;
  };
  const create = (document: DocumentEnvelope) => {
    const answer = operations.createOperation!(collection, { resourceBody: { ...document } });
    if (answer.statusCode === 201) return { created: true as const, etag: String(answer.body._etag) };
    if (answer.statusCode === 409) return { created: false as const, existing: read(document.pk, document.id)! };
    throw new Error(`create ${document.id}: ${answer.statusCode}`);
  };
  const unsupported = (what: string) => (): never => {
    throw new Error(`${what} is not needed to seed`);
  };
  return {
    name,
    create: async (document) => create(document),
    createMany: async (documents) => documents.map(create),
    read: async (pk, id) => read(pk, id),
    replace: async (document, etag) => {
      const answer = operations.replaceOperation!(collection, { resourceBody: { ...document }, partitionKey: JSON.stringify([document.pk]), ifMatch: etag });
      if (answer.statusCode === 200) return { outcome: 'replaced', etag: String(answer.body._etag) };
      if (answer.statusCode === 412) return { outcome: 'conflict' };
      if (answer.statusCode === 404) return { outcome: 'not-found' };
      throw new Error(`replace ${document.id}: ${answer.statusCode}`);
    },
    replaceMany: unsupported('replaceMany'),
    upsert: unsupported('upsert'),
    delete: unsupported('delete'),
    query: unsupported('query'),
    count: unsupported('count'),
    scan: unsupported('scan'),
    tally: unsupported('tally'),
  };
};
/* eslint-enable */

const memoryDatabase = (databaseId: string): DocumentDatabase => ({
  collection: (name) => memoryCollection(databaseId, name),
  ping: async () => undefined,
  close: async () => undefined,
});

export interface SeedRequest {
  readonly databaseId: string;
  readonly corpus: GenerateOptions;
}

const seed = async ({ databaseId, corpus }: SeedRequest): Promise<{ items: number; decisions: number; ms: number }> => {
  const started = Date.now();
  const { items, decisions } = generateCouncilCorpus(corpus);
  const store = createDocumentStore(memoryDatabase(databaseId));
  // In batches: the change marker moves once per batch, as a bulk load through the Cosmos DB adapter moves it.
  for (let i = 0; i < items.length; i += 500) await store.agendaItems.createMany(items.slice(i, i + 500));
  for (let i = 0; i < decisions.length; i += 500) await store.decisions.createMany(decisions.slice(i, i + 500));
  return { items: items.length, decisions: decisions.length, ms: Date.now() - started };
};

const server = createHttpServer();
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// At once, even with queries still running (nothing here is worth keeping); exit() still writes a --cpu-prof profile.
const stop = (): void => process.exit(0);
process.on('message', (message: unknown) => {
  if (message === 'stop') stop();
  else if (typeof message === 'object' && message !== null && 'seed' in message) {
    seed((message as { seed: SeedRequest }).seed).then(
      (seeded) => process.send?.({ seeded }),
      (error: unknown) => process.send?.({ seedFailed: String(error instanceof Error ? error.stack : error) }),
    );
  }
});
process.on('disconnect', stop);
