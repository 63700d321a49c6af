import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotStore } from '../../services/search/search-snapshot';

/**
 * The search index's snapshot (services/search/search-snapshot.ts) in a file beside the embedded store, in DATA_DIR:
 * written to a temporary file and renamed over the old one, so that a crash mid-write leaves the previous snapshot,
 * never half of one. The parts are written one after another, as they are (no copy of the corpus to join them).
 */
export const fileSnapshotStore = (file: string): SnapshotStore => ({
  async read() {
    try {
      return await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  },
  async write(parts) {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, parts);
      await rename(temporary, file);
    } catch (err) {
      // A full disk must not leave tens of MB of a half-written snapshot behind at every try.
      await rm(temporary, { force: true });
      throw err;
    }
  },
});
