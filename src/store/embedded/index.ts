export { createEmbeddedStore } from './create-embedded-store';
export {
  checkEmbeddedStoreIntegrity, databaseFile, storeMarkerFile, openSqliteDocumentDatabase, type EmbeddedStoreOptions,
  type SqliteDocumentDatabase,
} from './sqlite-document-database';
