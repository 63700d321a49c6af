import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import path from 'node:path';
import { Piscina } from 'piscina';
import { DomainError } from '../domain';
import type { PageKind, PageRequestOf, PageValues } from '../import/parse-page';
import type { ParseResult } from '../import/parse-result';
import type { PageReader } from '../services/page-reader';
import type { PageTask } from './parse-worker';

export interface PageReaderPoolOptions {
  /** How long reading one page may take once a thread has it. */
  readonly timeBudgetMs: number;
  /**
   * How long a page may wait for a thread (one starting, or busy with other pages) before the read is refused as
   * unavailable. Default 30 s. Kept apart from the budget: a thread that starts slowly on a busy machine says nothing
   * about the page.
   */
  readonly waitLimitMs?: number;
  /** Threads at most; default one fewer than the cores (at least one), so the event loop keeps a core. */
  readonly maxThreads?: number;
  /** Pages waiting for a thread at most; beyond that a read is refused as unavailable. */
  readonly maxQueue?: number;
}

export interface PageReaderPool extends PageReader {
  /** Ends the threads; reads in flight fail as unavailable. */
  close(): Promise<void>;
}

/** A thread reading a page may use this much heap; a page that needs more is refused, not the process. */
const WORKER_HEAP_MB = 512;
/** Threads end after this long without work, so an idle bot holds none. */
const IDLE_MS = 60_000;
const DEFAULT_MAX_QUEUE = 32;
const DEFAULT_WAIT_LIMIT_MS = 30_000;
/** How much lower a parsing thread's scheduling priority is (Unix nice; piscina sets it where the platform can). */
const WORKER_NICENESS = 10;

/**
 * Worker threads running the worker file next to this one. From the TypeScript sources (tests, `npm run dev`,
 * `npm run cli`) the threads load it through tsx, as the main thread does; from dist/ it is plain JavaScript.
 */
function workerSettings(): { filename: string; execArgv: string[] } {
  const extension = path.extname(__filename);
  const filename = path.join(__dirname, `parse-worker${extension}`);
  return extension === '.ts' ? { filename, execArgv: ['--require', require.resolve('tsx/cjs')] } : { filename, execArgv: [] };
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * The PageReader of the running bot: pages are parsed in worker threads (piscina), so a slow page never holds up
 * the event loop that answers Teams and /healthz. Each read has a time budget, counted from when a thread says it
 * has begun the page (the task carries a MessagePort for that), so a thread's start-up or a queue never counts
 * against the page; when the budget runs out the read is answered `invalid` at once and the thread parsing it is
 * ended (piscina terminates a thread whose task is aborted), so a hostile page costs at most the budget.
 */
export function createPageReaderPool(options: PageReaderPoolOptions): PageReaderPool {
  const maxThreads = options.maxThreads ?? Math.max(1, availableParallelism() - 1);
  const pool = new Piscina({
    ...workerSettings(),
    minThreads: 0,
    maxThreads,
    maxQueue: options.maxQueue ?? DEFAULT_MAX_QUEUE,
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    // A parsing thread runs at a lower priority than the event loop: on a busy machine, Teams is answered first.
    niceIncrement: WORKER_NICENESS,
  });
  let closed = false;

  return {
    async read<K extends PageKind>(request: PageRequestOf<K>): Promise<ParseResult<PageValues[K]>> {
      if (closed) throw new DomainError('unavailable', 'The page reader is shutting down; try again in a moment.');
      const controller = new AbortController();
      const { port1: started, port2: startedInWorker } = new MessageChannel();
      let stage: Stage = 'waiting';
      let timer = setTimeout(() => controller.abort(), options.waitLimitMs ?? DEFAULT_WAIT_LIMIT_MS);
      started.once('message', () => {
        stage = 'reading';
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), options.timeBudgetMs);
      });
      try {
        const task: PageTask = { request, started: startedInWorker };
        return (await pool.run(task, { signal: controller.signal, transferList: [startedInWorker] })) as ParseResult<PageValues[K]>;
      } catch (err) {
        throw readFailure(err, stage, options.timeBudgetMs, closed);
      } finally {
        clearTimeout(timer);
        started.close();
      }
    },
    async close() {
      closed = true;
      await pool.destroy();
    },
  };
}

/** Where a read was when it ended: waiting for a thread, or being read by one. */
type Stage = 'waiting' | 'reading';

function readFailure(err: unknown, stage: Stage, budgetMs: number, closed: boolean): Error {
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError' && stage === 'waiting') {
    return new DomainError('unavailable', 'The service is busy reading other pages; try again in a minute.');
  }
  if (e.name === 'AbortError') {
    return new DomainError('invalid',
      `The page could not be read within ${seconds(budgetMs)}: it is too large or too deeply nested. ` +
        'Save the page again from the council website, or split it, and import it again.',
      { where: 'page', budgetMs });
  }
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new DomainError('invalid', `The page needs more than ${WORKER_HEAP_MB} MB to read: it is not a page the council website would publish.`, { where: 'page' });
  }
  if (closed || /queue is at limit|terminating|destroyed/i.test(e.message ?? '')) {
    return new DomainError('unavailable', 'Too many pages are being read at once, or the service is restarting; try again in a minute.', { cause: e.message });
  }
  return err instanceof Error ? err : new Error(String(err));
}
