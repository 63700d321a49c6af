import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@zeit/cosmosdb-server';

export interface CosmosTestServer {
  /** Plain http on 127.0.0.1 and a free port. */
  readonly endpoint: string;
  /** The server accepts any key; the SDK needs one that is base64. */
  readonly key: string;
  stop(): Promise<void>;
}

/**
 * Starts @zeit/cosmosdb-server in this process (no Docker, no emulator). Its data lives in memory and dies with it.
 * It ignores the partitionKey request option and has no patch, OFFSET/LIMIT, GROUP BY, TTL or batch (STACK.md).
 */
export const startCosmosServer = async (): Promise<CosmosTestServer> => {
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: Buffer.from('cosmosdb-server accepts any key').toString('base64'),
    /** Idempotent: a test may stop the server to see the store fail, and the cleanup stops it again. */
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from the SDK would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })),
  };
};
