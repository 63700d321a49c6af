import { TestSigningKeys } from '../support/signing-keys';
import { startTestApp, type TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';

describe('health and the officer API in local mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ OFFICER_API_TOKEN: OFFICER_TOKEN, MAX_BODY_BYTES: '2048' });
  });
  afterAll(() => app.stop());

  it('answers /healthz with ok and /readyz with ready while the store answers', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('refuses the officer API without a bearer token, as problem+json a person can act on', async () => {
    const res = await fetch(`${app.url}/api/v1/whoami`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Send an Authorization: Bearer <token> header.' });
    expect(body.requestId).toEqual(res.headers.get('x-request-id'));
  });

  it('refuses a wrong static token and accepts the right one', async () => {
    const wrong = await fetch(`${app.url}/api/v1/whoami`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${app.url}/api/v1/whoami`, { headers: { authorization: `Bearer ${OFFICER_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ id: 'local-officer', name: 'Local officer', roles: ['Officer', 'Admin'], via: 'static-token' });
  });

  it('answers a body over the limit with 413 before reading it', async () => {
    const res = await fetch(`${app.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': 'text/plain' },
      body: 'x'.repeat(4096),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toContain('limit of 2048 bytes');
  });

  it('answers an unknown endpoint with problem+json 404', async () => {
    const res = await fetch(`${app.url}/api/v1/nothing-here`, { headers: { authorization: `Bearer ${OFFICER_TOKEN}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('the officer API with Entra ID tokens', () => {
  let app: TestApp;
  let keys: TestSigningKeys;
  const issuer = 'https://login.microsoftonline.com/ab84b61c-d75b-406d-80b4-d8d3935744a7/v2.0';
  const audience = 'api://cabinet-bot-officer-api';

  beforeAll(async () => {
    keys = await new TestSigningKeys().start();
    app = await startTestApp({
      MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: 'ab84b61c-d75b-406d-80b4-d8d3935744a7',
      ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: issuer, ENTRA_AUDIENCE: audience,
    });
  });
  afterAll(async () => {
    await app.stop();
    await keys.stop();
  });

  const whoami = (token: string) => fetch(`${app.url}/api/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });

  it('accepts a token with the Officer role and reports who it is', async () => {
    const token = await keys.sign({ oid: '00000000-0000-4000-8000-000000000005', name: 'Sarah Morgan', roles: ['Officer'] }, { issuer, audience });
    const res = await whoami(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '00000000-0000-4000-8000-000000000005', name: 'Sarah Morgan', roles: ['Officer'], via: 'entra' });
  });

  it('answers 403 to a valid token without an Officer or Admin role', async () => {
    const token = await keys.sign({ oid: 'x', roles: ['Reader'] }, { issuer, audience });
    const res = await whoami(token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toContain('neither the Officer nor the Admin app role');
  });

  it.each([
    ['a wrong audience', async () => keys.sign({ roles: ['Officer'] }, { issuer, audience: 'api://someone-else' }), 'its "aud" claim is wrong'],
    ['a wrong issuer', async () => keys.sign({ roles: ['Officer'] }, { issuer: 'https://evil.example/v2.0', audience }), 'its "iss" claim is wrong'],
    ['an expired token', async () => keys.sign({ roles: ['Officer'] }, { issuer, audience, expiresIn: '-5m' }), 'it has expired'],
    ['a token that never expires (no exp claim)', async () => keys.sign({ roles: ['Admin'] }, { issuer, audience, expiresIn: null }), 'it has no "exp" claim'],
    ['a forged signature', async () => keys.sign({ roles: ['Admin'] }, { issuer, audience, key: await TestSigningKeys.strangerKey() }), 'its signature does not verify'],
    ['an unknown key id', async () => keys.sign({ roles: ['Admin'] }, { issuer, audience, kid: 'other', key: await TestSigningKeys.strangerKey() }), 'not signed by a key the tenant publishes'],
    ['garbage', async () => 'not.a.jwt', 'not a valid token'],
  ])('answers 401 to %s', async (_name, makeToken, reason) => {
    const res = await whoami(await makeToken());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain(reason);
  });
});
