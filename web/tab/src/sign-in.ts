/**
 * How the page gets a bearer token for /api/v1, as /tab/config.json says (src/http/tab.ts):
 *  - inside Teams (the page is framed by a Teams or Microsoft 365 host): teams-js `authentication.getAuthToken()`, the
 *    single sign-on of the manifest's webApplicationInfo;
 *  - in a browser outside Teams: MSAL with the same app registration (a popup, then silent renewal);
 *  - in local mode (`npm run dev`): the local officer token, given in the address (#token=..., printed by npm run dev)
 *    or typed in; it is kept in this tab's sessionStorage only. The bot never serves it.
 * Both SDKs are loaded only on the path that needs them.
 */

export type TabConfig =
  | { readonly mode: 'local' }
  | { readonly mode: 'unconfigured'; readonly detail: string }
  | { readonly mode: 'entra'; readonly clientId: string; readonly authority: string; readonly audience: string; readonly scope: string };

export type HostTheme = 'light' | 'dark' | 'contrast';

export interface TokenSource {
  readonly kind: 'teams' | 'msal' | 'local';
  /** A token, or undefined when the person must act first (type the local token; press Sign in for the MSAL popup). */
  token(): Promise<string | undefined>;
  /** After a 401: a fresh token, or undefined when the person must act. */
  renew(): Promise<string | undefined>;
  /** What the person does to sign in when token() gave nothing. */
  interactive?(input?: string): Promise<string | undefined>;
}

export interface Host {
  readonly inTeams: boolean;
  readonly theme?: HostTheme;
  onThemeChange?(handler: (theme: HostTheme) => void): void;
}

const LOCAL_TOKEN_KEY = 'cabinet-bot.officer-token';

export async function loadTabConfig(): Promise<TabConfig> {
  const res = await fetch('./config.json', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The dashboard's settings could not be read (HTTP ${res.status}).`);
  const body = (await res.json()) as Partial<Record<string, unknown>>;
  if (body.mode === 'local') return { mode: 'local' };
  if (body.mode === 'unconfigured' && typeof body.detail === 'string') return { mode: 'unconfigured', detail: body.detail };
  if (body.mode === 'entra' && ['clientId', 'authority', 'audience', 'scope'].every((k) => typeof body[k] === 'string')) {
    return body as TabConfig;
  }
  throw new Error('The dashboard\'s settings are not in a form it knows.');
}

/** Framed by a host: Teams, Outlook or the Microsoft 365 app (the bot's frame-ancestors allows only those). */
export const isFramed = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};

/** Teams themes by the names teams-js gives them. */
const themeOf = (name: string | undefined): HostTheme => (name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light');

/** Inside a Teams or Microsoft 365 host: initialise teams-js, read the theme, and get tokens by single sign-on. */
export async function teamsHost(): Promise<{ host: Host; tokens: TokenSource }> {
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  app.notifySuccess();
  const host: Host = {
    inTeams: true,
    theme: themeOf(context.app.theme),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(themeOf(t))),
  };
  const get = () => authentication.getAuthToken();
  return { host, tokens: { kind: 'teams', token: get, renew: get } };
}

/** Outside Teams with Entra ID: MSAL's PublicClientApplication on the same app registration. */
export async function msalTokens(config: Extract<TabConfig, { mode: 'entra' }>): Promise<TokenSource> {
  const { PublicClientApplication, InteractionRequiredAuthError } = await import('@azure/msal-browser');
  const msal = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}/tab/` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  await msal.handleRedirectPromise();
  const scopes = [config.scope];
  const silent = async (forceRefresh: boolean): Promise<string | undefined> => {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (!account) return undefined;
    try {
      return (await msal.acquireTokenSilent({ scopes, account, forceRefresh })).accessToken;
    } catch (err) {
      if (err instanceof InteractionRequiredAuthError) return undefined;
      throw err;
    }
  };
  return {
    kind: 'msal',
    token: () => silent(false),
    renew: () => silent(true),
    // A popup needs the person's click: the page shows a Sign in button and calls this from it.
    interactive: async () => {
      const result = await msal.loginPopup({ scopes });
      msal.setActiveAccount(result.account);
      return (await msal.acquireTokenSilent({ scopes, account: result.account })).accessToken;
    },
  };
}

/**
 * Local mode: the token npm run dev prints in the dashboard's address (#token=...), taken out of the address at
 * once, or typed in. A 401 forgets it and asks again.
 */
export function localTokens(): TokenSource {
  const fromAddress = /^#token=([^&]+)/.exec(window.location.hash);
  if (fromAddress?.[1]) {
    sessionStorage.setItem(LOCAL_TOKEN_KEY, decodeURIComponent(fromAddress[1]));
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/meetings`);
  }
  const stored = async () => sessionStorage.getItem(LOCAL_TOKEN_KEY) ?? undefined;
  return {
    kind: 'local',
    token: stored,
    renew: async () => {
      sessionStorage.removeItem(LOCAL_TOKEN_KEY);
      return undefined;
    },
    interactive: async (input) => {
      const token = input?.trim();
      if (!token) return undefined;
      sessionStorage.setItem(LOCAL_TOKEN_KEY, token);
      return token;
    },
  };
}
