import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cardNames } from '../../src/cards';
import { startCardsPreview, themes, type CardsPreview, type Theme } from '../../scripts/cards-preview';
import { CHROMIUM_PATH } from './support/paths';

const SCREENSHOTS = path.resolve(__dirname, '../../docs/cards');

interface TextContrast {
  readonly card: string;
  readonly theme: string;
  readonly text: string;
  readonly ratio: number;
  readonly required: number;
  readonly foreground: string;
  readonly background: string;
  readonly font: string;
}

/**
 * Runs in the page: every visible text node in each host of the theme, with the WCAG 2 contrast ratio between its
 * computed colour and the background it is drawn on (the first ancestor with a non-transparent background, with
 * any translucent layers above it blended in). Large text (24px, or 18.66px at weight 700 or more) needs 3:1 and
 * everything else 4.5:1; Teams' "bolder" is 600, so bolder text counts as normal text here.
 */
const measureContrast = (theme: string): TextContrast[] => {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) throw new Error(`unparsed colour ${css}`);
    const [r, g, b, a] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r!, g!, b!, a === undefined ? 1 : a];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const hex = (c: Rgba) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase();
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const results: TextContrast[] = [];
  for (const host of Array.from(document.querySelectorAll<HTMLElement>(`.host[data-theme="${theme}"]`))) {
    const card = host.closest<HTMLElement>('section[data-card]')?.dataset.card ?? '?';
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('option, script, style')) continue;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      const background = backgroundOf(element);
      const foreground = over(parse(style.color), background);
      const [l1, l2] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const weight = Number(style.fontWeight);
      const large = size >= 24 || (size >= 18.66 && weight >= 700);
      results.push({
        card,
        theme,
        text: text.length > 60 ? `${text.slice(0, 57)}...` : text,
        ratio: Math.round(ratio * 100) / 100,
        required: large ? 3 : 4.5,
        foreground: hex(foreground),
        background: hex(background),
        font: `${size}px/${weight}`,
      });
    }
  }
  return results;
};

describe('card gallery in headless Chromium', () => {
  let preview: CardsPreview;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    preview = await startCardsPreview({ port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1200 }, deviceScaleFactor: 1 });
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

  it('renders every card in every theme without a parse, validation or render error', async () => {
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

  it('shows the high-contrast theme as Teams does: black, nothing dimmed, styled containers outlined', async () => {
    const agenda = page.locator('section[data-card="agenda-item"] .host.high-contrast');
    await expect(agenda.getByText('Portfolio Holder for Housing and Communities', { exact: true }).isVisible()).resolves.toBe(true);
    // The card itself is the first .ac-container; the emphasis header is the next.
    const header = agenda.locator('.ac-adaptiveCard > .ac-container').first();
    await expect(header.evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).boxShadow])).resolves.toEqual([
      'rgb(0, 0, 0)',
      'rgb(255, 255, 255) 0px 0px 0px 2px inset',
    ]);
  });

  describe.each(themes)('text contrast in the %s theme', (theme: Theme) => {
    let measured: TextContrast[];

    beforeAll(async () => {
      measured = await page.evaluate(measureContrast, theme);
    });

    it.each([...cardNames])('%s: every text meets WCAG AA (4.5:1, or 3:1 when large)', (name) => {
      const texts = measured.filter((t) => t.card === name);
      expect(texts.length).toBeGreaterThan(2);
      const failures = texts
        .filter((t) => t.ratio < t.required)
        .map((t) => `${t.card} [${t.theme}] "${t.text}": ${t.ratio}:1, needs ${t.required}:1 (${t.foreground} on ${t.background}, ${t.font})`);
      expect(failures).toEqual([]);
    });

    afterAll(() => {
      const lowest = [...(measured ?? [])].sort((a, b) => a.ratio - b.ratio)[0];
      if (process.env.CONTRAST_REPORT === '1' && lowest) {
        console.log(`${theme}: ${measured.length} texts, lowest ${lowest.ratio}:1 "${lowest.text}" in ${lowest.card} (${lowest.foreground} on ${lowest.background})`);
      }
    });
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
