export { createEmbeddedStore } from './create-embedded-store';
export {
  checkEmbeddedStoreIntegrity, databaseFile, openSqliteDocumentDatabase, type EmbeddedStoreOptions,
  type SqliteDocumentDatabase,
} from './sqlite-document-database';
