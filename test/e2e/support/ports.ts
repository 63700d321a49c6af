import { createServer } from 'node:net';

/** A TCP port that was free a moment ago (the OS picks it). Callers must cope with losing a race for it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/** Polls an HTTP URL until it answers with one of `okStatuses`, or fails after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  opts: { timeoutMs: number; okStatuses?: number[]; method?: string; abortIf?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const ok = opts.okStatuses ?? [200];
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const reason = opts.abortIf?.();
    if (reason) throw new Error(`gave up waiting for ${url}: ${reason}`);
    try {
      const res = await fetch(url, { method: opts.method ?? 'GET', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (ok.includes(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${ok.join('/')} within ${opts.timeoutMs} ms (last: ${last})`);
}
