import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore, openSqliteDocumentDatabase } from '../../src/store/embedded';
import { describeStoreContract } from './store.contract';

describeStoreContract('embedded (SQLite)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabinet-store-'));
  const store = createEmbeddedStore({ dataDir });
  // A second connection to the same file, as another process would have.
  const raw = openSqliteDocumentDatabase({ dataDir });
  return {
    store,
    writeRawDocument: async (container, document) => {
      await raw.collection(container).upsert(document);
    },
    dispose: async () => {
      await store.close();
      await raw.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
