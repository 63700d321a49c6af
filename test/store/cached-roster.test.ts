import { cacheRoster } from '../../src/store/cached-roster';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cabinet } from '../contract/council-fixtures';

describe('the per-instance roster cache (committees and members, on Cosmos DB turns)', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-roster-cache-'));
    store = createEmbeddedStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from memory for its stated time, then reads the store again; its own writes are seen at once', async () => {
    let now = 0;
    const cached = cacheRoster(store, { ttlMs: 60_000, now: () => now });
    expect(await cached.committees.list()).toEqual([]);
    // Another process adds a committee: not seen until the time is up.
    await store.committees.create(cabinet);
    expect(await cached.committees.list()).toEqual([]);
    expect(await cached.committees.get(cabinet.id)).toBeDefined();
    now = 59_999;
    expect(await cached.committees.list()).toEqual([]);
    now = 60_000;
    expect((await cached.committees.list()).map((c) => c.id)).toEqual([cabinet.id]);

    // A write through the cached store empties the cache at once.
    const held = await cached.committees.get(cabinet.id);
    if (held === undefined) throw new Error('no committee');
    await cached.committees.replace({ ...held.value, name: 'The Cabinet' }, held.etag);
    expect((await cached.committees.get(cabinet.id))?.value.name).toBe('The Cabinet');
  });
});
