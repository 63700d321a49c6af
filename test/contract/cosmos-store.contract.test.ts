import { createCosmosStore, openCosmosDocumentDatabase } from '../../src/store/cosmos';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
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
  return {
    store,
    writeRawDocument: async (container, document) => {
      await raw.collection(container).upsert(document);
    },
    dispose: async () => {
      await store.close();
      await raw.close();
    },
  };
});
