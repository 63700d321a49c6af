import { ConfigError, configWarnings, describeConfig, loadConfig } from '../../src/config';

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

  it('quiet hours: unset or empty is the default, 21:00 to 08:00 London time; off is none', () => {
    const window = { startMinute: 21 * 60, endMinute: 8 * 60 };
    expect(loadConfig({}).notifications.quietHours).toEqual(window);
    expect(loadConfig({ QUIET_HOURS: '' }).notifications.quietHours).toEqual(window);
    expect(loadConfig({ QUIET_HOURS: 'off' }).notifications.quietHours).toBeUndefined();
    expect(loadConfig({ QUIET_HOURS: '22:30-07:00' }).notifications.quietHours).toEqual({ startMinute: 22 * 60 + 30, endMinute: 7 * 60 });
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

  it('logs which bearer token the officer API accepts, never "disabled" for an API that answers 401', () => {
    expect(describeConfig(loadConfig({})).officerApi).toMatchObject({
      auth: 'no token is accepted (every request gets 401): set OFFICER_API_TOKEN in .env and send it as Authorization: Bearer <token>',
    });
    const withToken = JSON.stringify(describeConfig(loadConfig({ OFFICER_API_TOKEN: 'local-secret-token' })));
    expect(withToken).toContain('Authorization: Bearer <the value of OFFICER_API_TOKEN> (local mode)');
    expect(withToken).not.toContain('local-secret-token');
    expect(withToken).not.toContain('disabled');
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

  it('follows no ModernGov site unless MODERNGOV_BASE_URL is set; reads the sync settings and refuses bad ones, listing each', () => {
    expect(loadConfig({}).modernGov).toBeUndefined();
    expect(describeConfig(loadConfig({})).modernGovSync).toBe('off');
    expect(loadConfig({ MODERNGOV_BASE_URL: 'https://democracy.manchester.gov.uk/' }).modernGov).toEqual({
      baseUrl: 'https://democracy.manchester.gov.uk', syncMinutes: 15, requestGapMs: 1000, timeoutMs: 30_000,
    });
    expect(loadConfig({
      MODERNGOV_BASE_URL: 'https://democracy.melton.gov.uk', MODERNGOV_SYNC_MINUTES: '60', MODERNGOV_REQUEST_GAP_MS: '250',
      MODERNGOV_TIMEOUT_MS: '5000', MODERNGOV_CONTACT: 'democratic.services@melton.gov.uk',
    }).modernGov).toEqual({
      baseUrl: 'https://democracy.melton.gov.uk', syncMinutes: 60, requestGapMs: 250, timeoutMs: 5000, contact: 'democratic.services@melton.gov.uk',
    });
    let error: unknown;
    try {
      loadConfig({ MODERNGOV_BASE_URL: 'ftp://democracy.melton.gov.uk', MODERNGOV_SYNC_MINUTES: '0', MODERNGOV_REQUEST_GAP_MS: 'soon' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'MODERNGOV_BASE_URL: must be an http(s) address',
      'MODERNGOV_SYNC_MINUTES: Number must be greater than or equal to 1',
      'MODERNGOV_REQUEST_GAP_MS: Expected number, received nan',
    ]);
  });

  it('reads the council\'s ModernGov hosts, and refuses a wildcard over a domain no council controls', () => {
    expect(loadConfig({}).modernGovHosts).toEqual([]);
    expect(loadConfig({ MODERNGOV_DOMAINS: 'Democracy.Melton.gov.uk, melton.moderngov.co.uk *.melton.gov.uk' }).modernGovHosts).toEqual([
      'democracy.melton.gov.uk', 'melton.moderngov.co.uk', '*.melton.gov.uk',
    ]);
    let error: unknown;
    try {
      loadConfig({ MODERNGOV_DOMAINS: '*.moderngov.co.uk,https://democracy.melton.gov.uk/,*.gov.uk' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'MODERNGOV_DOMAINS.0: "*.moderngov.co.uk" covers domains the council does not control (Teams forbids it); name the council\'s own host, e.g. democracy.example.gov.uk or example.moderngov.co.uk',
      'MODERNGOV_DOMAINS.1: "https://democracy.melton.gov.uk/" is not a host name (like democracy.example.gov.uk)',
      'MODERNGOV_DOMAINS.2: "*.gov.uk" covers domains the council does not control (Teams forbids it); name the council\'s own host, e.g. democracy.example.gov.uk or example.moderngov.co.uk',
    ]);
  });

  const PRODUCTION = {
    MicrosoftAppId: 'b02e1258-cb16-4e20-88af-d28dc85784c0', MicrosoftAppTenantId: 'ab84b61c-d75b-406d-80b4-d8d3935744a7',
    ENTRA_JWKS_URL: 'https://login.microsoftonline.com/t/discovery/v2.0/keys', ENTRA_ISSUER: 'https://login.microsoftonline.com/t/v2.0', ENTRA_AUDIENCE: 'api://cabinet-bot',
  };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  it('lists a password given with a user-assigned managed identity as a problem (the SDK would only assert at start)', () => {
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 'a-secret' })).toEqual([
      "MicrosoftAppPassword: must be empty with MicrosoftAppType=UserAssignedMSI: a managed identity has no secret (MicrosoftAppId is the identity's client id)",
    ]);
    expect(loadConfig({ ...PRODUCTION, MicrosoftAppType: 'UserAssignedMSI' }).bot.appType).toBe('UserAssignedMSI');
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppType: 'Multi', MicrosoftAppPassword: 'a-secret' })).toEqual([
      'MicrosoftAppType: must be SingleTenant or UserAssignedMSI (MultiTenant only for a bot created before July 2025: Azure creates no new ones)',
    ]);
  });

  it('warns that Azure creates no new multi-tenant bots, and when the privacy and terms pages cannot name the council', () => {
    const multi = loadConfig({ ...PRODUCTION, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'a-secret' });
    expect(configWarnings(multi)).toEqual([
      expect.stringMatching(/^MicrosoftAppType=MultiTenant: Azure no longer creates multi-tenant bots \(since July 2025\)/),
      expect.stringMatching(/^COUNCIL_NAME and PRIVACY_CONTACT are not both set/),
    ]);
    const named = loadConfig({ ...PRODUCTION, MicrosoftAppPassword: 'a-secret', COUNCIL_NAME: 'Melton Borough Council', PRIVACY_CONTACT: 'https://www.melton.gov.uk/privacy' });
    expect(configWarnings(named)).toEqual([]);
    expect(named.council).toEqual({ name: 'Melton Borough Council', privacyContact: 'https://www.melton.gov.uk/privacy' });
    expect(configWarnings(loadConfig({}))).toEqual([]);
    expect(problemsOf({ PRIVACY_CONTACT: 'ring the town hall' })).toEqual([
      'PRIVACY_CONTACT: must be an email address or an https:// address where people can ask about their data',
    ]);
  });

  it('turns telemetry on with an Application Insights connection string, and lists a malformed one', () => {
    expect(loadConfig({}).telemetry).toBe(false);
    const on = loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=4f1c2a7e-3b9d-4c5e-8a21-0d4e5f6a7b8c;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/' });
    expect(on.telemetry).toBe(true);
    expect(describeConfig(on).telemetry).toBe('Application Insights');
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://uksouth-1.in.applicationinsights.azure.com/' })).toEqual([
      'APPLICATIONINSIGHTS_CONNECTION_STRING: must be an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=...)',
    ]);
  });
});
