import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface LockedPackage { version?: string; engines?: { node?: string } | string[]; dev?: boolean }
const packageJson = readJson<{ engines: { node: string } }>('package.json');
const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');

/** The oldest release of each Node line our own `engines.node` accepts: "^20.19.0 || ^22.13.0" -> 20.19.0, 22.13.0. */
const oldestOfEachLine = (range: string): string[] =>
  range.split('||').map((part) => semver.minVersion(part.trim())?.version ?? `(no version satisfies "${part.trim()}")`);

/**
 * Development machines run Node 20, production Node 22 LTS (the Dockerfile, the App Service runtime): every package
 * installed, ours and every transitive one, must declare that it runs on both, or npm prints EBADENGINE and nobody
 * has promised it works there.
 */
describe('Node versions', () => {
  const ours = packageJson.engines.node;
  const lines = oldestOfEachLine(ours);

  it('engines.node names Node 20 and Node 22, from the releases the tools need (require(esm) in 20.19, eslint on 22.13)', () => {
    expect(lines).toEqual(['20.19.0', '22.13.0']);
  });

  it('every locked package declares engines that include the oldest Node 20 and Node 22 we accept', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([location]) => location !== '')
      .flatMap(([location, info]) => {
        const declared = Array.isArray(info.engines) ? undefined : info.engines?.node;
        if (declared === undefined) return [];
        const refused = lines.filter((version) => !semver.satisfies(version, declared));
        return refused.length > 0 ? [`${location}@${info.version ?? '?'} declares node "${declared}", refusing ${refused.join(' and ')}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('the README says the same as engines.node', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`\`${ours}\``);
  });
});
