import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the Cosmos DB SDK sent, as it went over the wire. */
export interface CosmosRequest {
  readonly method: string;
  /** The resource path without query string: /dbs/<db>/colls/<coll>/docs/<id>. */
  readonly path: string;
  /** point read, create, replace, upsert, delete, query, query plan, metadata (account, database, container reads). */
  readonly kind: string;
  /** x-ms-documentdb-query-enablecrosspartition was true and no partition key was given. */
  readonly crossPartition: boolean;
  readonly status: number;
  /** x-ms-request-charge as the server answered it: Azure's real charge; cosmosdb-server answers a constant 1 for every request. */
  readonly charge?: number;
  /** A query's SQL text, to say which store call sent it. */
  readonly query?: string;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const kindOf = (method: string, path: string, headers: IncomingHttpHeaders): string => {
  if (header(headers, 'x-ms-cosmos-is-query-plan-request') === 'True' || header(headers, 'x-ms-cosmos-is-query-plan-request') === 'true') return 'query plan';
  if (header(headers, 'x-ms-documentdb-isquery') !== undefined || header(headers, 'content-type') === 'application/query+json') return 'query';
  const onDocument = /\/docs\/[^/]+$/.test(path);
  const onDocs = /\/docs\/?$/.test(path);
  if (method === 'GET' && onDocument) return 'point read';
  if (method === 'GET' && onDocs) return 'read feed';
  if (method === 'POST' && onDocs) return header(headers, 'x-ms-documentdb-is-upsert') === 'true' ? 'upsert' : 'create';
  if (method === 'PUT' && onDocument) return 'replace';
  if (method === 'DELETE' && onDocument) return 'delete';
  return 'metadata';
};

/**
 * An HTTP proxy in front of a Cosmos DB endpoint that records every request the SDK really sends (query-plan requests,
 * metadata reads and retries included) with the request charge the server answered. The honest measure of what an
 * operation costs: the traced layer sees operations, not requests.
 */
export interface CosmosRequestCounter {
  readonly endpoint: string;
  readonly requests: readonly CosmosRequest[];
  /** Forget what was recorded so far. */
  reset(): void;
  /** What `work` sent: the requests recorded from its start to its end (nothing else may run meanwhile). */
  during<T>(work: () => Promise<T>): Promise<{ result: T; requests: CosmosRequest[] }>;
  stop(): Promise<void>;
}

export const startCosmosRequestCounter = async (target: string): Promise<CosmosRequestCounter> => {
  const upstream = new URL(target);
  const requests: CosmosRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const kind = kindOf(method, path, incoming.headers);
    const crossPartition =
      kind === 'query' && header(incoming.headers, 'x-ms-documentdb-query-enablecrosspartition') === 'true' &&
      header(incoming.headers, 'x-ms-documentdb-partitionkey') === undefined;
    const chunks: Buffer[] = [];
    if (kind === 'query' || kind === 'query plan') incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    const queryText = (): string | undefined => {
      try {
        return chunks.length === 0 ? undefined : String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: unknown }).query);
      } catch {
        return undefined;
      }
    };
    // The Host header is passed on unchanged, so the account the server describes points back at this proxy.
    const forwarded = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        const charge = Number(header(answer.headers, 'x-ms-request-charge'));
        const query = queryText();
        requests.push({
          method, path, kind, crossPartition, status: answer.statusCode ?? 0,
          ...(Number.isFinite(charge) ? { charge } : {}), ...(query !== undefined ? { query } : {}),
        });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      outgoing.destroy(error);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    during: async (work) => {
      const from = requests.length;
      const result = await work();
      return { result, requests: requests.slice(from) };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
