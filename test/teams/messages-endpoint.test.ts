import { Writable } from 'node:stream';
import pino from 'pino';
import { postActivity, teamsActivity } from '../support/activities';
import { TestBotConnector } from '../support/bot-connector';
import { TestSigningKeys } from '../support/signing-keys';
import { startTestApp, type TestApp } from '../support/start-test-app';
import { TestCredentialsFactory } from '../support/test-credentials-factory';

const APP_ID = 'b02e1258-cb16-4e20-88af-d28dc85784c0';
const TENANT = 'ab84b61c-d75b-406d-80b4-d8d3935744a7';

function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }>;
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

describe('POST /api/messages in local mode', () => {
  let app: TestApp;
  let connector: TestBotConnector;
  beforeAll(async () => {
    connector = await new TestBotConnector().start();
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('replies to a personal message with the help card, delivered to the activity serviceUrl', async () => {
    const activity = teamsActivity('04_message_personal', { serviceUrl: connector.url, text: 'help' });
    const res = await postActivity(app.url, activity);
    expect(res.status).toBe(200);
    // The bot first asks Teams who this unknown user is (GET member), then replies.
    await connector.waitForCalls(2);
    const reply = connector.calls.find((c) => c.method === 'POST')!;
    const conversationId = (activity.conversation as { id: string }).id;
    expect(reply.method).toBe('POST');
    expect(decodeURIComponent(reply.path)).toBe(`/v3/conversations/${conversationId}/activities/${activity.id as string}`);
    expect(reply.authorization).toBeUndefined();
    expect(JSON.stringify(cardOf(reply.body))).toContain('Cabinet bot');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
  });
});

describe('POST /api/messages with an app id (authenticated)', () => {
  let app: TestApp;
  let connector: TestBotConnector;
  let keys: TestSigningKeys;
  const credentials = new TestCredentialsFactory(APP_ID);
  const authenticatedEnv = () => ({
    MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: TENANT,
    BOT_OPENID_METADATA_URL: keys.openIdMetadataUrl(), BOT_TOKEN_ISSUER: 'https://api.botframework.com', BOT_OAUTH_SCOPE: 'https://api.botframework.com',
    ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: 'https://login.microsoftonline.com/t/v2.0', ENTRA_AUDIENCE: 'api://cabinet-bot',
  });

  beforeAll(async () => {
    connector = await new TestBotConnector().start();
    keys = await new TestSigningKeys().start();
    app = await startTestApp(authenticatedEnv(), { botCredentialsFactory: credentials });
  });
  afterAll(async () => {
    await app.stop();
    await keys.stop();
    await connector.stop();
  });

  const message = () => teamsActivity('04_message_personal', { serviceUrl: connector.url, text: 'help' });
  const channelToken = (overrides: { audience?: string; issuer?: string; serviceurl?: string; key?: Awaited<ReturnType<typeof TestSigningKeys.strangerKey>>; kid?: string; expiresIn?: string } = {}) =>
    keys.sign(
      { serviceurl: overrides.serviceurl ?? connector.url },
      { issuer: overrides.issuer ?? 'https://api.botframework.com', audience: overrides.audience ?? APP_ID, key: overrides.key, kid: overrides.kid, expiresIn: overrides.expiresIn },
    );

  it('accepts a correctly signed channel token and signs its reply', async () => {
    const before = connector.calls.length;
    const res = await postActivity(app.url, message(), { authorization: `Bearer ${await channelToken()}` });
    expect(res.status).toBe(200);
    await connector.waitForCalls(before + 2);
    const calls = connector.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST']);
    expect(calls.every((c) => c.authorization === `Bearer ${credentials.token}`)).toBe(true);
  });

  it.each([
    ['no token', async () => undefined],
    ['garbage', async () => 'garbage'],
    ['a wrong audience', async () => channelToken({ audience: 'someone-else' })],
    ['a wrong issuer', async () => channelToken({ issuer: 'https://evil.example' })],
    ['an unknown key id', async () => channelToken({ kid: 'unknown-kid', key: await TestSigningKeys.strangerKey() })],
    ['a forged signature (known kid, stranger key)', async () => channelToken({ key: await TestSigningKeys.strangerKey() })],
    ['a serviceurl claim for another service', async () => channelToken({ serviceurl: 'https://smba.trafficmanager.net/amer/' })],
    ['an expired token', async () => channelToken({ expiresIn: '-10m' })],
  ])('answers 401 to %s, sends nothing and prints nothing to stderr', async (_name, makeToken) => {
    const stderr = [jest.spyOn(console, 'error'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'log')];
    try {
      const before = connector.calls.length;
      const token = await makeToken();
      const res = await postActivity(app.url, message(), token ? { authorization: `Bearer ${token}` } : {});
      expect(res.status).toBe(401);
      // A refused request runs no turn: its 401 is the end of it.
      expect(connector.calls.length).toBe(before);
      for (const spy of stderr) expect(spy).not.toHaveBeenCalled();
    } finally {
      stderr.forEach((spy) => spy.mockRestore());
    }
  });

  it("runs the warm-up's real turns behind the channel's authentication, and fetches the channel's keys ahead: ready, nothing fetched at the first request", async () => {
    const logged: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => { logged.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>); done(); } }));
    const before = connector.calls.length;
    // An identity provider and a credentials factory of its own, so that what they serve is this app's alone.
    const ownKeys = await new TestSigningKeys().start();
    const ownCredentials = new TestCredentialsFactory(APP_ID);
    const env = { ...authenticatedEnv(), BOT_OPENID_METADATA_URL: ownKeys.openIdMetadataUrl() };
    const own = await startTestApp(env, { botCredentialsFactory: ownCredentials, logger });
    try {
      await own.untilReady();
      // The quick check's metadata and key set, and the SDK's own: each fetched once, before ready.
      expect([...ownKeys.served].sort()).toEqual([...Array(2).fill(new URL(env.BOT_OPENID_METADATA_URL).pathname), '/keys', '/keys'].sort());
      // And the bot's token for its replies, for the scope a reply asks (the SDK keeps it by app id and scope).
      expect(ownCredentials.tokensAsked).toEqual([env.BOT_OAUTH_SCOPE]);
      const warmed = logged.find((l) => l.msg === 'warmed up: status answers run in process');
      expect(warmed).toEqual(expect.objectContaining({ replies: expect.any(Number), channelSecrets: 'fetched' }));
      expect(warmed?.replies).toBeGreaterThanOrEqual(Number(warmed?.questions)); // a reply to each question, at least
      expect(warmed?.questions).toBeGreaterThanOrEqual(1);
      expect(connector.calls.length).toBe(before); // nothing went to the channel

      // The first real request is checked by both with what they hold: nothing more is fetched.
      const token = await ownKeys.sign({ serviceurl: connector.url }, { issuer: 'https://api.botframework.com', audience: APP_ID });
      const res = await postActivity(own.url, message(), { authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      expect(ownKeys.served).toHaveLength(4);
    } finally {
      await own.stop();
      await ownKeys.stop();
    }
  }, 30_000);

  it('logs refused requests as one structured warning line, not one per request', async () => {
    const logged: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _e, done) => { logged.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>); done(); } }));
    const own = await startTestApp(authenticatedEnv(), { botCredentialsFactory: credentials, logger });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect((await postActivity(own.url, message(), { authorization: `Bearer ${await channelToken({ expiresIn: '-10m' })}` })).status).toBe(401);
      }
    } finally {
      await own.stop();
    }
    expect(logged.filter((l) => String(l.msg).startsWith('refused a request to /api/messages'))).toEqual([
      expect.objectContaining({ level: 40, reason: expect.stringContaining('exp'), refusedSinceLastLine: 0, requestId: expect.any(String) }),
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/\n\s+at /);
  });
});
