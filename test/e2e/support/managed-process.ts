import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A child process started in its own process group (`detached`), so stopping it also stops anything it started.
 * Its stdout and stderr go to a log file and to an in-memory tail used in error messages.
 */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ProcessExit>;
  /** Set once the process has exited. */
  exitStatus(): ProcessExit | undefined;
  /** The last part of what it printed. */
  outputTail(chars?: number): string;
  /** Resolves with the first match of `pattern` in its output; rejects if it exits first or on timeout. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

const MAX_TAIL = 64 * 1024;
const live = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** Last resort: if the test process ends without teardown, take every child process group with it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of live) killGroup(p.pid, 'SIGKILL');
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

export interface StartProcessOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
}

export function startProcess(name: string, command: string, args: string[], opts: StartProcessOptions): ManagedProcess {
  installExitHook();
  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log: WriteStream = createWriteStream(opts.logFile, { flags: 'w' });
  log.write(`$ ${command} ${args.join(' ')}\n(cwd ${opts.cwd})\n`);

  const child: ChildProcess = spawn(command, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;

  let tail = '';
  let status: ProcessExit | undefined;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-MAX_TAIL);
    listeners.forEach((l) => l());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const exited = new Promise<ProcessExit>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (status) return;
      status = { code, signal };
      log.end(`\n[${name} exited: code ${code}, signal ${signal}]\n`);
      live.delete(handle);
      listeners.forEach((l) => l());
      resolve(status);
    };
    child.once('exit', finish);
    child.once('error', (err) => {
      tail += `\n[${name} failed to start: ${err.message}]`;
      finish(null, null);
    });
  });

  const handle: ManagedProcess = {
    name,
    pid,
    logFile: opts.logFile,
    exited,
    exitStatus: () => status,
    outputTail: (chars = 4000) => tail.slice(-chars),
    waitForOutput: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = tail.match(pattern);
          if (match) return done(() => resolve(match));
          if (status)
            return done(() =>
              reject(new Error(`${name} exited (code ${status?.code}, signal ${status?.signal}) before printing ${pattern}:\n${handle.outputTail()}`)),
            );
        };
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${handle.outputTail()}`))),
          timeoutMs,
        );
        listeners.add(check);
        check();
      }),
    stop: async (graceMs = 5000) => {
      if (!status) {
        killGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Anything the leader started and left behind goes too.
      killGroup(pid, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
  live.add(handle);
  return handle;
}
