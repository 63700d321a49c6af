import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModernGovStandIn } from '../services/sync/moderngov-stand-in';
import { startTestApp, type TestApp } from '../support/start-test-app';

const TOKEN = 'sync-officer-token-1234567890';
const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/moderngov', name), 'utf8');

describe('the ModernGov sync in the bot process, and GET /api/v1/sync', () => {
  let standIn: ModernGovStandIn;
  let app: TestApp | undefined;
  beforeEach(async () => {
    standIn = new ModernGovStandIn();
    standIn.answer('GetMeetings?144', { xml: fixture('lgsf_webservice_getmeetings.xml') });
    standIn.answer('GetMeeting?4966', { xml: fixture('lgsf_webservice_getmeeting_cancelled.xml') });
    standIn.answer('GetMeeting?4967', { html: '<html><head><title>Service Unavailable</title></head></html>' });
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await standIn.stop();
  });
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const res = await fetch(`${app!.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  it('fetches nothing and says so when no site is configured', async () => {
    app = await startTestApp({ OFFICER_API_TOKEN: TOKEN }, { sync: { firstRunAfterMs: 0, everyMs: 50 } });
    expect(await get('/api/v1/sync')).toEqual({ site: null, following: [], runs: [] });
  });

  it('syncs the committees an officer follows (by their ModernGov id) and shows each one\'s last run with what failed and why', async () => {
    const site = await standIn.start();
    app = await startTestApp(
      { OFFICER_API_TOKEN: TOKEN, MODERNGOV_BASE_URL: site, MODERNGOV_REQUEST_GAP_MS: '0', MODERNGOV_TIMEOUT_MS: '2000' },
      { sync: { firstRunAfterMs: 0, everyMs: 100 } },
    );
    const put = await fetch(`${app.url}/api/v1/committees/audit`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Audit Committee', kind: 'other', externalId: '144' }),
    });
    expect(put.status).toBe(201);
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 100 && (status.runs as unknown[] | undefined)?.length !== 1; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await get('/api/v1/sync');
    }
    expect(status).toEqual({
      site,
      following: [{ committeeId: 'audit', name: 'Audit Committee', modernGovCommitteeId: '144' }],
      runs: [{
        committeeId: 'audit', modernGovCommitteeId: '144', startedAt: expect.any(String), finishedAt: expect.any(String), dryRun: false,
        meetingsSeen: 2, imported: 1, unchanged: 0, membershipProposals: [],
        failed: [{
          modernGovMeetingId: '4967', where: `${site}/mgWebService.asmx/GetMeeting?lMeetingId=4967 (line 1)`,
          why: 'The server answered with an HTML page ("Service Unavailable") instead of GetMeeting XML: the web service may be switched off, or it refused a scripted client.',
        }],
      }],
    });
    expect(standIn.requests[0]!.userAgent).toMatch(/^CabinetBot\//);
  });
});
