import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AgendaItem, Decision, Meeting } from '../../domain';
import type { KnownCommittee, SearchCorpus } from './search-corpus';
import { deserialiseCorpus } from './search-snapshot';
import type { SearchProfile } from './search-document';

/** What the worker starts from: the meetings that date the items, the committees, what to index. */
export interface BuildSettings {
  readonly meetings: readonly Pick<Meeting, 'id' | 'startsAt' | 'status'>[];
  readonly committees: readonly KnownCommittee[];
  readonly profile?: SearchProfile;
}

export type BuildMessage =
  | { readonly kind: 'items'; readonly records: readonly AgendaItem[] }
  | { readonly kind: 'decisions'; readonly records: readonly Decision[] }
  | { readonly kind: 'done' };

type WorkerAnswer = { readonly kind: 'ack' } | { readonly kind: 'built'; readonly bytes: Uint8Array } | { readonly kind: 'failed'; readonly message: string };

/** The worker file next to this one: through tsx from the TypeScript sources (tests, dev), plain from dist/. */
const workerFile = (): { filename: string; execArgv: string[] } => {
  const extension = path.extname(__filename);
  const filename = path.join(__dirname, `corpus-build-worker${extension}`);
  return extension === '.ts' ? { filename, execArgv: ['--require', require.resolve('tsx/cjs')] } : { filename, execArgv: [] };
};

/**
 * SearchCorpus.buildFromPages, with the indexing in a worker thread: the pages are read here (the store is this
 * thread's) and sent one at a time; the built corpus comes back serialised and is loaded here. Indexing 20,000 items
 * with their minutes makes some hundreds of MB of short-lived objects; built on the main thread they stayed on its
 * heap as garbage until load made V8 collect it (docs/BENCHMARKS.md, run D: 700 MB RSS idle), while in the worker
 * they go with its heap when it ends. The main thread also stays free to answer while the worker indexes.
 */
export async function buildCorpusInWorker(
  itemPages: AsyncIterable<readonly AgendaItem[]>, decisionPages: AsyncIterable<readonly Decision[]>, settings: BuildSettings,
  signal?: AbortSignal,
): Promise<{ corpus: SearchCorpus; bytes: Uint8Array }> {
  signal?.throwIfAborted();
  const { filename, execArgv } = workerFile();
  const worker = new Worker(filename, { execArgv, workerData: settings });
  let answer: ((a: WorkerAnswer) => void) | undefined;
  let failure: Error | undefined;
  const fail = (err: Error): void => {
    failure ??= err;
    answer?.({ kind: 'failed', message: err.message });
  };
  worker.on('message', (a: WorkerAnswer) => answer?.(a));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the search index build's worker stopped (exit code ${code})`)));
  // Stopping the bot stops a build at once: the worker ends, and the build rejects with the reason.
  const abort = (): void => {
    fail(new Error('the search index build was stopped'));
    void worker.terminate();
  };
  signal?.addEventListener('abort', abort, { once: true });
  const next = (message: BuildMessage): Promise<WorkerAnswer> => {
    if (failure) return Promise.reject(failure);
    const answered = new Promise<WorkerAnswer>((resolve) => (answer = resolve));
    worker.postMessage(message);
    return answered.then((a) => {
      if (a.kind === 'failed') throw new Error(`the search index build failed: ${a.message}`);
      return a;
    });
  };
  try {
    // One page in the worker at a time: the next is read from the store meanwhile, and none pile up in its queue.
    for await (const records of itemPages) await next({ kind: 'items', records });
    for await (const records of decisionPages) await next({ kind: 'decisions', records });
    const built = await next({ kind: 'done' });
    if (built.kind !== 'built') throw new Error('the search index build answered out of turn');
    // The bytes too: they are the snapshot to keep (search-snapshot.ts), made off this thread.
    return { corpus: deserialiseCorpus(built.bytes), bytes: built.bytes };
  } finally {
    signal?.removeEventListener('abort', abort);
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
