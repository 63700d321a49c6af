import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
/** Instructions, with continuation lines joined and comments left out. */
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all[all.length - 1]?.push(line), all)), []);
const finalStage = stages[stages.length - 1] ?? [];

const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
/** .dockerignore as Docker reads these simple patterns: a path or folder, `*.ext`, `!` to take one back. */
const excluded = (file: string): boolean =>
  ignored.reduce((out, pattern) => {
    const negated = pattern.startsWith('!');
    const p = negated ? pattern.slice(1) : pattern;
    const hit = p.startsWith('*.') ? file.endsWith(p.slice(1)) && !file.includes('/') : file === p || file.startsWith(`${p}/`) || (p.endsWith('.*') && file.startsWith(p.slice(0, -1)));
    return hit ? !negated : out;
  }, false);

/**
 * The Dockerfile, read as a reviewer would (no Docker daemon runs on the development machines; the image itself is
 * built below only where one answers).
 */
describe('Dockerfile', () => {
  it('builds in stages from Node 22 LTS images and runs the slim one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:22-bookworm(-slim)?( AS \w+)?$/);
    expect(finalStage[0]).toBe('FROM node:22-bookworm-slim');
  });

  it('installs production dependencies with npm ci --omit=dev from the lockfile, and compiles in its own stage', () => {
    expect(instructions).toContain('RUN npm ci --omit=dev --no-audit --no-fund');
    expect(instructions).toContain('RUN npm run build');
    expect(finalStage.some((l) => l.includes('npm ci'))).toBe(false);
    expect(finalStage).toContain('COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules');
  });

  it('runs as the unprivileged node user, with a health check on /healthz and node dist/index.js as its command', () => {
    expect(finalStage).toContain('USER node');
    expect(finalStage.indexOf('USER node')).toBeLessThan(finalStage.findIndex((l) => l.startsWith('CMD ')));
    expect(finalStage.find((l) => l.startsWith('HEALTHCHECK '))).toMatch(/CMD \["node", "-e", ".*\/healthz.*"\]$/);
    expect(finalStage[finalStage.length - 1]).toMatch(/^CMD \["node", ("--[^"]+", )*"dist\/index\.js"\]$/); // its flags: start-command.test.ts
    expect(existsSync(path.join(ROOT, 'src/index.ts'))).toBe(true); // compiled to dist/index.js by tsconfig.build.json
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const sources = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.replace(/--\S+/g, '').trim().split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(4);
    for (const source of sources) {
      expect([source, existsSync(path.join(ROOT, source))]).toEqual([source, true]);
      expect([source, excluded(source)]).toEqual([source, false]);
    }
    for (const secret of ['.env', 'data/cabinet.db', 'node_modules/x', '.git/config']) expect([secret, excluded(secret)]).toEqual([secret, true]);
  });

  const daemon = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
  if (!daemon) {
    beforeAll(() => console.log('Dockerfile: no Docker daemon answers `docker info` here, so the image is not built (skipped); the checks above still ran.'));
  }
  (daemon ? it : it.skip)('builds the image (only where a Docker daemon answers)', () => {
    execFileSync('docker', ['build', '-t', 'cabinet-bot:test', ROOT], { stdio: 'inherit', timeout: 15 * 60_000 });
  }, 15 * 60_000);
});
