import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type ManagedProcess } from './managed-process';
import { LOGS_DIR, PLAYGROUND_CLI, PLAYGROUND_CONFIGS, type PlaygroundRole } from './paths';
import { freePort, waitForHttp } from './ports';

export interface PlaygroundProcess {
  readonly role: PlaygroundRole;
  /** http://127.0.0.1:<port>/ : the page to open. */
  readonly url: string;
  readonly port: number;
  readonly configPath: string;
  readonly process: ManagedProcess;
  /** The playground's own log (devTools/m365agentsplayground.log, moved to test-artifacts). */
  readonly logFile: string;
  deadReason(): string | undefined;
  stop(): Promise<void>;
}

export interface StartPlaygroundOptions {
  readonly role: PlaygroundRole;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly endpoint: string;
  /** Another config file instead of playground/<role>.yml. */
  readonly configPath?: string;
  readonly startTimeoutMs?: number;
}

/**
 * Starts the Microsoft 365 Agents Playground (`agentsplayground -c msteams`) as a child process on a free port,
 * with the given role's config file, no browser of its own and no telemetry. It runs in a temporary working folder
 * so its devTools/ folder never lands in the project; its log goes to test-artifacts/e2e/logs/.
 */
export async function startPlayground(opts: StartPlaygroundOptions): Promise<PlaygroundProcess> {
  const configPath = opts.configPath ?? PLAYGROUND_CONFIGS[opts.role];
  const cwd = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-playground-'));
  const wanted = await freePort();
  const logFile = path.join(LOGS_DIR, `playground-${opts.role}-${wanted}.log`);
  const child = startProcess(
    `playground (${opts.role})`,
    process.execPath,
    [PLAYGROUND_CLI, '-e', opts.endpoint, '-c', 'msteams', '-p', String(wanted), '--disable-telemetry'],
    {
      cwd,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      logFile: path.join(LOGS_DIR, `playground-${opts.role}-${wanted}.out.log`),
    },
  );
  const deadReason = () => {
    const s = child.exitStatus();
    if (!s) return undefined;
    // The playground reports a bad config file only in its log file, after it has started listening.
    return `the playground exited (code ${s.code}, signal ${s.signal}); its log ends:\n${readTail(logFile)}\n${child.outputTail(1000)}`;
  };
  try {
    // It falls back to a random port if the one asked for was taken meanwhile: believe what it prints.
    const [, printed] = await child.waitForOutput(/Listening on (\d+)/, opts.startTimeoutMs ?? 60_000);
    const port = Number(printed);
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(url, { timeoutMs: 15_000, abortIf: deadReason });
    return {
      role: opts.role,
      url,
      port,
      configPath,
      process: child,
      logFile,
      deadReason,
      stop: async () => {
        await child.stop();
        rmSync(cwd, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await child.stop();
    rmSync(cwd, { recursive: true, force: true });
    throw err;
  }
}

function readTail(file: string, chars = 3000): string {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no log file)';
  }
}
