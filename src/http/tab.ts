import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The democratic services dashboard (web/tab, built by `npm run build:tab` into dist/tab) served by the bot itself
 * under /tab/: the Teams personal tab and, outside Teams, the same page in a browser. Static files with their content
 * types; any other page path answers index.html (the page routes itself); /tab/config.json tells the page how to sign in.
 *
 * The page is framed by Teams and the other Microsoft 365 hosts of tabs, and by nothing else; it runs no inline script.
 */

/** How the page gets its bearer token for /api/v1; nothing secret: ids and addresses the page needs to ask Entra. */
export type TabSignIn =
  | { readonly mode: 'local' }
  /** The officer API takes Entra tokens but no client id is configured for the tab (TAB_CLIENT_ID or MicrosoftAppId). */
  | { readonly mode: 'unconfigured'; readonly detail: string }
  | {
      readonly mode: 'entra';
      /** The app registration's client id (the manifest's webApplicationInfo.id). */
      readonly clientId: string;
      /** https://login.microsoftonline.com/<tenant> (MSAL outside Teams). */
      readonly authority: string;
      /** The officer API's ENTRA_AUDIENCE (the application id URI, webApplicationInfo.resource). */
      readonly audience: string;
      /** What MSAL asks for outside Teams. */
      readonly scope: string;
    };

/** The page's sign-in, from the officer API's settings: local token, or Entra ID with the tab's app registration. */
export function tabSignIn(officerApi: {
  readonly entra?: { readonly audience: string };
  readonly tab?: { readonly clientId: string; readonly scope: string };
}, tenantId: string | undefined): TabSignIn {
  if (!officerApi.entra) return { mode: 'local' };
  if (!officerApi.tab) {
    return { mode: 'unconfigured', detail: 'The officer API takes Entra ID tokens, but the dashboard has no app registration to sign in with: set TAB_CLIENT_ID (or MicrosoftAppId) to the client id whose application id URI is ENTRA_AUDIENCE.' };
  }
  return {
    mode: 'entra',
    clientId: officerApi.tab.clientId,
    authority: `https://login.microsoftonline.com/${tenantId ?? 'organizations'}`,
    audience: officerApi.entra.audience,
    scope: officerApi.tab.scope,
  };
}

export interface TabSettings {
  /** The built page: dist/tab. */
  readonly distDir: string;
  readonly signIn: TabSignIn;
}

export interface TabResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

/**
 * The hosts that embed Teams and Microsoft 365 tabs (learn.microsoft.com, "Prerequisites" of a tab, tab-requirements):
 * Teams, the Microsoft 365 app, Outlook, and the *.cloud.microsoft hosts they are moving to.
 */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Scripts from this origin only (no inline script, no eval); Fluent UI writes its styles into <style> elements at
 * run time (Griffel), so inline styles are allowed, and nothing else inline.
 */
export function tabContentSecurityPolicy(signIn: TabSignIn): string {
  // Outside Teams, MSAL talks to the authority's origin: token requests, its popup and its hidden renewal frame.
  const login = signIn.mode === 'entra' ? ` ${new URL(signIn.authority).origin}` : '';
  // Inside Teams, teams-js reads Microsoft's current list of host origins from its CDN (it falls back to the list it ships).
  const teamsJs = signIn.mode === 'entra' ? ` ${TEAMS_JS_CDN}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${login}${teamsJs}`,
    `frame-src${login || " 'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
    `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** Where teams-js fetches validDomains.json (its validOriginsCdnEndpoint). */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export interface TabSite {
  /** GET /tab/config.json */
  config(): TabResponse;
  /** GET /tab/<rest>: a built file, or index.html for a page route; `rest` is the path after /tab/, still URL-encoded. */
  file(rest: string): Promise<TabResponse>;
}

export function createTabSite(settings: TabSettings): TabSite {
  const signIn = settings.signIn;
  const csp = tabContentSecurityPolicy(signIn);
  const common = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const root = path.resolve(settings.distDir);

  const notBuilt = (): TabResponse => problemResponse(503, 'Not built', 'The dashboard has not been built: run `npm run build:tab` (npm run build and npm run dev do it too).', common);

  async function readIndex(): Promise<TabResponse> {
    try {
      const body = await readFile(path.join(root, 'index.html'));
      // The page names its hashed bundles; it is never cached, so a new build is picked up at once.
      return { status: 200, headers: { ...common, 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-cache' }, body };
    } catch {
      return notBuilt();
    }
  }

  return {
    config: () => ({
      status: 200,
      headers: { ...common, 'Content-Type': CONTENT_TYPES['.json']!, 'Cache-Control': 'no-cache' },
      body: JSON.stringify(signIn),
    }),
    async file(rest) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(rest.split('?')[0] ?? '');
      } catch {
        return problemResponse(400, 'Bad request', 'The path is not valid URL encoding.', common);
      }
      if (decoded === '' || decoded === 'index.html') return readIndex();
      const segments = decoded.split('/');
      if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
        return problemResponse(404, 'Not found', `No such file: /tab/${rest}`, common);
      }
      const ext = path.extname(decoded).toLowerCase();
      // A path without an extension is one of the page's own routes (#/ routing keeps most off the server, but a
      // reload of /tab/meetings lands here): the page itself answers.
      if (ext === '') return readIndex();
      const type = CONTENT_TYPES[ext];
      const full = path.join(root, ...segments);
      if (!type || !full.startsWith(root + path.sep)) return problemResponse(404, 'Not found', `No such file: /tab/${rest}`, common);
      try {
        if (!(await stat(full)).isFile()) throw new Error('not a file');
        const body = await readFile(full);
        // Vite names what it bundles by content hash under assets/: those never change and may be cached for a year.
        const cache = segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
        return { status: 200, headers: { ...common, 'Content-Type': type, 'Cache-Control': cache }, body };
      } catch {
        return problemResponse(404, 'Not found', `No such file: /tab/${rest}`, common);
      }
    },
  };
}

function problemResponse(status: number, title: string, detail: string, common: Record<string, string>): TabResponse {
  return {
    status,
    headers: { ...common, 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' },
    body: JSON.stringify({ type: 'about:blank', status, title, detail }),
  };
}
