/**
 * Builds the Teams app package: manifest/manifest.template.json with its ${{PLACEHOLDERS}} filled from the
 * environment (and .env), validated offline against the Teams manifest JSON schema shipped in @microsoft/app-manifest,
 * zipped with the two icons into manifest/build/cabinet-bot.zip (upload it in Teams: Apps > Manage your apps >
 * Upload an app, or in the Teams Developer Portal).
 *
 *   npm run manifest                         reads .env, writes manifest/build/{manifest.json,cabinet-bot.zip}
 *   npm run manifest -- --out dist/app.zip   another output file
 *   npm run manifest -- --env-file .env.prod
 *
 * Settings (manifest/README.md):
 *   BOT_ID             the Azure Bot's Microsoft App ID (default: MicrosoftAppId)            required
 *   BOT_DOMAIN         host name the bot is served from, e.g. cabinet-bot.azurewebsites.net   required
 *   TEAMS_APP_ID       the Teams app's id (default: BOT_ID)
 *   WEB_APPLICATION_ID the Entra app of webApplicationInfo: the dashboard tab's single sign-on, and the app that calls
 *                      Microsoft Graph to install the app for members
 *                      (default: TAB_CLIENT_ID, else GRAPH_MANAGED_IDENTITY_CLIENT_ID, else GRAPH_CLIENT_ID, else BOT_ID)
 *   ENTRA_AUDIENCE     the officer API's audience: webApplicationInfo.resource when it is an api:// URI
 *                      (else api://BOT_DOMAIN/WEB_APPLICATION_ID, the URI Teams' single sign-on requires)
 *   APP_VERSION        x.y.z (default: package.json version)
 *   MODERNGOV_DOMAINS  the council's own ModernGov hosts, whose links unfurl into cards, comma or space separated  required
 *   DEVELOPER_NAME     the publisher shown in Teams (default: COUNCIL_NAME)
 *   DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL
 *                      the council's own pages; each defaults to the bot's page (https://BOT_DOMAIN/, /privacy, /terms)
 *                      only when COUNCIL_NAME and PRIVACY_CONTACT are set, as the bot then serves them
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { parse as parseDotenv } from 'dotenv';
import { councilHostProblem, HOST_PATTERN } from '../src/config';

const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'manifest.template.json');
export const DEFAULT_OUT = path.join(MANIFEST_DIR, 'build', 'cabinet-bot.zip');
/** Icons Teams requires, with their exact sizes. */
export const ICONS = [
  { file: 'color.png', size: 192 },
  { file: 'outline.png', size: 32 },
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

export type PlaceholderValues = Record<string, string | string[]>;

/** Placeholder values from the environment, with defaults; `problems` lists what is missing or malformed. */
export function manifestValues(env: Record<string, string | undefined>): { values: PlaceholderValues; problems: string[] } {
  const get = (key: string) => (env[key]?.trim() ? env[key]?.trim() : undefined);
  const problems: string[] = [];

  const botId = get('BOT_ID') ?? get('MicrosoftAppId');
  if (!botId) problems.push('BOT_ID (or MicrosoftAppId) is required: the Azure Bot\'s Microsoft App ID');
  else if (!GUID.test(botId)) problems.push(`BOT_ID must be a GUID (got "${botId}")`);

  const teamsAppId = get('TEAMS_APP_ID') ?? botId;
  if (get('TEAMS_APP_ID') && !GUID.test(teamsAppId ?? '')) problems.push(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}")`);

  // Graph's ...Self... permissions let an Entra app install only the Teams app that names it in webApplicationInfo: the
  // app that calls Graph, chosen as the bot chooses it (a managed identity first, src/graph/graph-credential.ts).
  // The tab's single sign-on takes it too: one app registration serves both (TAB_CLIENT_ID, whose application id URI
  // is the officer API's ENTRA_AUDIENCE). A managed identity cannot sign people in, so the tab's registration and a
  // different Graph identity cannot both be named: the package says so rather than breaking one of them.
  const webAppSetting = ['WEB_APPLICATION_ID', 'TAB_CLIENT_ID', 'GRAPH_MANAGED_IDENTITY_CLIENT_ID', 'GRAPH_CLIENT_ID'].find((key) => get(key) !== undefined);
  const webApplicationId = webAppSetting ? get(webAppSetting) : botId;
  if (webAppSetting && !GUID.test(webApplicationId ?? '')) {
    problems.push(`WEB_APPLICATION_ID must be a GUID, the client id of the Entra app that calls Microsoft Graph (from ${webAppSetting}: got "${webApplicationId}")`);
  }
  const graphId = get('GRAPH_MANAGED_IDENTITY_CLIENT_ID') ?? get('GRAPH_CLIENT_ID');
  if (!get('WEB_APPLICATION_ID') && get('TAB_CLIENT_ID') && graphId && graphId !== get('TAB_CLIENT_ID')) {
    problems.push(
      'TAB_CLIENT_ID and the Graph identity (GRAPH_MANAGED_IDENTITY_CLIENT_ID or GRAPH_CLIENT_ID) differ, and a Teams app has one webApplicationInfo: ' +
        'give the tab\'s app registration the Graph permission and use it for both (GRAPH_CLIENT_ID = TAB_CLIENT_ID), or set WEB_APPLICATION_ID to the one to name',
    );
  }

  let botDomain = get('BOT_DOMAIN');
  if (botDomain?.includes('://')) {
    try {
      botDomain = new URL(botDomain).host;
    } catch {
      // reported below
    }
  }
  if (!botDomain) problems.push('BOT_DOMAIN is required: the host name the bot is served from, e.g. cabinet-bot.azurewebsites.net');
  else if (!HOST_PATTERN.test(botDomain.replace(/:\d+$/, ''))) problems.push(`BOT_DOMAIN must be a host name (got "${botDomain}")`);

  const appVersion = get('APP_VERSION') ?? packageVersion();
  if (!SEMVER.test(appVersion)) problems.push(`APP_VERSION must be x.y.z (got "${appVersion}")`);

  const domains = [...new Set((get('MODERNGOV_DOMAINS') ?? '').split(/[\s,]+/).filter(Boolean).map((d) => d.toLowerCase()))];
  if (domains.length === 0) {
    problems.push('MODERNGOV_DOMAINS is required: the council\'s own ModernGov host name(s), whose links unfurl into cards, e.g. democracy.example.gov.uk');
  }
  for (const problem of domains.map(councilHostProblem)) if (problem !== undefined) problems.push(`MODERNGOV_DOMAINS: ${problem}`);

  const site = `https://${botDomain ?? 'localhost'}`;
  // The bot serves /, /privacy and /terms only when it can name the council and whom to ask (src/http/public-pages.ts).
  const botServesPages = get('COUNCIL_NAME') !== undefined && get('PRIVACY_CONTACT') !== undefined;
  const page = (key: string, botPath: string): string => {
    const given = get(key);
    if (given !== undefined) {
      if (!/^https:\/\/[^\s]+$/.test(given)) problems.push(`${key} must be an https:// address (got "${given}")`);
      return given;
    }
    if (!botServesPages) {
      problems.push(`${key} is required: the council's own page, or set COUNCIL_NAME and PRIVACY_CONTACT so that the bot serves ${site}${botPath}`);
    }
    return `${site}${botPath}`;
  };
  // Teams shows the publisher's name in at most 32 characters; a council's full name is often longer.
  const developerName = get('DEVELOPER_NAME') ?? get('COUNCIL_NAME') ?? 'Democratic Services';
  if (developerName.length > 32) {
    problems.push(`DEVELOPER_NAME must be at most 32 characters (Teams' limit for the publisher's name): "${developerName}" has ${developerName.length}; set a shorter DEVELOPER_NAME`);
  }
  // The dashboard tab's token is for the officer API: Teams asks for its application id URI. ENTRA_AUDIENCE is that URI
  // when given as one; a v2 token's audience is the bare client id, and then the URI is the one Teams' SSO requires.
  const audience = get('ENTRA_AUDIENCE');
  const resource = audience?.startsWith('api://') ? audience : `api://${botDomain ?? 'localhost'}/${webApplicationId ?? ''}`;
  const values: PlaceholderValues = {
    BOT_ID: botId ?? '',
    TEAMS_APP_ID: teamsAppId ?? '',
    WEB_APPLICATION_ID: webApplicationId ?? '',
    WEB_APPLICATION_RESOURCE: resource,
    BOT_DOMAIN: botDomain ?? '',
    APP_VERSION: appVersion,
    MODERNGOV_DOMAINS: domains,
    DEVELOPER_NAME: developerName,
    DEVELOPER_WEBSITE_URL: page('DEVELOPER_WEBSITE_URL', '/'),
    DEVELOPER_PRIVACY_URL: page('DEVELOPER_PRIVACY_URL', '/privacy'),
    DEVELOPER_TERMS_URL: page('DEVELOPER_TERMS_URL', '/terms'),
  };
  return { values, problems };
}

/**
 * Fills ${{NAME}} placeholders in every string of a JSON value. An array element that is exactly one placeholder
 * whose value is a list becomes that many elements (MODERNGOV_DOMAINS). An unknown placeholder is an error.
 */
export function fillPlaceholders(template: unknown, values: PlaceholderValues): unknown {
  const lookup = (name: string): string | string[] => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest template: no value for \${{${name}}}`);
    return value;
  };
  const fillString = (s: string): string =>
    s.replace(PLACEHOLDER, (_, name: string) => {
      const value = lookup(name);
      if (Array.isArray(value)) throw new Error(`manifest template: \${{${name}}} is a list and must be an array element on its own`);
      return value;
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return fillString(node);
    if (Array.isArray(node))
      return node.flatMap((item) => {
        const whole = typeof item === 'string' ? /^\$\{\{\s*([A-Z0-9_]+)\s*\}\}$/.exec(item) : null;
        if (whole?.[1]) {
          const value = lookup(whole[1]);
          return Array.isArray(value) ? value : [value];
        }
        return [walk(item)];
      });
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(template);
}

/** Validates against the JSON schema named by the manifest's $schema, read from @microsoft/app-manifest (offline). */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = String(manifest.$schema ?? '');
  const match = /\/json-schemas\/(teams\/v[\d.]+\/MicrosoftTeams\.schema\.json)$/.exec(schemaUrl);
  if (!match?.[1]) return [`$schema "${schemaUrl}" is not a Teams manifest schema URL`];
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', match[1]);
  if (!existsSync(schemaFile)) return [`@microsoft/app-manifest has no local copy of ${match[1]} (it validates v1.0 to v1.30, except v1.18)`];
  // The package's own loader, for its clean-ups of the schema text (\a, \v escapes).
  const schema = await AppManifestUtils.fetchSchema(schemaUrl);
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}

/** What the schema does not check: icon sizes, leftover placeholders, command list limits. */
export function extraChecks(manifest: Record<string, unknown>, manifestDir = MANIFEST_DIR): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  const leftover = text.match(PLACEHOLDER);
  if (leftover) problems.push(`placeholders left unfilled: ${[...new Set(leftover)].join(', ')}`);
  for (const icon of ICONS) {
    const file = path.join(manifestDir, icon.file);
    if (!existsSync(file)) {
      problems.push(`${icon.file} is missing`);
      continue;
    }
    const size = pngSize(readFileSync(file));
    if (!size) problems.push(`${icon.file} is not a PNG`);
    else if (size.width !== icon.size || size.height !== icon.size)
      problems.push(`${icon.file} must be ${icon.size}x${icon.size} (is ${size.width}x${size.height})`);
  }
  const bots = (manifest.bots ?? []) as Array<{ commandLists?: Array<{ commands: Array<{ title: string }> }> }>;
  for (const list of bots.flatMap((b) => b.commandLists ?? [])) {
    const titles = list.commands.map((c) => c.title.toLowerCase());
    const dupes = titles.filter((t, i) => titles.indexOf(t) !== i);
    if (dupes.length) problems.push(`command titles repeat: ${dupes.join(', ')}`);
  }
  return problems;
}

export function pngSize(data: Buffer): { width: number; height: number; colourType: number } | undefined {
  if (data.length < 26 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25] ?? -1 };
}

export interface BuildResult {
  readonly manifest: Record<string, unknown>;
  /** Schema errors and the extra checks; empty when the package is good. */
  readonly errors: string[];
  /** Written only when there are no errors. */
  readonly zipPath?: string;
  readonly manifestPath?: string;
}

export interface BuildOptions {
  readonly env: Record<string, string | undefined>;
  /** The zip to write (default manifest/build/cabinet-bot.zip); manifest.json is written next to it. */
  readonly outFile?: string;
  readonly templatePath?: string;
}

export async function buildManifestPackage(opts: BuildOptions): Promise<BuildResult> {
  const { values, problems } = manifestValues(opts.env);
  const templatePath = opts.templatePath ?? TEMPLATE_PATH;
  const template = JSON.parse(readFileSync(templatePath, 'utf8')) as unknown;
  const manifest = fillPlaceholders(template, values) as Record<string, unknown>;
  if (problems.length) return { manifest, errors: problems };

  const errors = [...(await validateManifest(manifest)), ...extraChecks(manifest, path.dirname(templatePath))];
  if (errors.length) return { manifest, errors };

  const outFile = path.resolve(opts.outFile ?? DEFAULT_OUT);
  mkdirSync(path.dirname(outFile), { recursive: true });
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestPath = path.join(path.dirname(outFile), 'manifest.json');
  writeFileSync(manifestPath, manifestJson);
  writeFileSync(
    outFile,
    await zip([
      { name: 'manifest.json', data: Buffer.from(manifestJson, 'utf8') },
      ...ICONS.map((icon) => ({ name: icon.file, data: readFileSync(path.join(path.dirname(templatePath), icon.file)) })),
    ]),
  );
  return { manifest, errors: [], zipPath: outFile, manifestPath };
}

/** The Teams app package. A fixed timestamp makes the same input give the same bytes. */
export function zip(entries: ReadonlyArray<{ name: string; data: Buffer }>): Promise<Buffer> {
  const archive = new ZipFile();
  const mtime = new Date('1980-01-01T00:00:00Z');
  for (const entry of entries) archive.addBuffer(entry.data, entry.name, { mtime, compress: true });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  let outFile: string | undefined;
  let envFile = path.join(ROOT, '.env');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') outFile = argv[++i];
    else if (arg === '--env-file') envFile = path.resolve(argv[++i] ?? '');
    else {
      console.error(`Unknown option ${arg}. Usage: npm run manifest -- [--out file.zip] [--env-file .env]`);
      return 2;
    }
  }
  // The environment wins over the file, as with the bot's own dotenv.
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const result = await buildManifestPackage({ env: { ...fromFile, ...process.env }, outFile });
  if (result.errors.length) {
    console.error(`The Teams app package was not built:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    console.error('Settings: manifest/README.md (BOT_ID, BOT_DOMAIN, MODERNGOV_DOMAINS, ...), in .env or the environment.');
    return 1;
  }
  const bots = result.manifest.bots as Array<{ botId: string }>;
  console.log(`Teams app package: ${path.relative(process.cwd(), result.zipPath ?? '')} (manifest ${String(result.manifest.manifestVersion)}, bot ${bots[0]?.botId}, version ${String(result.manifest.version)})`);
  console.log('Valid against the Teams manifest schema. Upload it in Teams (Apps > Manage your apps > Upload an app) or the Developer Portal.');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`build-manifest failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
