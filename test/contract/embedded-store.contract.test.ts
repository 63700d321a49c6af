import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore, openSqliteDocumentDatabase } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { describeStoreContract } from './store.contract';

describeStoreContract('embedded (SQLite)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabinet-store-'));
  const store = createEmbeddedStore({ dataDir });
  // A second connection to the same file, as another process would have.
  const raw = openSqliteDocumentDatabase({ dataDir });
  const others: Store[] = [];
  return {
    store,
    writeRawDocument: async (container, document) => {
      await raw.collection(container).upsert(document);
    },
    openSecondStore: async () => {
      const other = createEmbeddedStore({ dataDir });
      others.push(other);
      return other;
    },
    dispose: async () => {
      for (const other of others) await other.close();
      await store.close();
      await raw.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
