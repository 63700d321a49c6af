import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/** The credential Graph calls are made with: a user-assigned managed identity (no secret), or an app registration's secret. */
export function graphCredential(options: {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly managedIdentityClientId?: string;
  readonly authorityHost: string;
}): TokenCredential {
  if (options.managedIdentityClientId) return new ManagedIdentityCredential({ clientId: options.managedIdentityClientId });
  if (!options.tenantId || !options.clientId || !options.clientSecret) throw new Error('Graph needs GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET, or a managed identity');
  return new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret, { authorityHost: options.authorityHost });
}

/** The type of credential Graph calls take (tests pass the real class with another transport). */
export type { TokenCredential };
