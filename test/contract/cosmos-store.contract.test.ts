import { createCosmosStore, openCosmosDocumentDatabase } from '../../src/store/cosmos';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import type { Store } from '../../src/store/port';
import { describeStoreContract } from './store.contract';

let server: CosmosTestServer;
let databases = 0;

beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

describeStoreContract('Cosmos DB (cosmosdb-server over http)', async () => {
  // A fresh database per test on the one server: empty containers, no cleanup between tests.
  const options = { endpoint: server.endpoint, key: server.key, databaseId: `cabinet-contract-${++databases}` };
  const store = await createCosmosStore(options);
  const raw = await openCosmosDocumentDatabase(options);
  const others: Store[] = [];
  return {
    store,
    writeRawDocument: async (container, document) => {
      await raw.collection(container).upsert(document);
    },
    // Its own client, as another App Service instance would have.
    openSecondStore: async () => {
      const other = await createCosmosStore(options);
      others.push(other);
      return other;
    },
    dispose: async () => {
      for (const other of others) await other.close();
      await store.close();
      await raw.close();
    },
  };
});
