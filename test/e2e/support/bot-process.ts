import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import { openStore } from '../../../src/store/open-store';
import { startProcess, type ManagedProcess } from './managed-process';
import { LOGS_DIR, ROOT, TSX_LOADER } from './paths';
import { freePort, waitForHttp } from './ports';

export interface BotProcess {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** What the playground posts activities to. */
  readonly messagesUrl: string;
  readonly dataDir: string;
  readonly process: ManagedProcess;
  /** Why the bot can no longer answer (it exited), or undefined while it runs. */
  deadReason(): string | undefined;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  /** Load the demo council into the store first (default true). */
  readonly seed?: boolean;
  /** The demo council's dates are relative to this instant (default: now). */
  readonly now?: Date;
  /** Extra environment for the bot. */
  readonly env?: Record<string, string>;
  /** Run on this data folder (a restart on another run's store): it is left in place when the bot stops. */
  readonly dataDir?: string;
  readonly startTimeoutMs?: number;
}

/**
 * Starts the real bot (`src/index.ts`, as `npm run dev` does) as a child process on a free port, in local mode
 * (no MicrosoftAppId, whatever .env says), on an embedded store in a fresh temporary DATA_DIR seeded with the demo
 * council. Its log goes to test-artifacts/e2e/logs/bot-<port>.log.
 */
export async function startBot(opts: StartBotOptions = {}): Promise<BotProcess> {
  const owned = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cabinet-bot-e2e-'));
  const removeOwned = () => {
    if (owned) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (opts.seed ?? owned) {
      const store = await openStore({ kind: 'embedded', dataDir });
      try {
        await seedDemoCouncil(store, opts.now ?? new Date());
      } finally {
        await store.close();
      }
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STORE: 'embedded',
      LOG_LEVEL: process.env.E2E_BOT_LOG_LEVEL ?? 'debug',
      LOG_PRETTY: 'false',
      SHUTDOWN_GRACE_MS: '1000',
      // Set (even empty) so that a developer's .env cannot switch the bot to authenticated mode: dotenv never
      // overrides a variable that exists.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppTenantId: '',
      ...opts.env,
    };
    const child = startProcess('bot', process.execPath, ['--import', `file://${TSX_LOADER}`, 'src/index.ts'], {
      cwd: ROOT,
      env,
      logFile: path.join(LOGS_DIR, `bot-${port}.log`),
    });
    const deadReason = () => {
      const s = child.exitStatus();
      return s ? `the bot exited (code ${s.code}, signal ${s.signal}); its output ends:\n${child.outputTail(3000)}` : undefined;
    };
    try {
      await waitForHttp(`${url}/healthz`, { timeoutMs: opts.startTimeoutMs ?? 60_000, abortIf: deadReason });
    } catch (err) {
      await child.stop();
      throw err;
    }
    return {
      url,
      messagesUrl: `${url}/api/messages`,
      dataDir,
      process: child,
      deadReason,
      stop: async () => {
        await child.stop();
        removeOwned();
      },
    };
  } catch (err) {
    removeOwned();
    throw err;
  }
}
