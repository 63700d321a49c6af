import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Every option `npm run dev` accepts is in the README, where a newcomer looks for it. */
describe('npm run dev options', () => {
  const script = readFileSync(path.join(ROOT, 'scripts/dev.js'), 'utf8');
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const options = [...script.matchAll(/flag === '(--[a-z-]+)'/g)].map((m) => m[1]!);

  it('finds the options scripts/dev.js parses', () => {
    expect(options).toEqual(expect.arrayContaining(['--as', '--watch', '--no-seed', '--playground-port', '--help']));
  });

  it.each(options)('the README names %s', (option) => {
    expect(readme).toContain(`\`${option}`);
  });
});
