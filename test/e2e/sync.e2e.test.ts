import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ModernGovStandIn } from '../services/sync/moderngov-stand-in';
import { PlaygroundE2E } from './support/e2e-environment';
import type { PlaygroundPage } from './support/playground-page';
import { officerApi as officerApiAt, until } from './support/officer-api';

/**
 * The ModernGov sync end to end: a stand-in for the council's ModernGov site on 127.0.0.1 (test/services/sync) serves
 * the real GetMeetings and GetMeeting answers (test/fixtures/moderngov, recorded from Manchester's ModernGov), made
 * into a Cabinet meeting three days from now with its agenda published; the real bot (src/index.ts, local mode, the
 * demo council) follows the site (MODERNGOV_BASE_URL) and syncs in its own job, once an officer has made Cabinet
 * follow ModernGov committee 144 through the officer API; then Cllr Alan Pearson, who sits on Cabinet, asks `agenda`
 * in the Agents Playground and sees the new meeting with its items. Nobody pasted or typed the agenda.
 *
 *   npx jest -c jest.e2e.config.js --runInBand test/e2e/sync
 */
const OFFICER_TOKEN = 'e2e-officer-token-0123456789abcdef';
const officerApi = officerApiAt(() => e2e.bot.url, OFFICER_TOKEN);
const FIXTURES = path.join(__dirname, '../fixtures/moderngov');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** ModernGov's date (dd/mm/yyyy) of a day `days` from now, in London. */
const modernGovDate = (days: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() + days * 86_400_000));

const MEETING_ID = '7301';
const MEETING_DATE = modernGovDate(3);
/** A title no demo record has, so the card that shows it can only have come from the sync. */
const SYNCED_TITLE = 'Library Opening Hours Review';

/** The real answers, made into a coming meeting of committee 144 with its agenda published (it is, in the fixture). */
const getMeetings = fixture('lgsf_webservice_getmeetings.xml')
  .replace(/<committeemeetings>[\s\S]*<\/committeemeetings>/, `<committeemeetings>
      <meeting>
        <meetingid>${MEETING_ID}</meetingid>
        <meetingdate>${MEETING_DATE}</meetingdate>
        <meetingstatus>Confirmed</meetingstatus>
        <meetingtime>10.00 am</meetingtime>
        <iswebcast>False</iswebcast>
      </meeting>
    </committeemeetings>`);
const getMeeting = fixture('lgsf_webservice_getmeeting.xml')
  .replace('<meetingid>4967</meetingid>', `<meetingid>${MEETING_ID}</meetingid>`)
  .replaceAll('10/02/2026', MEETING_DATE)
  .replace('<agendaitemid>18831</agendaitemid>', '<agendaitemid>73011</agendaitemid>')
  .replace('<agendaitemid>18833</agendaitemid>', '<agendaitemid>73013</agendaitemid>')
  .replace('<agendaitemtitle>Work Programme</agendaitemtitle>', `<agendaitemtitle>${SYNCED_TITLE}</agendaitemtitle>`);

interface SyncStatus {
  readonly runs: ReadonlyArray<{ committeeId: string; meetingsSeen: number; imported: number; failed: unknown[] }>;
}

let standIn: ModernGovStandIn;
let e2e: PlaygroundE2E;
let page: PlaygroundPage | undefined;

beforeAll(async () => {
  standIn = new ModernGovStandIn();
  const siteUrl = await standIn.start();
  standIn.answer('GetMeetings?144', { xml: getMeetings });
  standIn.answer(`GetMeeting?${MEETING_ID}`, { xml: getMeeting });
  e2e = await PlaygroundE2E.start({
    bot: {
      env: {
        OFFICER_API_TOKEN: OFFICER_TOKEN, QUIET_HOURS: 'off',
        MODERNGOV_BASE_URL: siteUrl, MODERNGOV_REQUEST_GAP_MS: '0', MODERNGOV_SYNC_MINUTES: '1', MODERNGOV_CONTACT: 'democratic.services@example.gov.uk',
      },
    },
  });
  // The bot's job first syncs 30 s after it starts: Cabinet follows ModernGov committee 144 before then.
  const followed = await officerApi('PUT', '/api/v1/committees/cabinet', { name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5, externalId: '144' });
  expect(followed.status).toBe(200);
}, 120_000);

afterAll(async () => {
  if (page) await e2e?.closePage(page);
  await e2e?.stop();
  await standIn?.stop();
}, 60_000);

test('after the bot syncs a meeting whose agenda ModernGov published, `agenda` shows the new meeting with its items', async () => {
  page = await e2e.openPage('councillor', 'sync-councillor');
  const p = page;
  await p.step('the councillor connects', async () => {
    await p.waitForLog('installationUpdate 200', 15_000);
  });

  await p.step("the bot's sync job imports the meeting from the ModernGov stand-in", async () => {
    const run = await until('a sync run that imported the meeting', 120_000, async () => {
      const { body } = await officerApi<SyncStatus>('GET', '/api/v1/sync');
      return body.runs.find((r) => r.committeeId === 'cabinet' && r.imported > 0);
    }, 500);
    expect(run).toMatchObject({ meetingsSeen: 1, imported: 1, failed: [] });
    expect(standIn.requests.map((r) => r.path.split('/').pop())).toEqual(expect.arrayContaining(['GetMeetings', 'GetMeeting']));
  });

  await p.step('agenda', async () => {
    await p.sendMessage('agenda');
    const card = await p.waitForCardContaining(['Cabinet', SYNCED_TITLE, 'Minutes'], 20_000);
    await p.screenshot('councillor-agenda-after-sync');
    await p.screenshot('councillor-agenda-after-sync-card', card.locator);
  });
});
