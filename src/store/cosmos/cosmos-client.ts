import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';

export interface CosmosStoreOptions {
  /** https://<account>.documents.azure.com:443/ in production; http://127.0.0.1:<port> for the local test server. */
  readonly endpoint: string;
  readonly databaseId: string;
  /** Account key. Leave out to use Entra ID: the managed identity below, or DefaultAzureCredential. */
  readonly key?: string;
  /** Client id of a user-assigned managed identity (without it and without a key: DefaultAzureCredential). */
  readonly managedIdentityClientId?: string;
  /**
   * Create the database and containers if absent. Default: yes with a key, no with Entra ID, whose data-plane roles
   * cannot create them (provision with Bicep/CLI instead); without it we check that they exist.
   */
  readonly provision?: boolean;
  /** Follow the account's regional endpoints. Default: on, except for plain http (a local server advertises https). */
  readonly endpointDiscovery?: boolean;
  /** Per request. Default 10000: a Teams turn must answer well within 15 s. */
  readonly requestTimeoutMs?: number;
  /**
   * Each store operation, the SDK's retries included, gives up after this long (DomainError 'unavailable'): a Teams
   * turn makes a few of them and must answer within 15 s. Default 4000.
   */
  readonly operationTimeoutMs?: number;
  /** ping() gives up after this long, so /readyz answers promptly. Default 2000. */
  readonly pingTimeoutMs?: number;
}

/** An empty COSMOS_KEY means "no key", as the configuration reads it. */
export const usesKey = (options: Pick<CosmosStoreOptions, 'key'>): options is { key: string } =>
  options.key !== undefined && options.key !== '';

export const createCosmosClient = (options: CosmosStoreOptions): CosmosClient => {
  const auth: Pick<CosmosClientOptions, 'key' | 'aadCredentials'> =
    usesKey(options)
      ? { key: options.key }
      : {
          aadCredentials:
            options.managedIdentityClientId !== undefined
              ? new ManagedIdentityCredential({ clientId: options.managedIdentityClientId })
              : new DefaultAzureCredential(),
        };
  return new CosmosClient({
    endpoint: options.endpoint,
    ...auth,
    connectionPolicy: {
      enableEndpointDiscovery: options.endpointDiscovery ?? !options.endpoint.startsWith('http://'),
      requestTimeout: options.requestTimeoutMs ?? 10_000,
    },
  });
};
