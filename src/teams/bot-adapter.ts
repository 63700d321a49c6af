import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { AuthenticationConstants, MsalServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from '../logging/logger';
import { StrictChannelAuthentication } from './channel-authentication';

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
 * CloudAdapter with ConfigurationBotFrameworkAuthentication. With no app id it runs in local mode: no
 * channel authentication, no Authorization header on outgoing calls. `credentialsFactory` lets tests sign
 * outgoing calls locally instead of asking Microsoft's login service.
 */
export function createCloudAdapter(credentials: BotCredentials, credentialsFactory?: ServiceClientCredentialsFactory): CloudAdapter {
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
  const auth = new ConfigurationBotFrameworkAuthentication(options, factory);
  return new CloudAdapter(new StrictChannelAuthentication(auth));
}

/** The HTTP entry for /api/messages: runs one turn through the adapter with the request's logger attached. */
export function createMessagesHandler(adapter: CloudAdapter, run: (ctx: TurnContext) => Promise<void>) {
  return async (
    req: { body: Record<string, unknown>; headers: Record<string, string | string[] | undefined>; method: string },
    res: { socket: unknown; status(code: number): unknown; header(name: string, value: unknown): unknown; send(body?: unknown): unknown; end(): unknown },
    turn: { requestId: string; logger: Logger },
  ): Promise<void> => {
    await adapter.process(req as unknown as BotRequest, res as unknown as BotResponse, async (ctx) => {
      ctx.turnState.set(TURN_LOGGER, turn.logger.child({ activityId: ctx.activity.id, activityType: ctx.activity.type }));
      ctx.turnState.set(TURN_REQUEST_ID, turn.requestId);
      await run(ctx);
    });
  };
}
