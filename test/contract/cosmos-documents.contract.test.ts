import { openCosmosDocumentDatabase } from '../../src/store/cosmos';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { describeDocumentScanContract } from './document-scan.contract';

let server: CosmosTestServer;
let databases = 0;

beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

describeDocumentScanContract('Cosmos DB (cosmosdb-server over http)', async () => {
  const database = await openCosmosDocumentDatabase({ endpoint: server.endpoint, key: server.key, databaseId: `cabinet-documents-${++databases}` });
  return { database, dispose: () => database.close() };
});
