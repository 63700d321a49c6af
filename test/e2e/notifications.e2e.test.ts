import { PlaygroundE2E } from './support/e2e-environment';
import type { PlaygroundPage } from './support/playground-page';
import { officerApi as officerApiAt, until } from './support/officer-api';

/**
 * A notification end to end, as democratic services and a councillor see it: the officer pushes an agenda item
 * through the officer API of the real bot (src/index.ts, local mode, the demo council); the outbox sends it through
 * the Agents Playground's Bot Connector to the councillor's personal chat, which the bot learnt when the playground
 * connected; the councillor presses Acknowledge in headless Chromium; and the notification's counts, read back as an
 * officer reads them, show the acknowledgement.
 *
 *   npx jest -c jest.e2e.config.js test/e2e/notifications
 */
const OFFICER_TOKEN = 'e2e-officer-token-0123456789abcdef';
const officerApi = officerApiAt(() => e2e.bot.url, OFFICER_TOKEN);
const ITEM = { id: 'item-hra-budget-monitoring', title: 'Housing Revenue Account Budget Monitoring' };
/** Cllr Alan Pearson, the councillor playground's current user, in the demo council. */
const COUNCILLOR = 'cllr-alan-pearson';

let e2e: PlaygroundE2E;
let page: PlaygroundPage | undefined;

beforeAll(async () => {
  // Quiet hours off: the run must not depend on the hour it happens at (the quiet-hours rules have their own tests).
  e2e = await PlaygroundE2E.start({ bot: { env: { OFFICER_API_TOKEN: OFFICER_TOKEN, QUIET_HOURS: 'off' } } });
}, 120_000);

afterAll(async () => {
  if (page) await e2e?.closePage(page);
  await e2e?.stop();
}, 60_000);

interface NotificationStatus {
  readonly id: string;
  readonly status: string;
  readonly counts: Record<string, number>;
  readonly recipients?: Array<{ memberId?: string; status: string }>;
}

test(`an officer pushes an item; the councillor's chat receives the card; Acknowledge shows "Acknowledged by you"; the counts show one acknowledged`, async () => {
  page = await e2e.openPage('councillor', 'notification-councillor');
  const p = page;
  await p.step('the councillor connects, and the bot learns their chat', async () => {
    await p.waitForLog('installationUpdate 200', 15_000);
  });

  const pushed = await p.step('the officer pushes the item to its committee', async () => {
    const answer = await officerApi<NotificationStatus>('POST', '/api/v1/notifications', { agendaItemId: ITEM.id });
    expect(answer.status).toBe(202);
    return answer.body;
  });

  await p.step("the card arrives in the councillor's chat", async () => {
    const card = await p.waitForCardContaining([ITEM.title, 'Acknowledge'], 30_000, { anyCard: true });
    await p.screenshot('notification-received');
    await p.screenshot('notification-received-card', card.locator);
  });

  await p.step('Acknowledge', async () => {
    await p.clickCardButton('Acknowledge');
    const card = await p.waitForCardContaining([ITEM.title, 'Acknowledged by you'], 15_000, { anyCard: true });
    await p.screenshot('notification-acknowledged-card', card.locator);
  });

  await p.step('the officer reads the counts: one acknowledged', async () => {
    const read = await until('the notification to count the acknowledgement', 15_000, async () => {
      const answer = await officerApi<NotificationStatus>('GET', `/api/v1/notifications/${encodeURIComponent(pushed.id)}?recipients=true`);
      return answer.body.counts.acknowledged === 1 ? answer.body : undefined;
    });
    expect(read.counts).toMatchObject({ acknowledged: 1 });
    expect(read.recipients?.find((r) => r.memberId === COUNCILLOR)).toMatchObject({ status: 'sent' });
  });
});
