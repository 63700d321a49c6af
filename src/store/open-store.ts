import type { Config } from '../config';
import type { DocumentDatabase } from './documents/document-collection';
import { createDocumentStore } from './domain-store/create-document-store';
import { openSqliteDocumentDatabase } from './embedded';
import type { Store } from './port';
import { traceDocuments } from './traced-document-database';

export interface OpenStoreEvents {
  /** The embedded store's folder held no store, and a new, empty one was created. */
  readonly onNewStore?: (file: string) => void;
}

/** The document database the configuration names: the embedded file by default, Cosmos DB in production. */
export async function openDocumentDatabase(settings: Config['store'], events: OpenStoreEvents = {}): Promise<DocumentDatabase> {
  if (settings.kind === 'cosmos') {
    // Loaded only when configured: the Cosmos DB SDK is ~270 modules and ~14 MB of a bot's memory on the embedded store.
    const { openCosmosDocumentDatabase } = await import('./cosmos');
    return openCosmosDocumentDatabase({
      endpoint: settings.endpoint,
      databaseId: settings.databaseId,
      key: settings.key,
      managedIdentityClientId: settings.managedIdentityClientId,
    });
  }
  return openSqliteDocumentDatabase({ dataDir: settings.dataDir, ...(events.onNewStore ? { onNewStore: events.onNewStore } : {}) });
}

/** Opens the store the configuration names, each operation traced when telemetry is on. */
export async function openStore(settings: Config['store'], events: OpenStoreEvents = {}): Promise<Store> {
  return createDocumentStore(traceDocuments(await openDocumentDatabase(settings, events), settings.kind === 'cosmos' ? 'cosmosdb' : 'sqlite'));
}
