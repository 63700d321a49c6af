import { z } from 'zod';

/**
 * One schema over the environment. Startup fails listing every problem at once (never a stack trace);
 * `.env.example` documents each key. Secrets are kept out of logs by `describeConfig`.
 */
const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url().optional());
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
    MicrosoftAppType: z.preprocess(emptyAsUndefined, z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant')),
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
    MAX_BODY_BYTES: intFrom(1_048_576, 1024, 50 * 1_048_576),
    // How long one imported page may take to parse (in a worker thread) before the import is refused with 422.
    PAGE_PARSE_BUDGET_MS: intFrom(5000, 100, 120_000),

    CALL_IN_WORKING_DAYS: intFrom(5, 0, 30),
    SHUTDOWN_GRACE_MS: intFrom(10_000, 0, 120_000),
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
    readonly maxBodyBytes: number;
    /** Time budget for parsing one imported page, in ms. */
    readonly pageParseBudgetMs: number;
  };
  readonly callInWorkingDays: number;
  readonly shutdownGraceMs: number;
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
      maxBodyBytes: e.MAX_BODY_BYTES,
      pageParseBudgetMs: e.PAGE_PARSE_BUDGET_MS,
    },
    callInWorkingDays: e.CALL_IN_WORKING_DAYS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
  return deepFreeze(config);
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
    officerApi: { auth: c.officerApi.entra ? 'entra' : c.officerApi.staticToken ? 'static token' : 'disabled', maxBodyBytes: c.officerApi.maxBodyBytes },
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}
