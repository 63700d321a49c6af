/**
 * What a loaded search corpus keeps resident: reads a search-index snapshot (search-snapshot.ts's format, as the
 * embedded store's DATA_DIR keeps it), loads it as a restart does, and reports the heap, the ArrayBuffers and the RSS
 * after a full GC, with the snapshot bytes let go. Run with --expose-gc:
 *   node --expose-gc --import tsx bench/corpus-memory.ts <snapshot file> [--heap-snapshot <file>]
 * An older version's snapshot (one this build would rebuild) is reported as such.
 */
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { decodeSnapshot } from '../src/services/search/search-snapshot';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: corpus-memory.ts <snapshot file> [--heap-snapshot <file>]');
const heapSnapshotAt = process.argv.indexOf('--heap-snapshot');

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
const settle = (): NodeJS.MemoryUsage => {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage();
};

const before = settle();
// Read and decoded in a function of its own, so that the bytes are let go as a restart lets them go.
const load = (): { marked: ReturnType<typeof decodeSnapshot>; size: number; loadMs: number } => {
  const bytes = readFileSync(file);
  const started = performance.now();
  const marked = decodeSnapshot(bytes);
  return { marked, size: bytes.byteLength, loadMs: performance.now() - started };
};
const { marked, size, loadMs } = load();
if (!marked) throw new Error(`${file} is not a snapshot of this version (a restart would rebuild it)`);
const after = settle();
console.log(`snapshot ${mb(size)}, loaded in ${loadMs.toFixed(0)} ms: ${marked.corpus.documentCount} results, ${marked.corpus.termCount} terms`);
console.log(`corpus: heapUsed +${mb(after.heapUsed - before.heapUsed)}, arrayBuffers +${mb(after.arrayBuffers - before.arrayBuffers)}`);
console.log(`process: heapUsed ${mb(after.heapUsed)}, arrayBuffers ${mb(after.arrayBuffers)}, external ${mb(after.external)}, rss ${mb(after.rss)}`);
if (heapSnapshotAt > 0) console.log(`heap snapshot: ${writeHeapSnapshot(process.argv[heapSnapshotAt + 1])}`);
// Held to the end, so that the figures above are of a corpus still in use.
if (marked.corpus.termCount < 0) console.log(marked.marker);
