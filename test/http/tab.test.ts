import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { createTabSite, TAB_FRAME_ANCESTORS, tabSignIn, type TabSignIn } from '../../src/http/tab';
import { startTestApp } from '../support/start-test-app';

/**
 * Issue 15: the dashboard tab is served by the bot under /tab/ from its build (here a small stand-in build in a
 * temporary folder: the real one is opened by test/e2e/tab.e2e.test.ts), with the content types, the SPA fallback,
 * /tab/config.json, and a Content-Security-Policy that runs no inline script and lets only the Teams and Microsoft 365
 * hosts frame it.
 */

const INDEX = '<!doctype html><html lang="en-GB"><head><script type="module" src="/tab/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>';
let dist: string;
let server: HttpServer;
let url: string;

async function serve(signIn: TabSignIn, distDir: string): Promise<{ server: HttpServer; url: string }> {
  const s = createHttpServer({
    logger: pino({ level: 'silent' }),
    maxBodyBytes: 1024,
    messages: async () => undefined,
    authenticateOfficer: async () => ({ id: 'x', roles: ['Officer'], via: 'static-token' }),
    routes: [],
    readiness: async () => undefined,
    tab: createTabSite({ distDir, signIn }),
  });
  const { port } = await s.listen(0, '127.0.0.1');
  return { server: s, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'cabinet-tab-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log("tab")');
  writeFileSync(path.join(dist, 'assets', 'index-abc.css'), 'body{margin:0}');
  writeFileSync(path.join(dist, 'assets', 'notes.exe'), 'MZ');
  ({ server, url } = await serve({ mode: 'local' }, dist));
});

afterAll(async () => {
  await server?.stop(100);
  rmSync(dist, { recursive: true, force: true });
});

const directives = (csp: string | null): Map<string, string[]> =>
  new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name as string, values]));

describe('GET /tab/', () => {
  test('answers the page, never cached, with a CSP of scripts from this origin only and exactly the Teams and Microsoft 365 hosts as frame ancestors', async () => {
    const res = await fetch(`${url}/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual([
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook-sdf.office.com',
      'https://outlook-sdf.office365.com',
    ]);
    expect(TAB_FRAME_ANCESTORS).toHaveLength(9);
    // Local mode talks to nobody but the bot.
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  test('/tab redirects to /tab/, so that the page\'s relative addresses resolve under it', async () => {
    const res = await fetch(`${url}/tab`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/tab/');
  });

  test('a page route (a reload of /tab/meetings, /tab/items/x) answers the page itself', async () => {
    for (const route of ['meetings', 'items/item-hra-budget-monitoring', 'index.html']) {
      const res = await fetch(`${url}/tab/${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(INDEX);
    }
  });

  test('the hashed bundles are served with their content types and cached for a year', async () => {
    const js = await fetch(`${url}/tab/assets/index-abc.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("tab")');
    const css = await fetch(`${url}/tab/assets/index-abc.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  test('a missing file, a type the page never has, or a path out of the build is 404 problem+json', async () => {
    for (const bad of ['assets/missing.js', 'assets/notes.exe', '..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', 'assets/..%2F..%2Findex.html']) {
      const res = await fetch(`${url}/tab/${bad}`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 404 });
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  test('before the page is built, it says how to build it (503)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'cabinet-tab-empty-'));
    const other = await serve({ mode: 'local' }, empty);
    try {
      const res = await fetch(`${other.url}/tab/`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toContain('npm run build:tab');
    } finally {
      await other.server.stop(100);
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('GET /tab/config.json', () => {
  test('local mode: says local and nothing else (the local token is never served)', async () => {
    const res = await fetch(`${url}/tab/config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ mode: 'local' });
  });

  test('the running bot in local mode serves /tab/ and says local, even with OFFICER_API_TOKEN set', async () => {
    const app = await startTestApp({ OFFICER_API_TOKEN: 'tab-test-officer-token-0123456789' });
    try {
      const res = await fetch(`${app.url}/tab/config.json`);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ mode: 'local' });
      expect(text).not.toContain('tab-test-officer-token');
      expect((await fetch(`${app.url}/tab`, { redirect: 'manual' })).status).toBe(308);
    } finally {
      await app.stop();
    }
  });

  test('Entra mode: the client id, the authority, the audience and the scope; the page may reach the authority (MSAL) and the teams-js CDN only', async () => {
    const config = loadConfig({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
      ENTRA_JWKS_URL: 'https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/discovery/v2.0/keys',
      ENTRA_ISSUER: 'https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0',
      ENTRA_AUDIENCE: 'api://cabinet-bot.example.gov.uk/11111111-2222-3333-4444-555555555555',
    });
    const signIn = tabSignIn(config.officerApi, config.bot.tenantId);
    expect(signIn).toEqual({
      mode: 'entra',
      clientId: '11111111-2222-3333-4444-555555555555',
      authority: 'https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555',
      audience: 'api://cabinet-bot.example.gov.uk/11111111-2222-3333-4444-555555555555',
      scope: 'api://cabinet-bot.example.gov.uk/11111111-2222-3333-4444-555555555555/access_as_user',
    });
    const entra = await serve(signIn, dist);
    try {
      const res = await fetch(`${entra.url}/tab/config.json`);
      expect(await res.json()).toEqual(signIn);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com', 'https://res.cdn.office.net']);
      expect(csp.get('frame-src')).toEqual(['https://login.microsoftonline.com']);
      expect(csp.get('script-src')).toEqual(["'self'"]);
    } finally {
      await entra.server.stop(100);
    }
  });

  test('TAB_CLIENT_ID and TAB_SCOPE name another registration and scope; without any client id the page is told what to set', () => {
    const env = { ENTRA_JWKS_URL: 'http://127.0.0.1:1/keys', ENTRA_ISSUER: 'https://issuer.example', ENTRA_AUDIENCE: 'api://cabinet' };
    const named = loadConfig({ ...env, TAB_CLIENT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', TAB_SCOPE: 'api://cabinet/.default' });
    expect(tabSignIn(named.officerApi, undefined)).toMatchObject({ clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', scope: 'api://cabinet/.default', authority: 'https://login.microsoftonline.com/organizations' });
    const none = tabSignIn(loadConfig(env).officerApi, undefined);
    expect(none).toMatchObject({ mode: 'unconfigured' });
    expect((none as { detail: string }).detail).toContain('TAB_CLIENT_ID');
  });
});
