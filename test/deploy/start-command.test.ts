import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeFlagsOf } from '../support/start-command';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

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

  it('sets a heap limit, a young generation of at most 16 MB, and lets the bot collect once when start-up is over', () => {
    expect(nodeFlagsOf(npmStart)).toEqual(['--max-old-space-size=512', '--max-semi-space-size=8', '--expose-gc']);
  });

  it('is the same in the container image and on App Service', () => {
    const docker = JSON.parse((dockerCmd ?? '').replace(/^CMD /, '')) as string[];
    expect(nodeFlagsOf(docker.join(' '))).toEqual(nodeFlagsOf(npmStart));
    expect(nodeFlagsOf(appService)).toEqual(nodeFlagsOf(npmStart));
  });
});
