import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDocumentDatabase } from '../../src/store/embedded';
import { describeDocumentScanContract } from './document-scan.contract';

describeDocumentScanContract('embedded (SQLite)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabinet-documents-'));
  const database = openSqliteDocumentDatabase({ dataDir });
  return {
    database,
    dispose: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
