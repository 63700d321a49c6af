import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';

export interface TestApp {
  readonly url: string;
  readonly app: RunningApp;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole app in-process on a free port, on an embedded store in a temporary folder. With `dataDir`, it
 * runs on that folder instead (a second instance sharing another's store): it then leaves the folder in place on
 * stop, for its owner to remove.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions & { seed?: (store: Store) => Promise<unknown>; dataDir?: string } = {},
): Promise<TestApp> {
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cabinet-bot-test-'));
  if (options.seed) {
    const store = createEmbeddedStore({ dataDir });
    await options.seed(store);
    await store.close();
  }
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '2000', ...env });
  const app = await startApp(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), options);
  return {
    url: `http://127.0.0.1:${app.port}`,
    app,
    dataDir,
    stop: async () => {
      await app.stop();
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
