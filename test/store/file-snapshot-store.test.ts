import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileSnapshotStore } from '../../src/store/embedded/file-snapshot-store';

describe('fileSnapshotStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'snapshot-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers nothing before a write, then the parts written, as one, with no temporary file left', async () => {
    const file = path.join(dir, 'data', 'search-index.snapshot');
    const store = fileSnapshotStore(file);
    expect(await store.read()).toBeUndefined();
    await store.write([Buffer.from('head'), Buffer.from(''), new Uint8Array([1, 2, 3])]);
    expect([...(await store.read())!]).toEqual([...Buffer.from('head'), 1, 2, 3]);
    await store.write([Buffer.from('next')]);
    expect(Buffer.from((await store.read())!).toString()).toBe('next');
    expect(await readdir(path.dirname(file))).toEqual(['search-index.snapshot']);
  });

  it('keeps the previous snapshot whole when a write fails, and leaves no temporary file', async () => {
    const file = path.join(dir, 'search-index.snapshot');
    const store = fileSnapshotStore(file);
    await store.write([Buffer.from('kept')]);
    // A part that cannot be written (not bytes) fails the write after the temporary file was opened.
    await expect(store.write([Buffer.from('half'), 42 as unknown as Uint8Array])).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['search-index.snapshot']);
  });

  it('passes on a failure to read other than a missing file', async () => {
    await writeFile(path.join(dir, 'x'), '');
    await expect(fileSnapshotStore(path.join(dir, 'x', 'search-index.snapshot')).read()).rejects.toThrow(/ENOTDIR/);
  });
});
