import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { forbidden, unauthorized } from './problem';

export type OfficerRole = 'Officer' | 'Admin';

/** Who is calling the officer API, from a verified bearer token. */
export interface OfficerPrincipal {
  readonly id: string;
  readonly name?: string;
  readonly roles: readonly OfficerRole[];
  readonly via: 'entra' | 'static-token';
}

export type OfficerAuthenticator = (authorizationHeader: string | undefined) => Promise<OfficerPrincipal>;

export interface OfficerAuthSettings {
  readonly staticToken?: string;
  readonly entra?: { readonly jwksUrl: string; readonly issuer: string; readonly audience: string };
}

const KNOWN_ROLES: readonly OfficerRole[] = ['Officer', 'Admin'];

/**
 * Entra ID tokens are checked with jose against the tenant's JWKS, issuer and audience; the app roles
 * `Officer` and `Admin` come from the `roles` claim. In local mode only, a static token stands in.
 */
export function createOfficerAuthenticator(settings: OfficerAuthSettings): OfficerAuthenticator {
  const jwks = settings.entra ? createRemoteJWKSet(new URL(settings.entra.jwksUrl), { cooldownDuration: 30_000 }) : undefined;
  const staticDigest = settings.staticToken ? digest(settings.staticToken) : undefined;

  return async (header) => {
    const token = bearerToken(header);
    if (settings.entra && jwks) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: settings.entra.issuer,
          audience: settings.entra.audience,
          algorithms: ['RS256', 'PS256', 'ES256'],
          clockTolerance: 60,
          // jose checks exp only when it is there: a token without one would be good for ever.
          requiredClaims: ['exp'],
        }));
      } catch (err) {
        throw unauthorized(`The bearer token was not accepted: ${describeJoseError(err)}.`);
      }
      const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is OfficerRole =>
        KNOWN_ROLES.includes(r as OfficerRole),
      );
      if (roles.length === 0)
        throw forbidden('Your token carries neither the Officer nor the Admin app role. Ask an administrator to assign one in Entra ID.');
      const id = typeof payload.oid === 'string' ? payload.oid : payload.sub ?? 'unknown';
      const name = typeof payload.name === 'string' ? payload.name : undefined;
      return { id, name, roles, via: 'entra' };
    }
    if (staticDigest) {
      if (!timingSafeEqual(digest(token), staticDigest)) throw unauthorized('The bearer token was not accepted.');
      return { id: 'local-officer', name: 'Local officer', roles: ['Officer', 'Admin'], via: 'static-token' };
    }
    throw unauthorized('The officer API is not configured: set OFFICER_API_TOKEN (local mode) or ENTRA_JWKS_URL, ENTRA_ISSUER and ENTRA_AUDIENCE.');
  };
}

export function requireRole(principal: OfficerPrincipal, role: OfficerRole): void {
  // Admin can do everything an Officer can.
  if (principal.roles.includes('Admin') || principal.roles.includes(role)) return;
  throw forbidden(`This needs the ${role} app role.`);
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) throw unauthorized('Send an Authorization: Bearer <token> header.');
  return match[1];
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'it has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return err.reason === 'missing' ? `it has no "${err.claim}" claim` : `its "${err.claim}" claim is wrong`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'it was not signed by a key the tenant publishes';
  if (err instanceof joseErrors.JOSEError) return 'it is not a valid token';
  return 'it could not be checked';
}
