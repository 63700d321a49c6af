import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { ConversationRecord } from '../../src/domain';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { openStore } from '../../src/store/open-store';
import { TestSigningKeys } from '../support/signing-keys';
import { TeamsConnectorStandIn } from '../support/teams-connector-stand-in';
import { startBot, type BotProcess } from './support/bot-process';
import { CHROMIUM_ARGS, launchChromium } from './support/e2e-environment';
import { CHROMIUM_PATH, ROOT } from './support/paths';

/**
 * Issue 15, the democratic services dashboard in headless Chromium against the real bot (src/index.ts, local mode, the
 * demo council), its page built by `npm run build:tab` (npm run test:all builds it first):
 *  - every page in the Teams light, dark and high-contrast themes at 320 px (Teams mobile) and 1280 px, with a
 *    screenshot in docs/tab/ and 0 axe-core violations;
 *  - keyboard only: from the meetings to an item, then Remind outstanding; the stand-in Bot Connector receives the
 *    item's card for each member who has not acknowledged it;
 *  - an expired session (a token the API refuses with 401) signs in again;
 *  - the built JS and CSS stay under 400 KB gzipped.
 *
 *   npm run build:tab && npx jest -c jest.e2e.config.js test/e2e/tab
 */
const TOKEN = 'e2e-tab-officer-token-0123456789abcdef';
const DIST = path.join(ROOT, 'dist', 'tab');
const SHOTS = path.join(ROOT, 'docs', 'tab');
const ITEM = { id: 'item-hra-budget-monitoring', title: 'Housing Revenue Account Budget Monitoring' };
const THEMES = ['light', 'dark', 'contrast'] as const;
const WIDTHS = [320, 1280] as const;

/** Each page, where it is, and what shows once its data has loaded. */
const PAGES = [
  { name: 'meetings', hash: '#/meetings', heading: 'Meetings', ready: (p: Page) => p.getByRole('link', { name: new RegExp(ITEM.title) }).first() },
  { name: 'item', hash: `#/items/${ITEM.id}`, heading: ITEM.title, ready: (p: Page) => p.getByRole('heading', { name: 'Notifications' }) },
  { name: 'decisions', hash: '#/decisions', heading: 'Decisions', ready: (p: Page) => p.getByRole('group').first() },
  { name: 'action-plans', hash: '#/action-plans', heading: 'Action plans', ready: (p: Page) => p.getByRole('group', { name: 'RAG summary' }) },
  { name: 'notifications', hash: '#/notifications', heading: 'Notifications', ready: (p: Page) => p.getByRole('heading', { name: 'Sent and scheduled' }) },
  { name: 'roster', hash: '#/roster', heading: 'Roster', ready: (p: Page) => p.getByRole('table', { name: 'Members' }) },
] as const;

let connector: TeamsConnectorStandIn;
let bot: BotProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('The dashboard is not built: run npm run build:tab first (npm run test:all does).');
  mkdirSync(SHOTS, { recursive: true });
  connector = await new TeamsConnectorStandIn({ tenantPerSecond: 50 }).start();
  // The demo council, each member with a personal chat whose Bot Connector is the stand-in.
  dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-tab-e2e-'));
  const store = await openStore({ kind: 'embedded', dataDir });
  try {
    await seedDemoCouncil(store, new Date());
    const at = new Date().toISOString();
    for (const member of await store.members.list()) {
      if (!member.aadObjectId) continue;
      const chat: ConversationRecord = {
        id: `a:tab-e2e-${member.id}`, kind: 'personal', memberId: member.id, aadObjectId: member.aadObjectId, tenantId: 'tenant-1',
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `a:tab-e2e-${member.id}`, conversationType: 'personal', tenantId: 'tenant-1' }, user: { id: `29:${member.id}`, aadObjectId: member.aadObjectId }, bot: { id: '28:bot' } },
        reachable: true, updatedAt: at,
      };
      await store.conversations.upsert(chat);
    }
  } finally {
    await store.close();
  }
  bot = await startBot({ dataDir, seed: false, env: { OFFICER_API_TOKEN: TOKEN, QUIET_HOURS: 'off' } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await bot?.stop().catch(() => undefined);
  await connector?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** A fresh page signed in as npm run dev signs it in: the local token in the address, taken out at once. */
async function openDashboard(opts: { theme?: string; width?: number; token?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${bot.url}/tab/${opts.theme ? `?theme=${opts.theme}` : ''}#token=${encodeURIComponent(opts.token ?? TOKEN)}`);
  return page;
}

/** axe-core on the page, or only on the framed tab when `within` names its frame. */
async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (within ? builder.include(within) : builder).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(THEMES)('the %s theme', (theme) => {
  test.each(WIDTHS)('every page at %i px: a screenshot in docs/tab and no axe violations', async (width) => {
    const page = await openDashboard({ theme, width });
    try {
      await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor({ timeout: 20_000 });
      expect(new URL(page.url()).hash).toBe('#/meetings'); // the token is out of the address
      for (const p of PAGES) {
        await page.evaluate((hash) => { window.location.hash = hash; }, p.hash);
        await page.getByRole('heading', { level: 1, name: p.heading }).waitFor({ timeout: 20_000 });
        await p.ready(page).waitFor({ timeout: 20_000 });
        await page.getByText(/^Loading/).waitFor({ state: 'detached', timeout: 20_000 });
        await page.screenshot({ path: path.join(SHOTS, `${p.name}-${theme}-${width}.png`), fullPage: true });
        expect({ page: p.name, violations: await axeViolations(page) }).toEqual({ page: p.name, violations: [] });
        // Nothing wider than the window at 320 px: the page reflows rather than scrolling sideways (tables scroll in their own box).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ page: p.name, overflow }).toEqual({ page: p.name, overflow: 0 });
      }
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

test('keyboard only: from the meetings to the item, Remind outstanding; the stand-in connector receives the card for each outstanding member', async () => {
  const outstanding = await (await fetch(`${bot.url}/api/v1/agenda-items/${ITEM.id}/acknowledgements`, { headers: { authorization: `Bearer ${TOKEN}` } })).json() as { outstanding: Array<{ memberId: string }> };
  expect(outstanding.outstanding.length).toBeGreaterThan(0);
  const before = connector.activities.length;
  const page = await openDashboard();
  try {
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor({ timeout: 20_000 });
    const itemLink = page.getByRole('link', { name: new RegExp(ITEM.title) }).first();
    await itemLink.waitFor();
    // Tab through the page until the item's link has the focus, then Enter.
    for (let i = 0; i < 80 && !(await itemLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await itemLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(ITEM.title) }).waitFor({ timeout: 20_000 });
    const remind = page.getByRole('button', { name: /Remind outstanding/ });
    await remind.waitFor();
    for (let i = 0; i < 20 && !(await remind.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await remind.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`Reminder sent to ${outstanding.outstanding.length}`).waitFor({ timeout: 20_000 });
    // The cards arrive at the stand-in Bot Connector, one per outstanding member's chat.
    const expected = outstanding.outstanding.map((m) => `a:tab-e2e-${m.memberId}`).sort();
    const deadline = Date.now() + 30_000;
    let got: string[] = [];
    while (Date.now() < deadline) {
      got = [...new Set(connector.activities.slice(before).filter((a) => JSON.stringify(a.body).includes(ITEM.title) && JSON.stringify(a.body).includes("Reminder: you have not yet acknowledged")).map((a) => a.conversationId))].sort();
      if (got.length >= expected.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(got).toEqual(expected);
    // The page follows the send: every recipient's delivery shows, counted while it goes.
    await page.getByText(new RegExp(`${expected.length} sent`)).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'item-after-remind-light-1280.png'), fullPage: true });
  } finally {
    await page.context().close();
  }
});

test('a notification is composed with a preview, scheduled, then sent when due; its counts update while the page is open', async () => {
  const item = { id: 'item-safer-streets', meetingId: 'cabinet-next' };
  const before = connector.activities.length;
  const page = await openDashboard();
  try {
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const meeting = page.getByLabel('Meeting');
    await meeting.locator(`option[value="${item.meetingId}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    await meeting.selectOption(item.meetingId);
    const itemSelect = page.getByLabel('Item');
    await itemSelect.locator(`option[value="${item.id}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    await itemSelect.selectOption(item.id);
    const title = (await itemSelect.locator(`option[value="${item.id}"]`).innerText()).replace(/^\d+\.\s*/, '');
    await page.getByLabel('Message').fill('Papers for next Cabinet: please read before Thursday.');
    // A few seconds from now, in the browser's time zone (the field takes seconds).
    const due = new Date(Date.now() + 20_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const local = `${due.getFullYear()}-${two(due.getMonth() + 1)}-${two(due.getDate())}T${two(due.getHours())}:${two(due.getMinutes())}:${two(due.getSeconds())}`;
    await page.getByLabel('Send at').fill(local);
    await page.getByRole('button', { name: 'Preview the card' }).click();
    // The preview: the card as the API draws it (audiences[].cards), how many it goes to and when.
    const preview = page.getByRole('region', { name: 'Card preview' });
    await preview.waitFor({ timeout: 20_000 });
    await preview.getByText(/\d+ recipients? \(\d+ members?, \d+ channels?\); would go /).waitFor();
    expect(await preview.getByRole('group').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('status').getByText(/^Scheduled for/).waitFor({ timeout: 20_000 });
    const row = page.getByRole('row').filter({ hasText: title }).filter({ hasText: 'scheduled' });
    await row.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'notification-scheduled-light-1280.png'), fullPage: true });
    expect(connector.activities.slice(before).filter((a) => JSON.stringify(a.body).includes(title))).toEqual([]);

    // The same page, no reload: when it is due the outbox sends it, and the counts move to every recipient sent.
    const sentRow = page.getByRole('row').filter({ hasText: title }).filter({ hasText: /completed/ });
    await sentRow.waitFor({ timeout: 60_000 });
    const counts = await sentRow.innerText();
    const [, sent, total] = /(\d+) of (\d+) sent/.exec(counts) ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    expect(sent).toBe(total);
    const received = new Set(connector.activities.slice(before).filter((a) => JSON.stringify(a.body).includes(title)).map((a) => a.conversationId));
    expect(received.size).toBe(Number(total));
    await page.screenshot({ path: path.join(SHOTS, 'notification-sent-light-1280.png'), fullPage: true });
  } finally {
    await page.context().close();
  }
});

test('an expired session signs in again: a token the API refuses brings the sign-in back, and the right one opens the dashboard', async () => {
  const page = await openDashboard({ token: 'expired-or-wrong-token' });
  try {
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 20_000 });
    await page.getByLabel('Officer token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'sign-in-again.png') });
  } finally {
    await page.context().close();
  }
});

test('the built JavaScript and CSS are under 400 KB gzipped, and the page has no inline script', () => {
  const assets = readdirSync(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  expect(assets.length).toBeGreaterThan(0);
  const gzipped = assets.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(DIST, 'assets', f)), { level: 9 }).length, 0);
  console.log(`dashboard bundle: ${assets.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThan(400 * 1024);
  const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(index.match(/<script\b[^>]*>/g)?.every((tag) => / src="\/tab\/assets\/[^"]+\.js"/.test(tag))).toBe(true);
  expect(index).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
});

/**
 * Single sign-on inside Teams, against a bot in Entra mode whose identity provider is a stand-in on 127.0.0.1
 * (test/support/signing-keys.ts: its JWKS, and tokens it signs). The tab is framed, as Teams frames it, by a host page
 * at https://teams.microsoft.com (answered by the browser's router: no request leaves the machine) that speaks the
 * teams-js message protocol: it answers `initialize`, `getContext` (the dark theme) and `authentication.getAuthToken`
 * with a token from the stand-in provider. The page's own code is unchanged: it sees a Teams host and asks it for a
 * token, and the bot checks that token against the stand-in's keys, issuer and audience for real.
 */
describe('single sign-on inside Teams (a stand-in identity provider on 127.0.0.1)', () => {
  const TENANT = 'e2e-tenant';
  const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
  const AUDIENCE = 'api://cabinet-bot-e2e/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
  let keys: TestSigningKeys;
  let entraBot: BotProcess;
  let teamsBrowser: Browser;

  beforeAll(async () => {
    keys = await new TestSigningKeys().start();
    entraBot = await startBot({
      env: { ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: ISSUER, ENTRA_AUDIENCE: AUDIENCE, TAB_CLIENT_ID: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', QUIET_HOURS: 'off' },
    });
    // A page on a public host (teams.microsoft.com) may not frame one on the loopback address (Chromium's Local Network
    // Access checks): in Teams the tab is on the bot's public https host. Only this test's browser turns the check off.
    teamsBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults'],
      headless: true,
    });
  }, 120_000);

  afterAll(async () => {
    await teamsBrowser?.close().catch(() => undefined);
    await entraBot?.stop().catch(() => undefined);
    await keys?.stop().catch(() => undefined);
  }, 60_000);

  /** The stand-in Teams host: frames the tab and answers its teams-js requests; tokens handed out are counted. */
  function hostPage(tabUrl: string, token: string): string {
    const script = `
      const token = ${JSON.stringify(token)};
      window.tokensGiven = 0;
      const frame = document.getElementById('tab');
      const runtime = JSON.stringify({ apiVersion: 4, supports: { appInitialization: {}, authentication: {}, pages: { tabs: {}, config: {} }, teams: {} } });
      const context = { theme: 'dark', locale: 'en-gb', entityId: 'dashboard', hostClientType: 'web', frameContext: 'content', userObjectId: 'e2e', tid: ${JSON.stringify(TENANT)} };
      window.addEventListener('message', (event) => {
        if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
        const { id, uuidAsString, func } = event.data;
        let args = [];
        if (func === 'initialize') args = ['content', 'web', runtime, '2.0.0'];
        else if (func === 'getContext') args = [context];
        else if (func === 'authentication.getAuthToken') { window.tokensGiven += 1; args = [true, token]; }
        frame.contentWindow.postMessage({ id, uuidAsString, args }, '*');
      });`;
    return `<!doctype html><html lang="en"><head><title>Teams (stand-in)</title></head><body style="margin:0">
      <iframe id="tab" title="Democratic services" src="${tabUrl}" style="border:0;width:100vw;height:100vh"></iframe>
      <script>${script}</script></body></html>`;
  }

  async function openInTeams(token: string): Promise<{ page: Page; tab: FrameLocator }> {
    const context = await teamsBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('https://teams.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(`${entraBot.url}/tab/`, token) }),
    );
    const page = await context.newPage();
    await page.goto('https://teams.microsoft.com/l/entity/cabinet-bot/dashboard');
    return { page, tab: page.frameLocator('#tab') };
  }

  test('config.json says Entra, with the client id, the audience and the scope', async () => {
    const config = await (await fetch(`${entraBot.url}/tab/config.json`)).json();
    expect(config).toEqual({ mode: 'entra', clientId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', authority: 'https://login.microsoftonline.com/organizations', audience: AUDIENCE, scope: `${AUDIENCE}/access_as_user` });
  });

  test("an officer's Teams token opens the dashboard, in Teams' dark theme", async () => {
    const token = await keys.sign({ oid: 'b2c3d4e5-0000-4000-8000-000000000001', name: 'Sarah Morgan', roles: ['Officer'] }, { issuer: ISSUER, audience: AUDIENCE });
    const { page, tab } = await openInTeams(token);
    try {
      await tab.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor({ timeout: 30_000 });
      await tab.getByText('Signed in as Sarah Morgan').waitFor();
      await tab.getByRole('link', { name: new RegExp(ITEM.title) }).first().waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { tokensGiven: number }).tokensGiven)).toBeGreaterThan(0);
      // The host's theme (dark) reached the page: its background is dark.
      const background = await tab.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
      await page.screenshot({ path: path.join(SHOTS, 'teams-sso-dark-1280.png') });
    } finally {
      await page.context().close();
    }
  });

  test("a councillor's token (no Officer or Admin role) sees the polite page, and no data is asked for", async () => {
    const token = await keys.sign({ oid: 'b2c3d4e5-0000-4000-8000-000000000002', name: 'Cllr Alan Pearson' }, { issuer: ISSUER, audience: AUDIENCE });
    const { page, tab } = await openInTeams(token);
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v1/') && asked.push(new URL(r.url()).pathname));
    try {
      await tab.getByRole('heading', { level: 1, name: 'This dashboard is for democratic services' }).waitFor({ timeout: 30_000 });
      expect(asked.filter((p) => p !== '/api/v1/whoami')).toEqual([]);
      // The tab only: the stand-in host page around it is not ours.
      expect({ violations: await axeViolations(page, '#tab') }).toEqual({ violations: [] });
      await page.screenshot({ path: path.join(SHOTS, 'refusal-councillor-dark-1280.png') });
    } finally {
      await page.context().close();
    }
  });

  test('a token from another issuer is refused by the API: the page does not open the dashboard', async () => {
    const token = await keys.sign({ oid: 'b2c3d4e5-0000-4000-8000-000000000003', roles: ['Officer'] }, { issuer: 'https://sts.example.invalid/', audience: AUDIENCE });
    const { page, tab } = await openInTeams(token);
    try {
      await tab.getByRole('alert').waitFor({ timeout: 30_000 });
      expect(await tab.getByRole('alert').innerText()).toContain('was not accepted');
      expect(await tab.getByRole('heading', { level: 1, name: 'Meetings' }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
