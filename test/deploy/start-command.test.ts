import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** The Node flags each way of running the bot in production gives it, between `node` and `dist/index.js`. */
const flagsOf = (command: string | undefined): string[] => {
  const match = /\bnode((?:\s+--?[^\s]+)*)\s+dist\/index\.js\b/.exec(command ?? '');
  if (!match) throw new Error(`not a command that runs node … dist/index.js: ${command}`);
  return match[1]!.trim().split(/\s+/).filter((f) => f !== '');
};

/**
 * The heap limit is part of how the bot stays within a small App Service plan (docs/OPERATIONS.md, "Memory"): V8
 * sizes its heap's growth by the limit, and without one it lets the heap grow towards a quarter of the machine's
 * memory before collecting. The operator must not have to remember it, so every way of starting the bot sets the
 * same flags, and the benchmarks run the bot with them (bench/support/bot-process.ts reads package.json's).
 */
describe('the start command', () => {
  const npmStart = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
  const dockerCmd = read('Dockerfile').split('\n').filter((l) => l.startsWith('CMD ')).pop();
  const appService = /appCommandLine: '([^']*)'/.exec(read('infra/modules/app-service.bicep'))?.[1];

  it('sets a heap limit', () => {
    expect(flagsOf(npmStart)).toEqual(['--max-old-space-size=512']);
  });

  it('is the same in the container image and on App Service', () => {
    const docker = JSON.parse((dockerCmd ?? '').replace(/^CMD /, '')) as string[];
    expect(flagsOf(docker.join(' '))).toEqual(flagsOf(npmStart));
    expect(flagsOf(appService)).toEqual(flagsOf(npmStart));
  });
});
