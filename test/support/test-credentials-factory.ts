import { ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * Signs the bot's outgoing Bot Connector calls with a fixed test token instead of asking Microsoft's login
 * service (unreachable here), so authenticated mode can be tested end to end on 127.0.0.1.
 */
export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string, readonly token = 'outgoing-test-token') {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  /** The scopes of the tokens asked for (getToken), in order: what a real factory's credentials would fetch. */
  readonly tokensAsked: string[] = [];

  async createCredentials(
    _appId?: string, audience?: string,
  ): Promise<{ signRequest: <T extends { headers: { set(name: string, value: string): void } }>(r: T) => Promise<T>; getToken(): Promise<string> }> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', `Bearer ${this.token}`);
        return request;
      },
      getToken: async () => {
        this.tokensAsked.push(audience ?? '');
        return this.token;
      },
    };
  }
}
