import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The real entry point as `npm start` runs it, with only the environment given (nothing inherited). */
export function startEntryPoint(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
  });
}

export interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function collect(child: ChildProcessWithoutNullStreams, timeoutMs = 30_000): { output: () => { stdout: string; stderr: string }; exited: Promise<Exit> } {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { output: () => ({ stdout, stderr }), exited };
}

export interface LogLine { level: number; msg: string; [key: string]: unknown }
export const logLines = (stdout: string): LogLine[] =>
  stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as LogLine);

export async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The address the entry point logged it listens on ("listening on http://127.0.0.1:PORT ..."). */
export async function listeningAddress(output: () => { stdout: string }): Promise<string> {
  const line = await waitFor(() => output().stdout.split('\n').find((l) => l.includes('"listening on http://')), 'the listening log line');
  const match = /listening on (http:\/\/[\d.]+:\d+) /.exec((JSON.parse(line) as LogLine).msg);
  if (!match?.[1]) throw new Error(`no address in ${line}`);
  return match[1];
}
