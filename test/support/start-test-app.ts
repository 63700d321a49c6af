import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/logging/logger';
import { createEmbeddedStore } from '../../src/store/embedded';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/port';

export interface TestApp {
  readonly url: string;
  readonly app: RunningApp;
  readonly dataDir: string;
  /**
   * Resolves once /readyz answers 200, as a load balancer waits before it sends traffic: the search index built and
   * the warm-up run (src/teams/warm-up.ts), so that nothing the start-up does is counted against a turn.
   */
  untilReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole app in-process on a free port, on an embedded store in a temporary folder. With `dataDir`, it
 * runs on that folder instead (a second instance sharing another's store): it then leaves the folder in place on
 * stop, for its owner to remove. `seed` fills the store the configuration names (the embedded folder, or Cosmos DB
 * with STORE=cosmos) before the app starts; `logger` replaces the silent default (to capture the app's log lines).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions & { seed?: (store: Store) => Promise<unknown>; dataDir?: string; logger?: Logger } = {},
): Promise<TestApp> {
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cabinet-bot-test-'));
  // No quiet hours unless a test asks for them: tests run at any hour, and most expect sends to go at once.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '2000', QUIET_HOURS: 'off', ...env });
  if (options.seed) {
    const store = config.store.kind === 'cosmos' ? await openStore(config.store) : createEmbeddedStore({ dataDir });
    await options.seed(store);
    await store.close();
  }
  const app = await startApp(config, options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), options);
  const url = `http://127.0.0.1:${app.port}`;
  return {
    url,
    app,
    dataDir,
    untilReady: async (timeoutMs = 30_000) => {
      let last = '';
      for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const res = await fetch(`${url}/readyz`);
        if (res.status === 200) return;
        last = `${res.status} ${await res.text()}`;
      }
      throw new Error(`not ready ${timeoutMs} ms after start: /readyz ${last}`);
    },
    stop: async () => {
      await app.stop();
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
