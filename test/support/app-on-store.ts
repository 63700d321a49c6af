import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/store/port';
import { startCosmosServer, type CosmosTestServer } from './cosmos-server';
import { startTestApp, type TestApp } from './start-test-app';

export type StoreKind = 'embedded' | 'cosmos';

export interface AppOnStore {
  readonly app: TestApp;
  /** The Cosmos DB test server and database the app uses, on the cosmos store. */
  readonly cosmos?: { readonly server: CosmosTestServer; readonly databaseId: string };
  stop(): Promise<void>;
}

/**
 * The whole app on the store named: the embedded file, or Cosmos DB (@zeit/cosmosdb-server in this process, a database
 * of its own), so an officer API test runs the same on both adapters.
 */
export async function startAppOnStore(kind: StoreKind, env: Record<string, string>, seed?: (store: Store) => Promise<unknown>): Promise<AppOnStore> {
  if (kind === 'embedded') {
    const app = await startTestApp(env, seed ? { seed } : {});
    return { app, stop: () => app.stop() };
  }
  const server = await startCosmosServer();
  const databaseId = `api-${randomUUID().slice(0, 8)}`;
  try {
    const app = await startTestApp(
      { ...env, STORE: 'cosmos', COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: server.key, COSMOS_DATABASE: databaseId },
      seed ? { seed } : {},
    );
    return { app, cosmos: { server, databaseId }, stop: async () => {
      await app.stop();
      await server.stop();
    } };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
