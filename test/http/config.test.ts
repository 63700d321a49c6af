import { ConfigError, describeConfig, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('runs in local mode on the embedded store with every default', () => {
    const config = loadConfig({});
    expect(config.localMode).toBe(true);
    expect(config.port).toBe(3978);
    expect(config.store).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(config.officerApi.maxBodyBytes).toBe(1_048_576);
    expect(config.callInWorkingDays).toBe(5);
    expect(Object.isFrozen(config.store)).toBe(true);
  });

  it('binds to 127.0.0.1 in local mode unless HOST says otherwise, and to every interface when authenticated', () => {
    const authenticated = {
      MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'ab84b61c-d75b-406d-80b4-d8d3935744a7',
      ENTRA_JWKS_URL: 'https://login.microsoftonline.com/t/discovery/v2.0/keys', ENTRA_ISSUER: 'https://login.microsoftonline.com/t/v2.0', ENTRA_AUDIENCE: 'api://cabinet-bot',
    };
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(authenticated).host).toBe('0.0.0.0');
    expect(loadConfig({ ...authenticated, HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it('takes a sovereign cloud login endpoint over https only, and only with an app id', () => {
    const problems = (env: Record<string, string>): string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ BOT_LOGIN_ENDPOINT: 'http://login.example.us/tenant' })).toContain('BOT_LOGIN_ENDPOINT: must be an https:// address');
    expect(problems({ BOT_LOGIN_ENDPOINT: 'https://login.microsoftonline.us/tenant' })).toEqual([
      'BOT_LOGIN_ENDPOINT: is set but MicrosoftAppId is empty: local mode signs nothing, so it has no use',
    ]);
  });

  it('lists every problem at once, each naming its key', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', STORE: 'cosmos', MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', LOG_LEVEL: 'loud', MAX_BODY_BYTES: '-5' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^LOG_LEVEL: /),
        expect.stringMatching(/^MAX_BODY_BYTES: /),
      ]),
    );
    // Cross-key rules run even while a field is bad, so nothing is hidden.
    expect(problems).toContain('COSMOS_ENDPOINT: is required when STORE=cosmos');
    try {
      loadConfig({ STORE: 'cosmos', MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', OFFICER_API_TOKEN: 'x' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'MicrosoftAppPassword: is required when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)',
      'MicrosoftAppTenantId: is required for MicrosoftAppType=SingleTenant',
      'OFFICER_API_TOKEN: is accepted in local mode only (no MicrosoftAppId); use Entra ID tokens in production',
      'ENTRA_JWKS_URL: with MicrosoftAppId set, the officer API needs ENTRA_JWKS_URL, ENTRA_ISSUER and ENTRA_AUDIENCE',
      'COSMOS_ENDPOINT: is required when STORE=cosmos',
    ]);
  });

  it('treats empty values as unset, as .env.example leaves them', () => {
    const config = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', COSMOS_ENDPOINT: '', PORT: '' });
    expect(config.localMode).toBe(true);
    expect(config.port).toBe(3978);
  });

  it('never puts a secret in what it logs', () => {
    const config = loadConfig({
      MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', MicrosoftAppPassword: 'super-secret-password', MicrosoftAppTenantId: 'ab84b61c-d75b-406d-80b4-d8d3935744a7',
      STORE: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'c2VjcmV0LWNvc21vcy1rZXk=',
      ENTRA_JWKS_URL: 'https://login.microsoftonline.com/t/discovery/v2.0/keys', ENTRA_ISSUER: 'https://login.microsoftonline.com/t/v2.0', ENTRA_AUDIENCE: 'api://cabinet-bot',
    });
    const logged = JSON.stringify(describeConfig(config));
    expect(logged).not.toContain('super-secret-password');
    expect(logged).not.toContain('c2VjcmV0LWNvc21vcy1rZXk=');
    expect(logged).toContain('"appPassword":"(set)"');
    expect(logged).toContain('"auth":"key"');
  });
});
