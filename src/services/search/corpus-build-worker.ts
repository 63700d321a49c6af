import { parentPort, workerData } from 'node:worker_threads';
import type { AgendaItem, Decision } from '../../domain';
import { SearchCorpus } from './search-corpus';
import { serialiseCorpus } from './search-snapshot';
import type { BuildMessage, BuildSettings } from './build-in-worker';

/**
 * The worker thread of buildCorpusInWorker: indexes the pages it is sent, one at a time (each acknowledged, so the
 * main thread sends the next only then), and at `done` answers with the built corpus, serialised, its buffer
 * transferred. All the garbage of indexing (the records, their words, the open postings) stays in this thread's
 * heap, which goes when the thread ends.
 */
const port = parentPort;
if (!port) throw new Error('corpus-build-worker runs as a worker thread');
const corpus = SearchCorpus.loading(workerData as BuildSettings);
port.on('message', (message: BuildMessage) => {
  try {
    if (message.kind === 'items') for (const item of message.records as AgendaItem[]) corpus.upsertItem(item);
    else if (message.kind === 'decisions') for (const decision of message.records as Decision[]) corpus.upsertDecision(decision);
    else {
      corpus.finishLoading();
      const bytes = serialiseCorpus(corpus);
      port.postMessage({ kind: 'built', bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    port.postMessage({ kind: 'ack' });
  } catch (err) {
    port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
