export { createCosmosStore, openCosmosDocumentDatabase } from './create-cosmos-store';
export type { CosmosStoreOptions } from './cosmos-client';
