import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/**
 * A local identity provider: an RS256 key pair, its JWKS and an OpenID metadata document served on 127.0.0.1,
 * so tests can sign channel tokens (Bot Framework) and officer tokens (Entra ID) that the app verifies for real.
 */
export class TestSigningKeys {
  private server?: Server;
  private privateKey!: KeyLike;
  private jwk!: JWK;
  readonly kid = `test-key-${Math.random().toString(36).slice(2)}`;
  baseUrl = '';
  /** Every path asked of it, in order: which fetches of the metadata and keys a test's app made. */
  readonly served: string[] = [];

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] } as JWK;
    this.server = createServer((req, res) => {
      this.served.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/keys')) return res.end(JSON.stringify({ keys: [this.jwk] }));
      // A fresh metadata URL per test defeats the SDK's 24 h cache of keys per URL.
      if (req.url?.includes('openid-configuration')) return res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.baseUrl}/keys` }));
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get jwksUrl(): string {
    return `${this.baseUrl}/keys`;
  }

  openIdMetadataUrl(tag = Math.random().toString(36).slice(2)): string {
    return `${this.baseUrl}/${tag}/.well-known/openid-configuration`;
  }

  /** `expiresIn: null` leaves the token without an `exp` claim. */
  sign(claims: Record<string, unknown>, options: { issuer: string; audience: string; expiresIn?: string | null; kid?: string; key?: KeyLike }): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setNotBefore('-1m');
    if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '10m');
    return jwt.sign(options.key ?? this.privateKey);
  }

  /** A key the app has never seen, for forged-signature tests. */
  static async strangerKey(): Promise<KeyLike> {
    return (await generateKeyPair('RS256')).privateKey;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
