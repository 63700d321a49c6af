import { z } from 'zod';
import { DEFAULT_QUIET_HOURS, formatQuietHours, parseQuietHours, type QuietHours } from './domain/quiet-hours';
import { isConnectionString } from './telemetry/connection-string';

/**
 * One schema over the environment. Startup fails listing every problem at once (never a stack trace);
 * `.env.example` documents each key. Secrets are kept out of logs by `describeConfig`.
 */
const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url().optional());
/** A host name, or `*.` and a host name (one label of any name), as the Teams manifest writes link domains. */
export const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * Shared and public domains no council controls. Microsoft's link-unfurling guidance: "Ensure that you don't add
 * domains that aren't in your control, either directly or through wildcards"; a wildcard over one of these would also
 * claim every other council's (or company's) links.
 */
export const SHARED_DOMAINS: readonly string[] = [
  'moderngov.co.uk', 'gov.uk', 'co.uk', 'org.uk', 'ac.uk', 'nhs.uk', 'police.uk', 'sch.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk',
  'azurewebsites.net', 'onmicrosoft.com', 'sharepoint.com', 'cloudapp.net',
];

/** What is wrong with one of the council's ModernGov host names (MODERNGOV_DOMAINS), if anything. */
export const councilHostProblem = (host: string): string | undefined => {
  const wildcardOver = host.startsWith('*.') ? host.slice(2).toLowerCase() : undefined;
  if (wildcardOver !== undefined && (SHARED_DOMAINS.includes(wildcardOver) || !wildcardOver.includes('.'))) {
    return `"${host}" covers domains the council does not control (Teams forbids it); name the council's own host, e.g. democracy.example.gov.uk or example.moderngov.co.uk`;
  }
  return HOST_PATTERN.test(host) ? undefined : `"${host}" is not a host name (like democracy.example.gov.uk)`;
};

/** A comma or space separated list of the council's ModernGov host names, each checked. */
const hostList = z.preprocess(
  (v) => (typeof v === 'string' ? [...new Set(v.split(/[\s,]+/).filter(Boolean).map((h) => h.toLowerCase()))] : []),
  z.array(z.string().superRefine((host, ctx) => {
    const problem = councilHostProblem(host);
    if (problem !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  })),
);
const intFrom = (def: number, min: number, max: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(def));
const envFields = {
    // 0 asks the OS for a free port (tests).
    PORT: intFrom(3978, 0, 65535),
    // Unset: 127.0.0.1 in local mode (no authentication, so this machine only), 0.0.0.0 when authenticated.
    HOST: optionalString,
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    LOG_PRETTY: z.preprocess(emptyAsUndefined, z.enum(['auto', 'true', 'false']).default('auto')),

    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(
      emptyAsUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        errorMap: () => ({ message: 'must be SingleTenant or UserAssignedMSI (MultiTenant only for a bot created before July 2025: Azure creates no new ones)' }),
      }).default('SingleTenant'),
    ),
    MicrosoftAppTenantId: optionalString,
    // Overrides for sovereign clouds and for tests that sign their own channel tokens.
    BOT_OPENID_METADATA_URL: optionalUrl,
    BOT_TOKEN_ISSUER: optionalString,
    BOT_OAUTH_SCOPE: optionalString,
    // Sovereign clouds: the Entra login endpoint with the bot's tenant, where outgoing calls get their token.
    BOT_LOGIN_ENDPOINT: z.preprocess(emptyAsUndefined, z.string().url().refine((u) => u.startsWith('https://'), 'must be an https:// address').optional()),

    STORE: z.preprocess(emptyAsUndefined, z.enum(['embedded', 'cosmos']).default('embedded')),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    COSMOS_ENDPOINT: optionalUrl,
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9-_]{1,255}$/).default('cabinet-bot')),
    COSMOS_MANAGED_IDENTITY_CLIENT_ID: optionalString,

    OFFICER_API_TOKEN: optionalString,
    ENTRA_JWKS_URL: optionalUrl,
    ENTRA_ISSUER: optionalString,
    ENTRA_AUDIENCE: optionalString,
    // The dashboard tab's single sign-on: the app registration whose application id URI is ENTRA_AUDIENCE (default:
    // MicrosoftAppId, when the bot and the tab share one registration), and what MSAL asks for outside Teams.
    TAB_CLIENT_ID: optionalString,
    TAB_SCOPE: optionalString,
    MAX_BODY_BYTES: intFrom(1_048_576, 1024, 50 * 1_048_576),
    // How long one imported page may take to parse (in a worker thread) before the import is refused with 422.
    PAGE_PARSE_BUDGET_MS: intFrom(5000, 100, 120_000),

    CALL_IN_WORKING_DAYS: intFrom(5, 0, 30),
    // How long a former member's name stays on their acknowledgements and action updates after their end date, in
    // months, before `cabinet-bot retention apply` replaces it with "Former member". Six years is common for council records.
    RETENTION_MONTHS: intFrom(72, 1, 1200),
    // Notifications: the tenant's budget of Bot Connector requests per second (Teams allows 50 per app per tenant,
    // counting every request), and the London hours in which nothing is sent unless urgent.
    TEAMS_SEND_RATE: intFrom(30, 1, 50),
    QUIET_HOURS: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_QUIET_HOURS)).superRefine((value, ctx) => {
      try {
        parseQuietHours(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
    // Microsoft Graph proactive installation, for members who never opened the bot and share no team with it: the
    // app's id in the organisation's catalogue turns it on. Credentials: a user-assigned managed identity, or an app
    // registration's secret; either holding TeamsAppInstallation.ReadWriteSelfForUser.All (application permission).
    GRAPH_TEAMS_APP_ID: z.preprocess(emptyAsUndefined, z.string().uuid('must be the app id from the Teams admin centre (a GUID)').optional()),
    GRAPH_TENANT_ID: optionalString,
    GRAPH_CLIENT_ID: optionalString,
    GRAPH_CLIENT_SECRET: optionalString,
    GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalString,
    GRAPH_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url().default('https://graph.microsoft.com')),
    GRAPH_AUTHORITY_HOST: z.preprocess(emptyAsUndefined, z.string().url().default('https://login.microsoftonline.com')),
    // Where new personal chats opened by installing the app for a member are addressed (Teams' global endpoint).
    TEAMS_SERVICE_URL: z.preprocess(emptyAsUndefined, z.string().url().default('https://smba.trafficmanager.net/teams/')),
    // Telemetry (OpenTelemetry to Application Insights) is on when this is set; src/telemetry starts it before the app.
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
      emptyAsUndefined,
      z.string().refine(isConnectionString, 'must be an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=...)').optional(),
    ),
    // The council's own ModernGov host names: a pasted link on one of them unfurls an item imported without its address.
    MODERNGOV_DOMAINS: hostList,
    // Named on the privacy notice and terms the bot serves at /privacy and /terms (the app package links to them).
    COUNCIL_NAME: optionalString,
    PRIVACY_CONTACT: z.preprocess(
      emptyAsUndefined,
      z.string()
        .refine((v) => z.string().email().safeParse(v).success || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), 'must be an email address or an https:// address where people can ask about their data')
        .optional(),
    ),
    SHUTDOWN_GRACE_MS: intFrom(10_000, 0, 120_000),
    // The council's ModernGov site to follow (https://democracy.example.gov.uk); empty: nothing is fetched.
    MODERNGOV_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address')
      .refine((u) => !/[?#]/.test(u), 'must be the site\'s address, with no query or fragment')
      .optional()),
    // Minutes between syncs in the bot process.
    MODERNGOV_SYNC_MINUTES: intFrom(15, 1, 24 * 60),
    // Pause between two requests to the site (one at a time), in ms.
    MODERNGOV_REQUEST_GAP_MS: intFrom(1000, 0, 60_000),
    // How long one request may take, answer included, before it is retried and then given up (ms).
    MODERNGOV_TIMEOUT_MS: intFrom(30_000, 100, 300_000),
    // Who to tell when the bot troubles the site (the council's contact: an email address or web address), in the User-Agent.
    MODERNGOV_CONTACT: optionalString,
};

const EnvSchema = z.object(envFields);

/**
 * Rules across keys. They run on whatever parsed, even when other keys did not, so that one bad value never
 * hides another problem: startup lists every problem at once.
 */
function crossFieldProblems(env: Partial<z.infer<typeof EnvSchema>>): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);
    const authenticated = env.MicrosoftAppId !== undefined;
    if (authenticated && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword)
      problem('MicrosoftAppPassword', 'is required when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)');
    // The SDK would stop at start with a bare assertion; say it here, with every other problem.
    if (authenticated && env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword)
      problem('MicrosoftAppPassword', 'must be empty with MicrosoftAppType=UserAssignedMSI: a managed identity has no secret (MicrosoftAppId is the identity\'s client id)');
    if (authenticated && env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId)
      problem('MicrosoftAppTenantId', `is required for MicrosoftAppType=${env.MicrosoftAppType}`);
    if (!authenticated && env.BOT_LOGIN_ENDPOINT)
      problem('BOT_LOGIN_ENDPOINT', 'is set but MicrosoftAppId is empty: local mode signs nothing, so it has no use');
    if (!authenticated && env.MicrosoftAppPassword)
      problem('MicrosoftAppPassword', 'is set but MicrosoftAppId is empty: set both, or neither for local mode');
    if (authenticated && env.OFFICER_API_TOKEN)
      problem('OFFICER_API_TOKEN', 'is accepted in local mode only (no MicrosoftAppId); use Entra ID tokens in production');
    const entra = [env.ENTRA_JWKS_URL, env.ENTRA_ISSUER, env.ENTRA_AUDIENCE];
    if (entra.some(Boolean) && !entra.every(Boolean))
      problem('ENTRA_JWKS_URL', 'ENTRA_JWKS_URL, ENTRA_ISSUER and ENTRA_AUDIENCE must be set together');
    if (authenticated && !entra.every(Boolean))
      problem('ENTRA_JWKS_URL', 'with MicrosoftAppId set, the officer API needs ENTRA_JWKS_URL, ENTRA_ISSUER and ENTRA_AUDIENCE');
    if (env.GRAPH_TEAMS_APP_ID && !env.GRAPH_MANAGED_IDENTITY_CLIENT_ID && !(env.GRAPH_TENANT_ID && env.GRAPH_CLIENT_ID && env.GRAPH_CLIENT_SECRET))
      problem('GRAPH_TEAMS_APP_ID', 'installing the app through Microsoft Graph needs GRAPH_MANAGED_IDENTITY_CLIENT_ID, or GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET');
    if (env.STORE === 'cosmos') {
      if (!env.COSMOS_ENDPOINT) problem('COSMOS_ENDPOINT', 'is required when STORE=cosmos');
      if (env.COSMOS_KEY && env.COSMOS_MANAGED_IDENTITY_CLIENT_ID)
        problem('COSMOS_KEY', 'set COSMOS_KEY or COSMOS_MANAGED_IDENTITY_CLIENT_ID, not both');
    }
  return problems;
}

/** Each key parsed on its own, an invalid one left out, for the cross-key rules. */
const LenientEnvSchema = z.object(
  Object.fromEntries(Object.entries(envFields).map(([key, schema]) => [key, (schema as z.ZodTypeAny).catch(undefined)])),
) as unknown as z.ZodType<Partial<z.infer<typeof EnvSchema>>>;

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly log: { readonly level: Env['LOG_LEVEL']; readonly pretty: boolean };
  /** Local mode: no app id, no channel authentication, officer API by static token. */
  readonly localMode: boolean;
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: Env['MicrosoftAppType'];
    readonly tenantId?: string;
    readonly openIdMetadataUrl?: string;
    readonly tokenIssuer?: string;
    readonly oauthScope?: string;
    readonly loginEndpoint?: string;
  };
  readonly store:
    | { readonly kind: 'embedded'; readonly dataDir: string }
    | {
        readonly kind: 'cosmos';
        readonly endpoint: string;
        readonly key?: string;
        readonly managedIdentityClientId?: string;
        readonly databaseId: string;
      };
  readonly officerApi: {
    readonly staticToken?: string;
    readonly entra?: { readonly jwksUrl: string; readonly issuer: string; readonly audience: string };
    /** The dashboard tab's sign-in with Entra ID (TAB_CLIENT_ID or MicrosoftAppId; TAB_SCOPE or <audience>/access_as_user). */
    readonly tab?: { readonly clientId: string; readonly scope: string };
    readonly maxBodyBytes: number;
    /** Time budget for parsing one imported page, in ms. */
    readonly pageParseBudgetMs: number;
  };
  readonly callInWorkingDays: number;
  /** Months after a member's end date that their name stays on the record (RETENTION_MONTHS). */
  readonly retentionMonths: number;
  readonly shutdownGraceMs: number;
  readonly notifications: {
    readonly sendRatePerSecond: number;
    readonly quietHours?: QuietHours;
    readonly teamsServiceUrl: string;
    /** Proactive installation through Microsoft Graph, when configured. */
    readonly graph?: {
      readonly teamsAppId: string;
      readonly baseUrl: string;
      readonly authorityHost: string;
      readonly tenantId?: string;
      readonly clientId?: string;
      readonly clientSecret?: string;
      readonly managedIdentityClientId?: string;
    };
  };
  /** The council's ModernGov host names (MODERNGOV_DOMAINS), lower case; `*.` stands for one label. */
  readonly modernGovHosts: readonly string[];
  /** Telemetry to Application Insights (started by src/telemetry before the app; here for the log line). */
  readonly telemetry: boolean;
  /** The ModernGov sync; absent when MODERNGOV_BASE_URL is empty (nothing is fetched). */
  readonly modernGov?: {
    readonly baseUrl: string;
    readonly syncMinutes: number;
    readonly requestGapMs: number;
    readonly timeoutMs: number;
    readonly contact?: string;
  };
  /** Who the privacy notice and terms name; both set, or the pages say they are not set up. */
  readonly council: { readonly name?: string; readonly privacyContact?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment (already merged with `.env` by the caller) into a frozen Config, or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv, isTerminal = false): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)),
    ...crossFieldProblems(LenientEnvSchema.parse(env)),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST ?? (e.MicrosoftAppId === undefined ? '127.0.0.1' : '0.0.0.0'),
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY === 'auto' ? isTerminal : e.LOG_PRETTY === 'true' },
    localMode: e.MicrosoftAppId === undefined,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tokenIssuer: e.BOT_TOKEN_ISSUER,
      oauthScope: e.BOT_OAUTH_SCOPE,
      loginEndpoint: e.BOT_LOGIN_ENDPOINT,
    },
    store:
      e.STORE === 'cosmos'
        ? {
            kind: 'cosmos',
            endpoint: e.COSMOS_ENDPOINT as string,
            key: e.COSMOS_KEY,
            managedIdentityClientId: e.COSMOS_MANAGED_IDENTITY_CLIENT_ID,
            databaseId: e.COSMOS_DATABASE,
          }
        : { kind: 'embedded', dataDir: e.DATA_DIR },
    officerApi: {
      staticToken: e.OFFICER_API_TOKEN,
      entra:
        e.ENTRA_JWKS_URL && e.ENTRA_ISSUER && e.ENTRA_AUDIENCE
          ? { jwksUrl: e.ENTRA_JWKS_URL, issuer: e.ENTRA_ISSUER, audience: e.ENTRA_AUDIENCE }
          : undefined,
      tab:
        e.ENTRA_AUDIENCE && (e.TAB_CLIENT_ID ?? e.MicrosoftAppId)
          ? { clientId: (e.TAB_CLIENT_ID ?? e.MicrosoftAppId) as string, scope: e.TAB_SCOPE ?? `${e.ENTRA_AUDIENCE.replace(/\/+$/, '')}/access_as_user` }
          : undefined,
      maxBodyBytes: e.MAX_BODY_BYTES,
      pageParseBudgetMs: e.PAGE_PARSE_BUDGET_MS,
    },
    callInWorkingDays: e.CALL_IN_WORKING_DAYS,
    retentionMonths: e.RETENTION_MONTHS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    notifications: {
      sendRatePerSecond: e.TEAMS_SEND_RATE,
      ...(parseQuietHours(e.QUIET_HOURS) ? { quietHours: parseQuietHours(e.QUIET_HOURS) } : {}),
      teamsServiceUrl: e.TEAMS_SERVICE_URL,
      ...(e.GRAPH_TEAMS_APP_ID
        ? {
            graph: {
              teamsAppId: e.GRAPH_TEAMS_APP_ID,
              baseUrl: e.GRAPH_BASE_URL,
              authorityHost: e.GRAPH_AUTHORITY_HOST,
              tenantId: e.GRAPH_TENANT_ID,
              clientId: e.GRAPH_CLIENT_ID,
              clientSecret: e.GRAPH_CLIENT_SECRET,
              managedIdentityClientId: e.GRAPH_MANAGED_IDENTITY_CLIENT_ID,
            },
          }
        : {}),
    },
    modernGovHosts: e.MODERNGOV_DOMAINS,
    ...(e.MODERNGOV_BASE_URL
      ? {
          modernGov: {
            baseUrl: e.MODERNGOV_BASE_URL.replace(/\/+$/, ''),
            syncMinutes: e.MODERNGOV_SYNC_MINUTES,
            requestGapMs: e.MODERNGOV_REQUEST_GAP_MS,
            timeoutMs: e.MODERNGOV_TIMEOUT_MS,
            ...(e.MODERNGOV_CONTACT ? { contact: e.MODERNGOV_CONTACT } : {}),
          },
        }
      : {}),
    council: { name: e.COUNCIL_NAME, privacyContact: e.PRIVACY_CONTACT },
    telemetry: e.APPLICATIONINSIGHTS_CONNECTION_STRING !== undefined,
  };
  return deepFreeze(config);
}

/**
 * What is allowed but worth a warning at start: settings that work today and will not, or that leave something a Teams
 * admin will look at unfinished.
 */
export function configWarnings(c: Config): string[] {
  const warnings: string[] = [];
  if (!c.localMode && c.bot.appType === 'MultiTenant') {
    warnings.push(
      'MicrosoftAppType=MultiTenant: Azure no longer creates multi-tenant bots (since July 2025); an existing one keeps working. ' +
        'Plan the move to SingleTenant or UserAssignedMSI (docs/OPERATIONS.md).',
    );
  }
  if (!c.localMode && (c.council.name === undefined || c.council.privacyContact === undefined)) {
    warnings.push(
      'COUNCIL_NAME and PRIVACY_CONTACT are not both set: /privacy and /terms answer 404, so the app package must link to the council\'s own ' +
        'pages (DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL).',
    );
  }
  return warnings;
}

/** Which bearer token the officer API accepts, in words: "disabled" read as "open" when the API in fact answers 401. */
function officerApiAuthInWords(c: Config): string {
  if (c.officerApi.entra) return 'Entra ID tokens with the Officer or Admin app role';
  if (c.officerApi.staticToken) return 'Authorization: Bearer <the value of OFFICER_API_TOKEN> (local mode)';
  return c.localMode
    ? 'no token is accepted (every request gets 401): set OFFICER_API_TOKEN in .env and send it as Authorization: Bearer <token>'
    : 'no token is accepted (every request gets 401): set ENTRA_JWKS_URL, ENTRA_ISSUER and ENTRA_AUDIENCE';
}

/** The configuration as it may be logged: secrets replaced by whether they are set. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    port: c.port,
    localMode: c.localMode,
    bot: { appId: c.bot.appId, appType: c.bot.appType, tenantId: c.bot.tenantId, appPassword: c.bot.appPassword ? '(set)' : '(not set)' },
    store: c.store.kind === 'cosmos'
      ? { kind: 'cosmos', endpoint: c.store.endpoint, databaseId: c.store.databaseId, auth: c.store.key ? 'key' : 'managed identity' }
      : c.store,
    officerApi: { auth: officerApiAuthInWords(c), maxBodyBytes: c.officerApi.maxBodyBytes },
    notifications: {
      sendRatePerSecond: c.notifications.sendRatePerSecond,
      quietHours: formatQuietHours(c.notifications.quietHours),
      graphInstall: c.notifications.graph ? (c.notifications.graph.managedIdentityClientId ? 'managed identity' : 'client secret') : 'off',
    },
    modernGovHosts: c.modernGovHosts,
    modernGovSync: c.modernGov ? { baseUrl: c.modernGov.baseUrl, everyMinutes: c.modernGov.syncMinutes, requestGapMs: c.modernGov.requestGapMs } : 'off',
    telemetry: c.telemetry ? 'Application Insights' : 'off',
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}
