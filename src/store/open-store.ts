import type { Config } from '../config';
import { createCosmosStore } from './cosmos';
import { createEmbeddedStore } from './embedded';
import type { Store } from './port';

/** Opens the store the configuration names: the embedded file by default, Cosmos DB in production. */
export async function openStore(settings: Config['store']): Promise<Store> {
  if (settings.kind === 'cosmos') {
    return createCosmosStore({
      endpoint: settings.endpoint,
      databaseId: settings.databaseId,
      key: settings.key,
      managedIdentityClientId: settings.managedIdentityClientId,
    });
  }
  return createEmbeddedStore({ dataDir: settings.dataDir });
}
