import type { MessagePort } from 'node:worker_threads';
import { parsePage, type PageRequest } from '../import/parse-page';

/** One page for a thread, with the port on which it says it has begun (the pool's budget starts then). */
export interface PageTask {
  readonly request: PageRequest;
  readonly started: MessagePort;
}

/** The worker thread's task: one page, parsed by the pure parsers. Runs inside the pool's threads only. */
export default function parseInWorker({ request, started }: PageTask): ReturnType<typeof parsePage> {
  started.postMessage('started');
  started.close();
  return parsePage(request);
}
