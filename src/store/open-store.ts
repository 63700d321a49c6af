import type { Config } from '../config';
import { createCosmosStore } from './cosmos';
import { createEmbeddedStore } from './embedded';
import type { Store } from './port';

export interface OpenStoreEvents {
  /** The embedded store's folder held no store, and a new, empty one was created. */
  readonly onNewStore?: (file: string) => void;
}

/** Opens the store the configuration names: the embedded file by default, Cosmos DB in production. */
export async function openStore(settings: Config['store'], events: OpenStoreEvents = {}): Promise<Store> {
  if (settings.kind === 'cosmos') {
    return createCosmosStore({
      endpoint: settings.endpoint,
      databaseId: settings.databaseId,
      key: settings.key,
      managedIdentityClientId: settings.managedIdentityClientId,
    });
  }
  return createEmbeddedStore({ dataDir: settings.dataDir, ...(events.onNewStore ? { onNewStore: events.onNewStore } : {}) });
}
