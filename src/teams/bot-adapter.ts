import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication, ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from '../logging/logger';
import { StrictChannelAuthentication } from './channel-authentication';
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
}

/** The turn's own logger and request id travel in turn state, so every line a turn logs carries its id. */
export const TURN_LOGGER = Symbol('turnLogger');
export const TURN_REQUEST_ID = Symbol('turnRequestId');

export const turnLogger = (ctx: TurnContext, fallback: Logger): Logger => (ctx.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
export const turnRequestId = (ctx: TurnContext): string | undefined => ctx.turnState.get(TURN_REQUEST_ID) as string | undefined;

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
  // Setting one of these unsets the SDK's defaults for the others, so they go together.
  if (credentials.openIdMetadataUrl || credentials.tokenIssuer || credentials.oauthScope) {
    options.ToBotFromChannelOpenIdMetadataUrl = credentials.openIdMetadataUrl;
    options.ToBotFromChannelTokenIssuer = credentials.tokenIssuer ?? 'https://api.botframework.com';
    options.ToChannelFromBotOAuthScope = credentials.oauthScope ?? 'https://api.botframework.com';
  }
  return new StrictChannelAuthentication(new ConfigurationBotFrameworkAuthentication(options, credentialsFactory));
}

/** The SDK's adapter for turns (replies within a turn go through it, with its own retries). */
export function createCloudAdapter(auth: BotFrameworkAuthentication): CloudAdapter {
  return new CloudAdapter(auth);
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
      await traceTurn(ctx, turn.requestId, () => run(ctx));
    });
  };
}
