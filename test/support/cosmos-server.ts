import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { SeedRequest } from './cosmos-server-child';
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

/**
 * Starts @zeit/cosmosdb-server in a child process of its own (cosmos-server-child.ts), for the 20,000-item test and
 * benchmark: its queries are scans in JavaScript, and in this process they would stall the bot and the seeding.
 */
export interface CosmosServerProcess extends CosmosTestServer {
  readonly pid: number;
  /**
   * Loads a generated corpus (bench/support/council-corpus.ts) into the server's memory from inside its process,
   * through the store's own code (cosmos-server-child.ts): seconds, where 36,000 creates over HTTP take minutes.
   * The database and its containers must exist (open the store over HTTP first).
   */
  seed(request: SeedRequest): Promise<{ items: number; decisions: number; ms: number }>;
}

export const startCosmosServerProcess = async (): Promise<CosmosServerProcess> => {
  const child = fork(path.join(__dirname, 'cosmos-server-child.ts'), [], { execArgv: ['--import', 'tsx', ...(process.env.COSMOS_CHILD_NODE_ARGS?.split(' ') ?? [])], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cosmosdb-server's process exited with ${code} before it listened`)));
    child.on('message', (m: { port?: number }) => m.port !== undefined && resolve(m.port));
  });
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: Buffer.from('cosmosdb-server accepts any key').toString('base64'),
    pid: child.pid ?? 0,
    seed: (request) =>
      new Promise((resolve, reject) => {
        const listener = (m: { seeded?: { items: number; decisions: number; ms: number }; seedFailed?: string }): void => {
          if (m.seeded === undefined && m.seedFailed === undefined) return;
          child.off('message', listener);
          if (m.seeded) resolve(m.seeded);
          else reject(new Error(`seeding cosmosdb-server failed: ${m.seedFailed}`));
        };
        child.on('message', listener);
        child.send({ seed: request });
      }),
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.connected) child.send('stop');
        const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(late);
      })()),
  };
};
