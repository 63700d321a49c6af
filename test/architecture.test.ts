import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The dependency rule of docs/ARCHITECTURE.md (domain pure; services on domain and ports; botbuilder only in
 * teams/, @azure/cosmos only in store/cosmos/, restify only in http/; no cycles), checked by dependency-cruiser
 * on every test run so that it holds without anyone remembering it.
 */
describe('architecture', () => {
  it('keeps the dependency rule: no violations anywhere in src/ or in the dashboard tab (web/tab/src)', () => {
    const root = path.resolve(__dirname, '..');
    const output = execFileSync(path.join(root, 'node_modules/.bin/depcruise'), ['src', 'web/tab/src', '--config', '.dependency-cruiser.js', '--output-type', 'json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(output) as {
      modules: Array<{ source: string }>;
      summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number };
    };
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    // The tab's own files are among those checked (tab-reads-only-the-api, bot-does-not-import-the-tab).
    expect(result.modules.map((m) => m.source)).toEqual(expect.arrayContaining(['web/tab/src/App.tsx', 'web/tab/src/api.ts', 'web/tab/src/pages/Item.tsx']));
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });
});
