import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEmbeddedStore, databaseFile } from '../../src/store/embedded';

/**
 * The activity claims (a key-value container: query-to-sqlite.ts KEY_VALUE_CONTAINERS) live in key_value_documents,
 * away from the expression indexes every write to `documents` maintains; a file from before keeps its claims.
 */
describe('embedded store: key-value containers', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cabinet-kv-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const rows = (table: string): number => {
    const db = new Database(databaseFile({ dataDir }), { readonly: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE container = 'activities'`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('writes a claim to key_value_documents, not documents', async () => {
    const store = createEmbeddedStore({ dataDir });
    expect(await store.activities.claim('conv|1', '2026-12-02T10:00:00.000Z')).toBe(true);
    expect(await store.activities.claim('conv|1', '2026-12-02T10:00:01.000Z')).toBe(false);
    await store.close();
    expect(rows('key_value_documents')).toBe(1);
    expect(rows('documents')).toBe(0);
  });

  it('moves the claims a file held in documents (an earlier version) on opening, so a re-delivery is still known', async () => {
    const first = createEmbeddedStore({ dataDir });
    expect(await first.activities.claim('conv|old', '2026-12-02T10:00:00.000Z')).toBe(true);
    await first.close();
    // As an earlier version left it: the claim among the other documents.
    const db = new Database(databaseFile({ dataDir }));
    db.exec(`INSERT INTO documents SELECT * FROM key_value_documents; DELETE FROM key_value_documents;`);
    db.close();
    expect(rows('documents')).toBe(1);

    const second = createEmbeddedStore({ dataDir });
    expect(await second.activities.claim('conv|old', '2026-12-02T10:00:05.000Z')).toBe(false);
    await second.close();
    expect(rows('documents')).toBe(0);
    expect(rows('key_value_documents')).toBe(1);
  });
});
