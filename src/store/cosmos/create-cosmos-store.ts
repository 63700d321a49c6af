import { createDocumentStore } from '../domain-store/create-document-store';
import type { Store } from '../port';
import { createCosmosClient, usesKey, type CosmosStoreOptions } from './cosmos-client';
import { checkContainersExist, provisionContainers } from './cosmos-containers';
import { cosmosDocumentDatabase } from './cosmos-document-database';
import type { DocumentDatabase } from '../documents/document-collection';

/** Connects, provisions (or checks) the database and its four containers. */
export const openCosmosDocumentDatabase = async (options: CosmosStoreOptions): Promise<DocumentDatabase> => {
  const client = createCosmosClient(options);
  try {
    if (options.provision ?? usesKey(options)) {
      const { database } = await client.databases.createIfNotExists({ id: options.databaseId });
      await provisionContainers(database);
    } else {
      await checkContainersExist(client.database(options.databaseId));
    }
  } catch (error) {
    client.dispose();
    throw error;
  }
  return cosmosDocumentDatabase({
    client,
    databaseId: options.databaseId,
    pingTimeoutMs: options.pingTimeoutMs ?? 2000,
    operationTimeoutMs: options.operationTimeoutMs ?? 4000,
  });
};

/** The production store: Azure Cosmos DB, by key or by managed identity. */
export const createCosmosStore = async (options: CosmosStoreOptions): Promise<Store> =>
  createDocumentStore(await openCosmosDocumentDatabase(options));
