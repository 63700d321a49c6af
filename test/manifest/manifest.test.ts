import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildManifestPackage, fillPlaceholders, manifestValues, pngSize, validateManifest } from '../../scripts/build-manifest';
import { loadConfig } from '../../src/config';
import { officerRoutes } from '../../src/http/routes';
import { parseCommand } from '../../src/services/commands';
import type { RouteDeps } from '../../src/http/routes/route-deps';
import { readZip } from './read-zip';

// @microsoft/app-manifest requires strip-bom 5, an ES module: plain Node 20.19+ loads it (require(esm)), jest's
// CommonJS runtime does not. The same one-line behaviour, for this test only.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }));

const BOT_ID = '7c0b5a3e-1d2f-4a6b-9c8d-0e1f2a3b4c5d';
const COUNCIL = { COUNCIL_NAME: 'Example Borough Council', PRIVACY_CONTACT: 'dpo@example.gov.uk' };
const ENV = { BOT_ID, BOT_DOMAIN: 'cabinet-bot.example.gov.uk', MODERNGOV_DOMAINS: 'democracy.example.gov.uk, example.moderngov.co.uk', ...COUNCIL };

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
  composeExtensions: Array<{
    botId: string;
    commands: Array<{ id: string; type: string; parameters: Array<{ name: string }> }>;
    messageHandlers: Array<{ type: string; value: { domains: string[] } }>;
  }>;
  validDomains: string[];
}

describe('Teams app package (npm run manifest)', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-manifest-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test('builds a zip whose manifest validates against the Teams schema with zero errors', async () => {
    const result = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'cabinet-bot.zip') });
    expect(result.errors).toEqual([]);
    expect(result.zipPath).toBe(path.join(outDir, 'cabinet-bot.zip'));

    const entries = await readZip(readFileSync(result.zipPath as string));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8')) as Manifest;
    // What is in the zip, validated again from its bytes.
    expect(await validateManifest(manifest as unknown as Record<string, unknown>)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.$schema).toContain('/teams/v1.19/');
    expect(JSON.stringify(manifest)).not.toContain('${{');

    expect(pngSize(entries.get('color.png') as Buffer)).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(pngSize(entries.get('outline.png') as Buffer)).toEqual({ width: 32, height: 32, colourType: 6 });
  });

  test('the dashboard is a personal tab served by the bot under /tab/, beside the bot\'s chat; its single sign-on asks for the officer API\'s audience', async () => {
    const tabClient = '0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0';
    const audience = `api://cabinet-bot.example.gov.uk/${tabClient}`;
    const { manifest, errors } = await buildManifestPackage({ env: { ...ENV, TAB_CLIENT_ID: tabClient, ENTRA_AUDIENCE: audience }, outFile: path.join(outDir, 'app.zip') });
    expect(errors).toEqual([]);
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'dashboard', name: 'Dashboard', contentUrl: 'https://cabinet-bot.example.gov.uk/tab/', websiteUrl: 'https://cabinet-bot.example.gov.uk/tab/', scopes: ['personal'] },
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: tabClient, resource: audience });
    expect(manifest.validDomains).toEqual(['cabinet-bot.example.gov.uk']);
    // One webApplicationInfo: the tab's registration and another Graph identity cannot both be named.
    expect(manifestValues({ ...ENV, TAB_CLIENT_ID: tabClient, GRAPH_MANAGED_IDENTITY_CLIENT_ID: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' }).problems).toEqual([
      expect.stringContaining('TAB_CLIENT_ID and the Graph identity'),
    ]);
    expect(manifestValues({ ...ENV, TAB_CLIENT_ID: tabClient, GRAPH_CLIENT_ID: tabClient }).problems).toEqual([]);
    // A v2 token's audience is the bare client id: the resource is then the application id URI Teams requires.
    expect(manifestValues({ ...ENV, TAB_CLIENT_ID: tabClient, ENTRA_AUDIENCE: tabClient }).values.WEB_APPLICATION_RESOURCE).toBe(audience);
  });

  test('the bot works in personal chat, teams and group chats, with its commands in the command menu', async () => {
    const { manifest, errors } = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'app.zip') });
    expect(errors).toEqual([]);
    const m = manifest as unknown as Manifest;
    expect(m.id).toBe(BOT_ID); // TEAMS_APP_ID defaults to the bot id
    const bot = m.bots[0];
    expect(bot?.botId).toBe(BOT_ID);
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = bot?.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toEqual(['help', 'agenda', 'item', 'status', 'decisions', 'pending', 'actions', 'report', 'remind', 'notify']);
    const described = Object.fromEntries(bot?.commandLists[0]?.commands.map((c) => [c.title, c.description]) ?? []);
    expect(described.item).toMatch(/<number or words>/);
    expect(described.status).toMatch(/<words>/);
    expect(described.report).toMatch(/<item>/);
    expect(described.remind).toMatch(/<item>/);
  });

  test('has the searchDecisions message extension and unfurls links to the configured ModernGov hosts', async () => {
    const { manifest, errors } = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'app.zip') });
    expect(errors).toEqual([]);
    const ext = (manifest as unknown as Manifest).composeExtensions[0];
    expect(ext?.botId).toBe(BOT_ID);
    expect(ext?.commands).toEqual([expect.objectContaining({ id: 'searchDecisions', type: 'query', parameters: [expect.objectContaining({ name: 'query' })] })]);
    expect(ext?.messageHandlers).toEqual([{ type: 'link', value: expect.objectContaining({ domains: ['democracy.example.gov.uk', 'example.moderngov.co.uk'] }) }]);
    expect((manifest as unknown as Manifest).validDomains).toEqual(['cabinet-bot.example.gov.uk']);
  });

  test('names the Entra app that installs it through Microsoft Graph (webApplicationInfo), as proactive installation needs', async () => {
    const { manifest, errors } = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'app.zip') });
    expect(errors).toEqual([]);
    // By default the bot's own Entra app calls Graph, so it is the one named.
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://cabinet-bot.example.gov.uk/${BOT_ID}` });

    // Graph called as another identity (a managed identity before an app registration, as the bot chooses): that one.
    const identity = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
    const registration = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    expect(manifestValues({ ...ENV, GRAPH_CLIENT_ID: registration }).values.WEB_APPLICATION_ID).toBe(registration);
    expect(manifestValues({ ...ENV, GRAPH_CLIENT_ID: registration, GRAPH_MANAGED_IDENTITY_CLIENT_ID: identity }).values.WEB_APPLICATION_ID).toBe(identity);
    expect(manifestValues({ ...ENV, GRAPH_MANAGED_IDENTITY_CLIENT_ID: identity, WEB_APPLICATION_ID: BOT_ID }).values.WEB_APPLICATION_ID).toBe(BOT_ID);
    expect(manifestValues({ ...ENV, GRAPH_CLIENT_ID: 'graph-client' }).problems).toEqual([
      'WEB_APPLICATION_ID must be a GUID, the client id of the Entra app that calls Microsoft Graph (from GRAPH_CLIENT_ID: got "graph-client")',
    ]);
  });

  test('defaults: MicrosoftAppId as the bot id, host taken from a URL; no default for the ModernGov hosts', () => {
    const { values, problems } = manifestValues({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'https://cabinet-bot.azurewebsites.net/api/messages', MODERNGOV_DOMAINS: 'democracy.example.gov.uk', ...COUNCIL });
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ BOT_ID, TEAMS_APP_ID: BOT_ID, BOT_DOMAIN: 'cabinet-bot.azurewebsites.net', MODERNGOV_DOMAINS: ['democracy.example.gov.uk'] });
  });

  test('link unfurling needs the council\'s own ModernGov hosts: none, or a wildcard over a shared domain, is refused', () => {
    expect(manifestValues({ BOT_ID, BOT_DOMAIN: 'bot.example.gov.uk', ...COUNCIL }).problems).toEqual([
      'MODERNGOV_DOMAINS is required: the council\'s own ModernGov host name(s), whose links unfurl into cards, e.g. democracy.example.gov.uk',
    ]);
    expect(manifestValues({ BOT_ID, BOT_DOMAIN: 'bot.example.gov.uk', MODERNGOV_DOMAINS: '*.moderngov.co.uk, *.gov.uk, *.com, *.example.gov.uk', ...COUNCIL }).problems).toEqual([
      expect.stringMatching(/^MODERNGOV_DOMAINS: "\*\.moderngov\.co\.uk" covers domains the council does not control/),
      expect.stringMatching(/^MODERNGOV_DOMAINS: "\*\.gov\.uk" covers domains the council does not control/),
      expect.stringMatching(/^MODERNGOV_DOMAINS: "\*\.com" covers domains the council does not control/),
    ]);
  });

  test('refuses to build without a bot id and domain, or with malformed values, and says why', async () => {
    const missing = await buildManifestPackage({ env: {}, outFile: path.join(outDir, 'app.zip') });
    expect(missing.zipPath).toBeUndefined();
    expect(missing.errors).toEqual([
      expect.stringMatching(/^BOT_ID/), expect.stringMatching(/^BOT_DOMAIN/), expect.stringMatching(/^MODERNGOV_DOMAINS is required/),
      expect.stringMatching(/^DEVELOPER_WEBSITE_URL is required/), expect.stringMatching(/^DEVELOPER_PRIVACY_URL is required/),
      expect.stringMatching(/^DEVELOPER_TERMS_URL is required/),
    ]);

    const bad = manifestValues({ BOT_ID: 'not-a-guid', BOT_DOMAIN: 'bot.example.org', MODERNGOV_DOMAINS: 'https://x.example.org/page', APP_VERSION: '1.0', ...COUNCIL });
    expect(bad.problems).toEqual([
      expect.stringMatching(/^BOT_ID must be a GUID/),
      expect.stringMatching(/^APP_VERSION must be x.y.z/),
      expect.stringMatching(/^MODERNGOV_DOMAINS: "https:\/\/x.example.org\/page"/),
    ]);
  });

  test('privacy and terms: the bot\'s own pages only when it can name the council, else the council\'s own https pages', () => {
    const base = { BOT_ID, BOT_DOMAIN: 'bot.example.gov.uk', MODERNGOV_DOMAINS: 'democracy.example.gov.uk' };
    const served = manifestValues({ ...base, ...COUNCIL });
    expect(served.problems).toEqual([]);
    expect(served.values).toMatchObject({
      DEVELOPER_NAME: 'Example Borough Council', DEVELOPER_WEBSITE_URL: 'https://bot.example.gov.uk/',
      DEVELOPER_PRIVACY_URL: 'https://bot.example.gov.uk/privacy', DEVELOPER_TERMS_URL: 'https://bot.example.gov.uk/terms',
    });
    expect(manifestValues(base).problems).toEqual([
      'DEVELOPER_WEBSITE_URL is required: the council\'s own page, or set COUNCIL_NAME and PRIVACY_CONTACT so that the bot serves https://bot.example.gov.uk/',
      'DEVELOPER_PRIVACY_URL is required: the council\'s own page, or set COUNCIL_NAME and PRIVACY_CONTACT so that the bot serves https://bot.example.gov.uk/privacy',
      'DEVELOPER_TERMS_URL is required: the council\'s own page, or set COUNCIL_NAME and PRIVACY_CONTACT so that the bot serves https://bot.example.gov.uk/terms',
    ]);
    const own = manifestValues({
      ...base, DEVELOPER_WEBSITE_URL: 'https://www.example.gov.uk/', DEVELOPER_PRIVACY_URL: 'https://www.example.gov.uk/privacy/cabinet-bot', DEVELOPER_TERMS_URL: 'http://www.example.gov.uk/terms',
    });
    expect(own.problems).toEqual(['DEVELOPER_TERMS_URL must be an https:// address (got "http://www.example.gov.uk/terms")']);
    expect(own.values.DEVELOPER_PRIVACY_URL).toBe('https://www.example.gov.uk/privacy/cabinet-bot');
    expect(manifestValues({ ...base, ...COUNCIL, COUNCIL_NAME: 'The Royal Borough of Windsor and Maidenhead' }).problems).toEqual([
      'DEVELOPER_NAME must be at most 32 characters (Teams\' limit for the publisher\'s name): "The Royal Borough of Windsor and Maidenhead" has 43; set a shorter DEVELOPER_NAME',
    ]);
  });

  test('promises only what the bot does: each menu command is one the bot reads, notifications only once officers can send them', async () => {
    const { manifest } = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'app.zip') });
    const m = manifest as unknown as Manifest & { description: { short: string; full: string } };
    for (const { title } of m.bots[0]!.commandLists[0]!.commands) {
      // A bare command, or one with its argument: the parser must read it as that command (not as a search).
      expect([title, [parseCommand(title).kind, parseCommand(`${title} community safety`).kind]]).toEqual([title, expect.arrayContaining([title])]);
    }
    // Routes are only listed here, never called: no store or index is needed to see what the officer API offers.
    const routes = officerRoutes({ config: loadConfig({}) } as RouteDeps);
    const officersCanNotify = routes.some((r) => r.method === 'post' && r.path.startsWith('/api/v1/notifications'));
    const description = `${m.description.short} ${m.description.full}`;
    expect({ promisesNotifications: /notif|get a card when|are sent/i.test(description) }).toEqual({ promisesNotifications: officersCanNotify });
    expect(m.description.full).toMatch(/acknowledge it with one press/);
    expect(m.description.full).toMatch(/remind those who have not/);
  });

  test('placeholders: list values expand in arrays, unknown names are an error', () => {
    expect(fillPlaceholders({ a: 'id ${{X}}', d: ['${{L}}', 'fixed'] }, { X: '1', L: ['p', 'q'] })).toEqual({ a: 'id 1', d: ['p', 'q', 'fixed'] });
    expect(() => fillPlaceholders({ a: '${{NOPE}}' }, {})).toThrow('no value for ${{NOPE}}');
  });

  test('the same manifest also validates against the newest schema the package ships (v1.30)', async () => {
    const { manifest } = await buildManifestPackage({ env: ENV, outFile: path.join(outDir, 'app.zip') });
    const newest = { ...manifest, manifestVersion: '1.30', $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json' };
    expect(await validateManifest(newest)).toEqual([]);
  });
});
