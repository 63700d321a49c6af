/**
 * A bot (the Cabinet bot's entry or the echo bot) as a child process of a benchmark: forked under tsx, its port told
 * over IPC, then /readyz asked until it answers 200. A bot that is not ready in time fails the run rather than
 * hanging it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { now } from './measure';

export interface BotProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** From fork() to the first /readyz 200. */
  readonly readyMs: number;
}

export interface StartOptions {
  /** Node flags besides tsx's loader (a heap limit, --cpu-prof). */
  readonly execArgv?: readonly string[];
  readonly timeoutMs: number;
  /** How often /readyz is asked: finer for a start-time figure, coarser where a slow start is expected. */
  readonly pollMs: number;
}

const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));

/** `script` is a file of bench/support (cabinet-bot-process.ts, echo-bot.ts). */
export async function startBotProcess(name: string, script: string, env: Record<string, string>, options: StartOptions): Promise<BotProcess> {
  const t0 = now();
  const child = fork(path.join(__dirname, script), [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.on('message', (m: { port?: number }) => m.port !== undefined && resolve(m.port));
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const answer = await fetch(`${url}/readyz`).then(async (r) => ({ status: r.status, body: await r.text() }), (err: Error) => ({ status: 0, body: err.message }));
    if (answer.status === 200) break;
    if (now() - t0 > options.timeoutMs) throw new Error(`${name} was not ready ${options.timeoutMs / 1000} s after start: /readyz ${answer.status} ${answer.body}`);
    await sleep(options.pollMs);
  }
  return { name, child, url, readyMs: now() - t0 };
}

/** The process's resident set from /proc, in bytes (NaN where /proc does not say). */
export function rssOf(pid: number | undefined): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) * 1024;
}
