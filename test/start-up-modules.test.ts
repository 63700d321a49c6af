import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What the bot's main thread loads at start decides much of its memory at idle (docs/BENCHMARKS.md §2): packages a
 * deployment may never use are loaded when first needed, not with the composition root. The Cosmos DB SDK (~270
 * modules, ~14 MB) only when STORE=cosmos (store/open-store.ts); the HTML parser only in the parse pool's worker, which
 * reads the pages (the ModernGov sync's own use of GetMeeting's text is import/meeting-item-decision.ts, without it).
 */
describe('modules loaded with the composition root', () => {
  it('loads neither the Cosmos DB SDK nor the HTML parser', () => {
    const script = `
      require('./src/app');
      const loaded = Object.keys(require.cache);
      const of = (name) => loaded.some((file) => file.includes('/node_modules/' + name + '/'));
      process.stdout.write(JSON.stringify({ modules: loaded.length, cosmos: of('@azure/cosmos'), cheerio: of('cheerio'), botbuilder: of('botbuilder') }));
    `;
    const root = path.resolve(__dirname, '..');
    const out = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const loaded = JSON.parse(out) as { modules: number; cosmos: boolean; cheerio: boolean; botbuilder: boolean };
    // The probe sees what app.ts loads: botbuilder is loaded (else it would prove nothing).
    expect(loaded.botbuilder).toBe(true);
    expect(loaded).toMatchObject({ cosmos: false, cheerio: false });
  });
});
