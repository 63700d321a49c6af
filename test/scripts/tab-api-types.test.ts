import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue 15: the dashboard reads and writes only through /api/v1, typed from the OpenAPI document. The committed
 * client types are what openapi-typescript makes of the routes' contracts today: a contract changed without
 * regenerating them fails here. (The generator runs as its own process: openapi-typescript's dependencies are ES
 * modules that jest's CommonJS runtime cannot load.)
 */
const ROOT = path.resolve(__dirname, '..', '..');
const TYPES = path.join(ROOT, 'web', 'tab', 'src', 'api-types.ts');

test('web/tab/src/api-types.ts is generated from the current officer API contract', () => {
  const generated = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/tab-api-types.ts', '--stdout'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  // The types name the routes the dashboard calls.
  for (const route of ['/api/v1/whoami', '/api/v1/meetings/{id}/acknowledgements', '/api/v1/agenda-items/{id}/acknowledgements', '/api/v1/decisions', '/api/v1/notifications/{id}', '/api/v1/members/import']) {
    expect(generated).toContain(`"${route}": {`);
  }
  if (readFileSync(TYPES, 'utf8') !== generated) {
    throw new Error('web/tab/src/api-types.ts is out of date with the officer API\'s contracts: run npm run tab:api-types and commit the result.');
  }
}, 60_000);
