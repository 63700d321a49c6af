import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { postActivity, teamsActivity } from '../support/activities';
import { TestBotConnector } from '../support/bot-connector';
import { collect, listeningAddress, startEntryPoint } from '../support/entry-point';
import { TestSigningKeys } from '../support/signing-keys';

const APP_ID = 'b02e1258-cb16-4e20-88af-d28dc85784c0';
const TENANT = 'ab84b61c-d75b-406d-80b4-d8d3935744a7';
const SOVEREIGN_SCOPE = 'https://api.botframework.us';
const ISSUED_TOKEN = 'token-from-the-sovereign-login-endpoint';

/**
 * A stand-in for a sovereign cloud's Entra login endpoint on 127.0.0.1 (https, as MSAL requires): the OpenID
 * configuration of the tenant and its token endpoint, which answers a client-credentials request with a token.
 */
class StandInLoginEndpoint {
  readonly tokenRequests: Array<Record<string, string>> = [];
  private server?: Server;
  url = '';

  async start(pems: { private: string; cert: string }): Promise<this> {
    this.server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.method === 'GET' && req.url?.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)) {
          return res.end(JSON.stringify({
            issuer: `${this.url}/${TENANT}/v2.0`,
            authorization_endpoint: `${this.url}/${TENANT}/oauth2/v2.0/authorize`,
            token_endpoint: `${this.url}/${TENANT}/oauth2/v2.0/token`,
            end_session_endpoint: `${this.url}/${TENANT}/oauth2/v2.0/logout`,
            jwks_uri: `${this.url}/${TENANT}/discovery/v2.0/keys`,
          }));
        }
        if (req.method === 'POST' && req.url?.startsWith(`/${TENANT}/oauth2/v2.0/token`)) {
          this.tokenRequests.push(Object.fromEntries(new URLSearchParams(body)));
          return res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: ISSUED_TOKEN }));
        }
        res.statusCode = 404;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Issue 9: with the sovereign-cloud settings, the bot must still answer, getting its token where it is told. */
describe('a bot in a sovereign cloud (BOT_LOGIN_ENDPOINT with BOT_OPENID_METADATA_URL, BOT_TOKEN_ISSUER, BOT_OAUTH_SCOPE)', () => {
  let scratch: string;
  let login: StandInLoginEndpoint;
  let keys: TestSigningKeys;
  let connector: TestBotConnector;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'cabinet-sovereign-'));
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048, notAfterDate: new Date(Date.now() + 86_400_000), extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    writeFileSync(path.join(scratch, 'ca.pem'), pems.cert);
    login = await new StandInLoginEndpoint().start(pems);
    keys = await new TestSigningKeys().start();
    connector = await new TestBotConnector().start();
  });
  afterAll(async () => {
    await Promise.all([login.stop(), keys.stop(), connector.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('replies, signing its reply with a token from the configured login endpoint', async () => {
    const child = startEntryPoint({
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(scratch, 'data'), LOG_LEVEL: 'info', LOG_PRETTY: 'false',
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: TENANT,
      BOT_OPENID_METADATA_URL: keys.openIdMetadataUrl(), BOT_TOKEN_ISSUER: 'https://api.botframework.com', BOT_OAUTH_SCOPE: SOVEREIGN_SCOPE,
      BOT_LOGIN_ENDPOINT: `${login.url}/${TENANT}`,
      ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: 'https://login.microsoftonline.us/t/v2.0', ENTRA_AUDIENCE: 'api://cabinet-bot',
      // The stand-in's certificate is self-signed: trusted the way an operator would trust a private CA.
      NODE_EXTRA_CA_CERTS: path.join(scratch, 'ca.pem'),
    });
    const { output, exited } = collect(child);
    try {
      const bot = await listeningAddress(output);
      const channelToken = await keys.sign({ serviceurl: connector.url }, { issuer: 'https://api.botframework.com', audience: APP_ID });
      const res = await postActivity(bot, teamsActivity('04_message_personal', { serviceUrl: connector.url, text: 'help' }), { authorization: `Bearer ${channelToken}` });
      expect(res.status).toBe(200);

      // The turn has ended with the HTTP answer: its calls to the connector were made and answered within it.
      const reply = connector.calls.find((c) => c.method === 'POST' && c.path.includes('/activities'));
      expect(reply?.authorization).toBe(`Bearer ${ISSUED_TOKEN}`);
      expect(login.tokenRequests).toEqual([
        expect.objectContaining({ grant_type: 'client_credentials', client_id: APP_ID, client_secret: 'test-secret', scope: `${SOVEREIGN_SCOPE}/.default` }),
      ]);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
