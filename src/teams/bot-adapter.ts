import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  AuthenticationConstants, ClaimsIdentity, MsalServiceClientCredentialsFactory, type BotFrameworkAuthentication,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
// Not in the package's index, but where the SDK keeps the channel's keys between requests (by metadata URL).
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import type { Logger } from '../logging/logger';
import { channelTokenCheck, StrictChannelAuthentication } from './channel-authentication';
import { traceTurn } from './turn-tracing';

/** Signs outgoing Bot Connector calls; tests pass one that signs locally. */
export type BotCredentialsFactory = ServiceClientCredentialsFactory;

export interface BotCredentials {
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId?: string;
  readonly openIdMetadataUrl?: string;
  readonly tokenIssuer?: string;
  readonly oauthScope?: string;
  /** Where outgoing calls get their token: the Entra login endpoint with the tenant (sovereign clouds). */
  readonly loginEndpoint?: string;
}

/** The turn's own logger and request id travel in turn state, so every line a turn logs carries its id. */
export const TURN_LOGGER = Symbol('turnLogger');
export const TURN_REQUEST_ID = Symbol('turnRequestId');

export const turnLogger = (ctx: TurnContext, fallback: Logger): Logger => (ctx.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
export const turnRequestId = (ctx: TurnContext): string | undefined => ctx.turnState.get(TURN_REQUEST_ID) as string | undefined;

/**
 * Outgoing tokens from the configured login endpoint. The SDK's own credentials for an endpoint it does not know
 * ask Microsoft's public cloud to vouch for its host first (MSAL instance discovery), which a sovereign or private
 * cloud cannot answer; naming the host as a known authority trusts the endpoint the operator configured.
 */
function loginEndpointCredentials(appId: string, secret: string, loginEndpoint: string): ServiceClientCredentialsFactory {
  const app = new ConfidentialClientApplication({
    auth: { clientId: appId, clientSecret: secret, authority: loginEndpoint, knownAuthorities: [new URL(loginEndpoint).host] },
  });
  // The SDK declares its own copy of MSAL's types; the client is the same API.
  return new MsalServiceClientCredentialsFactory(appId, app as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]);
}

/**
 * The Bot Framework authentication of incoming and outgoing calls: ConfigurationBotFrameworkAuthentication, wrapped so
 * that every failure to authenticate a channel request is a 401. With no app id it runs in local mode: no channel
 * authentication, no Authorization header on outgoing calls. `credentialsFactory` lets tests sign outgoing calls
 * locally instead of asking Microsoft's login service.
 */
export function createBotAuthentication(credentials: BotCredentials, credentialsFactory?: ServiceClientCredentialsFactory): BotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appId ? credentials.appType : '',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  };
  // Setting one of these makes the SDK take all of them as given, with no defaults (an empty login endpoint made
  // every outgoing call fail), so each is set: the configured value, else the public cloud's.
  if (credentials.openIdMetadataUrl || credentials.tokenIssuer || credentials.oauthScope || credentials.loginEndpoint) {
    options.ToBotFromChannelOpenIdMetadataUrl = credentials.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
    options.ToBotFromChannelTokenIssuer = credentials.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer;
    options.ToChannelFromBotOAuthScope = credentials.oauthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope;
    options.ToChannelFromBotLoginUrl =
      credentials.loginEndpoint ?? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${credentials.tenantId ?? AuthenticationConstants.DefaultChannelAuthTenant}`;
  }
  const factory =
    credentialsFactory ??
    (credentials.loginEndpoint && credentials.appId && credentials.appPassword && credentials.appType !== 'UserAssignedMSI'
      ? loginEndpointCredentials(credentials.appId, credentials.appPassword, credentials.loginEndpoint)
      : undefined);
  const auth = new StrictChannelAuthentication(new ConfigurationBotFrameworkAuthentication(options, factory));
  if (credentials.appId) {
    const precheck = channelTokenCheck({
      openIdMetadataUrl: options.ToBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      issuer: options.ToBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    });
    requestChecks.set(auth, async (activity, header) => {
      await precheck(header);
      await auth.authenticateRequest(activity, header);
    });
    const sdkMetadataUrl = options.ToBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
    const oauthScope = options.ToChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope;
    secretsAhead.set(auth, async (serviceUrl) => {
      await Promise.all([
        precheck.prefetch(),
        // The SDK keeps the keys it fetched by metadata URL, for every extractor it makes: this one fills that.
        new JwtTokenExtractor({}, sdkMetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms).openIdMetadata.getKey(''),
        // And its tokens for outgoing calls, by app id and scope: a reply's connector client asks for the same one.
        (async () => {
          const identity = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: credentials.appId ?? '' }], true);
          // The service URL is not called: the token depends on the app id and the scope alone.
          const client = await auth.createConnectorFactory(identity).create(serviceUrl, oauthScope);
          await (client.credentials as { getToken?: () => Promise<string> }).getToken?.();
        })(),
      ]);
    });
  }
  return auth;
}

/**
 * What the first channel request would otherwise fetch from Microsoft's login services, fetched now: the channel's
 * OpenID metadata and signing keys (for the quick check here and for the SDK's, each with its own cache) and the
 * bot's token for its replies. Start-up's warm-up asks for it (app.ts), so that the first person's turn does not
 * wait on four or five requests to the internet. Nothing in local mode (no app id: nothing is checked or signed).
 * Rejects when a fetch fails; nothing is kept of a failure, so the first request fetches again, as before.
 */
export async function fetchChannelSecretsAhead(auth: BotFrameworkAuthentication, teamsServiceUrl: string): Promise<'fetched' | 'none to fetch'> {
  const fetchAhead = secretsAhead.get(auth);
  if (!fetchAhead) return 'none to fetch';
  await fetchAhead(teamsServiceUrl);
  return 'fetched';
}

/** The SDK's adapter for turns (replies within a turn go through it, with its own retries). */
export function createCloudAdapter(auth: BotFrameworkAuthentication): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  const check = requestChecks.get(auth);
  if (check) authentications.set(adapter, check);
  return adapter;
}

/**
 * Each authenticated adapter's check of a request, so the messages handler can refuse one before the SDK's
 * CloudAdapter sees it (which prints every refusal's stack to stderr). Local mode has none: nothing is checked.
 */
const authentications = new WeakMap<CloudAdapter, RequestCheck>();
/** The same check, by the authentication it was made for (the adapter is made from it after). */
const requestChecks = new WeakMap<BotFrameworkAuthentication, RequestCheck>();
/** What each authentication fetches ahead of the first request (fetchChannelSecretsAhead). */
const secretsAhead = new WeakMap<BotFrameworkAuthentication, (teamsServiceUrl: string) => Promise<void>>();
type RequestCheck = (activity: Activity, authorizationHeader: string) => Promise<void>;

/** At most one line about refused requests per this many ms; the line counts the ones left out. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

/**
 * Refused requests are logged as one structured warning, at most one per interval (counting those in between):
 * anyone can post to /api/messages, and a flood of bad tokens must not flood the log.
 */
function refusalLog(intervalMs: number) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (logger: Logger, reason: string): void => {
    const now = Date.now();
    if (now - lastAt < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn({ reason, refusedSinceLastLine: suppressed }, 'refused a request to /api/messages: it is not from the Bot Framework channel (401)');
    lastAt = now;
    suppressed = 0;
  };
}

/**
 * The HTTP entry for /api/messages: runs one turn through the adapter with the request's logger attached. The
 * channel's token is checked first: a request that is not from the channel is answered 401 here with one
 * structured, rate-limited log line (the SDK would print a stack trace to stderr for each).
 */
export function createMessagesHandler(adapter: CloudAdapter, run: (ctx: TurnContext) => Promise<void>) {
  const auth = authentications.get(adapter);
  const logRefusal = refusalLog(REFUSAL_LOG_INTERVAL_MS);
  return async (
    req: { body: Record<string, unknown>; headers: Record<string, string | string[] | undefined>; method: string },
    res: { socket: unknown; status(code: number): unknown; header(name: string, value: unknown): unknown; send(body?: unknown): unknown; end(): unknown },
    turn: { requestId: string; logger: Logger },
  ): Promise<void> => {
    if (auth) {
      const header = req.headers.authorization;
      try {
        await auth(req.body as Partial<Activity> as Activity, (Array.isArray(header) ? header[0] : header) ?? '');
      } catch (err) {
        logRefusal(turn.logger, err instanceof Error ? err.message : String(err));
        res.status(401);
        res.end();
        return;
      }
    }
    await adapter.process(req as unknown as BotRequest, res as unknown as BotResponse, async (ctx) => {
      ctx.turnState.set(TURN_LOGGER, turn.logger.child({ activityId: ctx.activity.id, activityType: ctx.activity.type }));
      ctx.turnState.set(TURN_REQUEST_ID, turn.requestId);
      await traceTurn(ctx, turn.requestId, () => run(ctx));
    });
  };
}
