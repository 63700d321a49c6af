import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * Wraps the SDK's authentication so that every failure to authenticate a channel request is a 401.
 * The SDK answers a token with a forged signature with 500 (its JWT library throws a plain Error);
 * a caller that cannot prove it is the channel must get 401, whatever the reason.
 */
export class StrictChannelAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw asAuthenticationError(err);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw asAuthenticationError(err);
    }
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader).catch((err: unknown) => {
      throw asAuthenticationError(err);
    });
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

function asAuthenticationError(err: unknown): AuthenticationError {
  if (err instanceof AuthenticationError && err.statusCode === 401) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AuthenticationError(`Unauthorized: ${message}`, 401);
}

export interface ChannelTokenSettings {
  /** The channel's OpenID metadata document, whose jwks_uri holds its signing keys. */
  readonly openIdMetadataUrl: string;
  readonly issuer: string;
}

/** The SDK's clock skew for channel tokens. */
const CLOCK_TOLERANCE_S = 5 * 60;

export interface ChannelTokenCheck {
  (authorizationHeader: string): Promise<void>;
  /** Fetches the channel's metadata and keys now, so that the first request does not wait for them. */
  prefetch(): Promise<void>;
}

/**
 * A quiet first look at a channel token: signature, issuer and lifetime, checked with jose against the channel's
 * published keys. The SDK checks all of this again (and the audience, endorsements and serviceurl claim), but it
 * prints a stack or a key to stderr for each token that fails these checks; a request refused here never reaches it.
 */
export function channelTokenCheck(settings: ChannelTokenSettings): ChannelTokenCheck {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const loadKeys = async () => {
    const res = await fetch(settings.openIdMetadataUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`the channel's OpenID metadata answered ${res.status}`);
    const metadata = (await res.json()) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error("the channel's OpenID metadata names no jwks_uri");
    return createRemoteJWKSet(new URL(metadata.jwks_uri));
  };
  // A failed metadata fetch is not kept, so the next request tries again.
  const currentKeys = () =>
    (keys ??= loadKeys().catch((err: unknown) => {
      keys = undefined;
      throw err;
    }));
  const check = async (authorizationHeader: string): Promise<void> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorizationHeader.trim())?.[1];
    if (!token) throw new AuthenticationError('Unauthorized: no Bearer token', 401);
    try {
      await jwtVerify(token, await currentKeys(), { issuer: settings.issuer, clockTolerance: CLOCK_TOLERANCE_S });
    } catch (err) {
      throw asAuthenticationError(err);
    }
  };
  // jose fetches the key set itself at the first token it checks, unless asked before.
  return Object.assign(check, { prefetch: async () => (await currentKeys()).reload() });
}
