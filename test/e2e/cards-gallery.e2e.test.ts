import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cardNames } from '../../src/cards';
import { startCardsPreview, type CardsPreview } from '../../scripts/cards-preview';

const SCREENSHOTS = path.resolve(__dirname, '../../docs/cards');

describe('card gallery in headless Chromium', () => {
  let preview: CardsPreview;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    preview = await startCardsPreview({ port: 0 });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(preview.url);
    await page.waitForFunction(() => (window as unknown as { __renderDone: boolean }).__renderDone === true);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('renders every card in both themes without a parse, validation or render error', async () => {
    const errors = await page.evaluate(() => (window as unknown as { __renderErrors: unknown[] }).__renderErrors);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.locator('section[data-card]').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.card))).toEqual([...cardNames]);
  });

  it('shows the sample content as a councillor would read it', async () => {
    const agenda = page.locator('section[data-card="agenda-item"] .host.light');
    await expect(agenda.getByText('Wed 16 June 2021, 6.30pm').isVisible()).resolves.toBe(true);
    await expect(agenda.getByText('Portfolio Holder for Housing and Communities', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(agenda.getByRole('button', { name: 'Acknowledge' }).isVisible()).resolves.toBe(true);
    const decision = page.locator('section[data-card="decision"] .host.light');
    await expect(decision.getByText('Recommended to Council: awaiting Full Council, 21 July 2021').isVisible()).resolves.toBe(true);
    const preview = page.locator('section[data-card="link-preview"] .host.light');
    await expect(preview.getByText('DECISION · Cabinet', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(preview.getByText('Recommended to Council: awaiting Full Council, 21 July 2021').isVisible()).resolves.toBe(true);
    await expect(preview.getByRole('link', { name: 'Open on the council website' }).isVisible()).resolves.toBe(true);
  });

  it('saves a screenshot of each card for the README', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const name of cardNames) {
      const section = page.locator(`section[data-card="${name}"]`);
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await section.screenshot({ path: file });
      const box = await section.boundingBox();
      expect(box?.height).toBeGreaterThan(100);
    }
  });
});
