/**
 * Small measuring helpers shared by the benchmarks: percentiles, a seeded random source, heap figures and a table
 * printer. No timing assertions anywhere: benchmarks print figures beside a baseline measured in the same run.
 */
import os from 'node:os';

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Nearest-rank percentile of milliseconds (p in 0..100). */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
};

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export const summarise = (samples: readonly number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
};

/** mulberry32: the same pseudo-random sequence on every run, so runs are comparable. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const pick = <T>(random: () => number, from: readonly T[]): T => from[Math.floor(random() * from.length)]!;

const gc = (globalThis as { gc?: () => void }).gc;
export const hasGc = gc !== undefined;

/** Heap in use after a full collection (when node runs with --expose-gc; otherwise as it stands). */
export const settledHeapBytes = (): number => {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
};

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (value: number): string => (Number.isNaN(value) ? '-' : value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(value < 10 ? 2 : 1)} ms`);

/** Prints a table with a header row; columns padded to fit. */
export const printTable = (title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
};

export const machine = (): string =>
  `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.platform()} ${os.release()}` +
  `${hasGc ? ', --expose-gc' : ', no --expose-gc (heap figures include garbage)'}`;
