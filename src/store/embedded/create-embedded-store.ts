import { createDocumentStore } from '../domain-store/create-document-store';
import type { Store } from '../port';
import { openSqliteDocumentDatabase, type EmbeddedStoreOptions } from './sqlite-document-database';

/** The default store: one SQLite file under `dataDir`, no Azure account needed. */
export const createEmbeddedStore = (options: EmbeddedStoreOptions): Store => createDocumentStore(openSqliteDocumentDatabase(options));
