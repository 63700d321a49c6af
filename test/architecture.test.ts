import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The dependency rule of docs/ARCHITECTURE.md (domain pure; services on domain and ports; botbuilder only in
 * teams/, @azure/cosmos only in store/cosmos/, restify only in http/; no cycles), checked by dependency-cruiser
 * on every test run so that it holds without anyone remembering it.
 */
describe('architecture', () => {
  it('keeps the dependency rule: no violations anywhere in src/', () => {
    const root = path.resolve(__dirname, '..');
    const output = execFileSync(path.join(root, 'node_modules/.bin/depcruise'), ['src', '--config', '.dependency-cruiser.js', '--output-type', 'json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(output) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number } };
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });
});
