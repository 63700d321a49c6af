import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mismatch } = require('../../scripts/install-is-current.js') as { mismatch: (root: string) => string | undefined };

/** scripts/test-all.sh skips `npm ci` only when node_modules holds exactly what the lockfile locks. */
describe('install-is-current', () => {
  let root: string;
  const lock = {
    '': { name: 'cabinet-bot' },
    'node_modules/zod': { version: '3.25.76', integrity: 'sha512-zod' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true, os: ['darwin'] },
  };
  const installedRecord = { 'node_modules/zod': { version: '3.25.76', integrity: 'sha512-zod' } };
  const write = (file: string, json: unknown) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), JSON.stringify(json));
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'install-is-current-'));
    write('package-lock.json', { lockfileVersion: 3, packages: lock });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for an install on a clean clone, with no node_modules', () => {
    expect(mismatch(root)).toMatch(/no record of an npm install/);
  });

  it('skips it when every locked package is installed at its version (optional ones for other platforms aside)', () => {
    write('node_modules/.package-lock.json', { packages: installedRecord });
    write('node_modules/zod/package.json', { name: 'zod', version: '3.25.76' });
    expect(mismatch(root)).toBeUndefined();
  });

  it('asks for an install when a package is at another version, missing, extra or gone from disk', () => {
    write('node_modules/zod/package.json', { name: 'zod' });
    write('node_modules/.package-lock.json', { packages: { 'node_modules/zod': { version: '3.24.0', integrity: 'sha512-old' } } });
    expect(mismatch(root)).toMatch(/zod is 3.24.0 in node_modules, 3.25.76 in the lockfile/);
    write('node_modules/.package-lock.json', { packages: {} });
    expect(mismatch(root)).toMatch(/zod is locked but not installed/);
    write('node_modules/.package-lock.json', { packages: { ...installedRecord, 'node_modules/left-pad': { version: '1.3.0' } } });
    expect(mismatch(root)).toMatch(/left-pad is installed but not in the lockfile/);
    rmSync(path.join(root, 'node_modules/zod'), { recursive: true });
    write('node_modules/.package-lock.json', { packages: installedRecord });
    expect(mismatch(root)).toMatch(/zod is recorded as installed but is not there/);
  });
});
