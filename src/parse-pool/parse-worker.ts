import { parsePage, type PageRequest } from '../import/parse-page';

/** The worker thread's task: one page, parsed by the pure parsers. Runs inside the pool's threads only. */
export default function parseInWorker(request: PageRequest): ReturnType<typeof parsePage> {
  return parsePage(request);
}
