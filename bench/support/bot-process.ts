/**
 * A bot (Cabinet bot or the echo bot) as a child process of a benchmark, run as production runs it: Cabinet bot is
 * `dist/index.js` with the Node flags of `npm start` (read from package.json, so the benchmark measures what the start
 * script sets), the echo bot is bench/support/echo-bot.js on the same dist/. Neither runs under a TypeScript loader
 * (tsx alone adds ~40 MB to a process's RSS). The benchmark builds dist/ first (`buildForBenchmark`), so the figures are
 * always of the code in the tree. Each is asked /readyz until it answers 200; a bot that is not ready in time fails the
 * run rather than hanging it.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { nodeFlagsOf } from '../../test/support/start-command';
import { now } from './measure';

const ROOT = path.resolve(__dirname, '..', '..');

export interface BotProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** From fork() to the first /readyz 200. */
  readonly readyMs: number;
}

/** What bench/support/report-memory.js answers (bytes). */
export interface ChildMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}

export interface StartOptions {
  /** Node flags besides the start script's (--cpu-prof, a different heap setting to compare). */
  readonly execArgv?: readonly string[];
  readonly timeoutMs: number;
  /** How often /readyz is asked: finer for a start-time figure, coarser where a slow start is expected. */
  readonly pollMs: number;
}

const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));

/** Compiles src/ into dist/ as `npm run build` does (the dashboard's pages aside: no benchmark asks for them). */
export function buildForBenchmark(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
}

/** The Node flags `npm start` gives the bot: whatever stands between `node` and `dist/index.js` in its script. */
export function startScriptNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return nodeFlagsOf(scripts.start);
}

/** A port free on loopback now, for a bot that takes its port from PORT. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const REPORT_MEMORY = path.join(__dirname, 'report-memory.js');

/** Cabinet bot as `npm start` runs it (dist/index.js and the start script's flags), configured by `env`. */
export async function startCabinetBot(env: Record<string, string>, options: StartOptions): Promise<BotProcess> {
  const port = await freePort();
  const t0 = now();
  const child = fork(path.join(ROOT, 'dist', 'index.js'), [], {
    cwd: ROOT,
    execArgv: [...startScriptNodeFlags(), ...(options.execArgv ?? []), '--require', REPORT_MEMORY],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return awaitReady('cabinet', child, port, t0, options);
}

/** The echo bot (bench/support/echo-bot.js), which tells its port over IPC. */
export async function startEchoBot(options: StartOptions): Promise<BotProcess> {
  const t0 = now();
  const child = fork(path.join(__dirname, 'echo-bot.js'), [], {
    cwd: ROOT,
    execArgv: [...(options.execArgv ?? []), '--require', REPORT_MEMORY],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`echo exited with ${code}`)));
    child.on('message', (m: { port?: number }) => m.port !== undefined && resolve(m.port));
  });
  return awaitReady('echo', child, port, t0, options);
}

async function awaitReady(name: string, child: ChildProcess, port: number, t0: number, options: StartOptions): Promise<BotProcess> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited !== undefined) throw new Error(`${name} exited with ${exited} before it was ready`);
    const answer = await fetch(`${url}/readyz`).then(async (r) => ({ status: r.status, body: await r.text() }), (err: Error) => ({ status: 0, body: err.message }));
    if (answer.status === 200) break;
    if (now() - t0 > options.timeoutMs) throw new Error(`${name} was not ready ${options.timeoutMs / 1000} s after start: /readyz ${answer.status} ${answer.body}`);
    await sleep(options.pollMs);
  }
  return { name, child, url, readyMs: now() - t0 };
}

/** Asks a bot for its memory (report-memory.js). */
export const memoryOf = (bot: BotProcess): Promise<ChildMemory> =>
  new Promise((resolve) => {
    const listener = (m: { memory?: ChildMemory }): void => {
      if (!m.memory) return;
      bot.child.off('message', listener);
      resolve(m.memory);
    };
    bot.child.on('message', listener);
    bot.child.send('memory');
  });

/** Stops a bot as the platform does (SIGTERM: Cabinet bot then stops cleanly, and --cpu-prof writes its profile). */
export async function stopBot(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill('SIGTERM');
  await exited;
}

/** The process's resident set from /proc, in bytes (NaN where /proc does not say). */
export function rssOf(pid: number | undefined): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) * 1024;
}
