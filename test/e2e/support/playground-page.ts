import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, slug } from './paths';

/**
 * The playground's page as a Teams user sees it, driven through the DOM of @microsoft/m365agentsplayground 0.2.28
 * (found by running it, see the selectors below). Every wait also checks that the bot and the playground are still
 * running, so a crashed process fails the test at once with its last output instead of after a timeout.
 */
export const SELECTORS = {
  /** The compose box: a Lexical editor. Enter sends. */
  composeBox: '[role="textbox"][data-lexical-editor="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  /**
   * Every Adaptive Card the Adaptive Cards SDK renders has `.ac-adaptiveCard` on its root; a card shown by
   * Action.ShowCard inside another card has it too, so "top level" excludes cards nested in cards.
   */
  card: '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)',
  /** Card actions are Fluent buttons with aria-label and title set to the action's title. */
  cardButton: (title: string) => `button[title="${title.replace(/"/g, '\\"')}"], button[aria-label="${title.replace(/"/g, '\\"')}"]`,
} as const;

/** Texts the playground's Log Panel shows. */
export const LOG_TEXT = {
  connected: 'Connected.',
  /** "Microsoft 365 Agents Playground -> User Application installationUpdate 200" (any status). */
  installAnswered: /installationUpdate \d{3}/,
  conversationUpdateAnswered: /conversationUpdate \d{3}/,
} as const;

export type TextExpectation = string | RegExp | ReadonlyArray<string | RegExp>;

export interface FoundCard {
  /** Position among the page's top-level cards, oldest first. */
  readonly index: number;
  /** The card's visible text (innerText). */
  readonly text: string;
  readonly locator: Locator;
}

export interface PlaygroundPageOptions {
  /** Used in screenshot names. */
  readonly label: string;
  /** Each returns why the test cannot go on (a process died), or undefined. */
  readonly healthChecks: ReadonlyArray<() => string | undefined>;
  readonly connectTimeoutMs?: number;
}

const POLL_MS = 200;

export class PlaygroundPage {
  /** Cards before this index were on the page before the last sendMessage/clickCardButton. */
  private mark = 0;

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly opts: PlaygroundPageOptions,
  ) {}

  /** Opens the playground in a fresh browser context and waits until it has connected to the bot. */
  static async open(browser: Browser, url: string, opts: PlaygroundPageOptions): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const pg = new PlaygroundPage(page, context, opts);
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.locator(SELECTORS.composeBox).waitFor({ state: 'visible', timeout: 30_000 });
      await pg.waitForLog(LOG_TEXT.connected, opts.connectTimeoutMs ?? 30_000);
      // On each connection the playground sends installationUpdate then conversationUpdate; a card the bot sends in
      // those turns has reached the page once their answers are logged and the cards have stopped changing, so a
      // later sendMessage does not take it for an answer.
      await pg.waitForLog(LOG_TEXT.installAnswered, 15_000);
      await pg.waitForLog(LOG_TEXT.conversationUpdateAnswered, 15_000);
      await pg.waitForStableCards(750, 10_000);
    } catch (err) {
      await pg.failureScreenshot('open');
      const error = await pg.withDiagnostics(err, 'opening the playground');
      await context.close().catch(() => undefined);
      throw error;
    }
    return pg;
  }

  /** Types a message into the compose box and sends it with Enter; later waits look only at cards after it. */
  async sendMessage(text: string): Promise<void> {
    this.assertHealthy();
    this.mark = await this.cardCount();
    const box = this.page.locator(SELECTORS.composeBox);
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    // Sent once the box is empty again.
    await this.until(`the compose box to clear after sending "${text}"`, 10_000, async () => ((await box.innerText()).trim() === '' ? true : undefined));
  }

  /**
   * Waits for a top-level card whose visible text contains every expectation (strings match case-insensitively,
   * with whitespace collapsed and typographic quotes made plain; RegExps match the normalised text as given).
   * Looks at cards that arrived after the last sendMessage/clickCardButton (the clicked card itself included, since
   * an Action.Execute answer replaces it), or at every card with `anyCard`.
   */
  async waitForCardContaining(expected: TextExpectation, timeoutMs = 15_000, opts: { anyCard?: boolean } = {}): Promise<FoundCard> {
    const wanted = (Array.isArray(expected) ? expected : [expected]) as Array<string | RegExp>;
    const from = opts.anyCard ? 0 : this.mark;
    const describe = wanted.map((w) => (typeof w === 'string' ? JSON.stringify(w) : String(w))).join(' and ');
    let seen: string[] = [];
    try {
      return await this.until(`a card containing ${describe}`, timeoutMs, async () => {
        const texts = await this.cardTexts();
        seen = texts.slice(from);
        for (let i = texts.length - 1; i >= from; i--) {
          const text = texts[i] ?? '';
          if (wanted.every((w) => matches(text, w))) return { index: i, text, locator: this.cards().nth(i) };
        }
        return undefined;
      });
    } catch (err) {
      const shown = seen.length ? seen.map((t, i) => `  card ${from + i}: ${normalise(t).slice(0, 400)}`).join('\n') : '  (no card)';
      throw new Error(`${(err as Error).message}\nCards considered:\n${shown}`, { cause: err });
    }
  }

  /** Presses the button with this title on the newest card that has one. */
  async clickCardButton(title: string, timeoutMs = 10_000): Promise<void> {
    const selector = SELECTORS.cardButton(title);
    const index = await this.until(`a card with a "${title}" button`, timeoutMs, async () => {
      const idx = await this.page.$$eval(
        SELECTORS.card,
        (cards, sel) => {
          for (let i = cards.length - 1; i >= 0; i--) if (cards[i]?.querySelector(sel)) return i;
          return -1;
        },
        selector,
      );
      return idx >= 0 ? idx : undefined;
    });
    this.mark = index;
    await this.cards().nth(index).locator(selector).first().click();
  }

  /** Saves a screenshot of the page (or of one card) to test-artifacts/e2e/<name>.png and returns its path. */
  async screenshot(name: string, target?: Locator): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${slug(name)}.png`);
    if (target) await target.screenshot({ path: file, timeout: 10_000 });
    else await this.page.screenshot({ path: file, timeout: 10_000 });
    return file;
  }

  /**
   * Runs one step of a scenario; if it fails, saves `failed-<label>-<step>.png` and adds the Log Panel's last
   * lines and any dead process's output to the error.
   */
  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await this.failureScreenshot(name);
      throw await this.withDiagnostics(err, name);
    }
  }

  /** The visible text of each top-level card, oldest first. */
  async cardTexts(): Promise<string[]> {
    return this.page.$$eval(SELECTORS.card, (cards) => cards.map((c) => (c as HTMLElement).innerText));
  }

  cards(): Locator {
    return this.page.locator(SELECTORS.card);
  }

  async cardCount(): Promise<number> {
    return this.cards().count();
  }

  /** The Log Panel's text (what the playground sent to the bot and got back, and its warnings). */
  async logPanelText(): Promise<string> {
    const body = await this.page.evaluate(() => document.body.innerText);
    const at = body.lastIndexOf('Log Panel');
    return at >= 0 ? body.slice(at) : '';
  }

  /** Waits for the Log Panel to show the text, e.g. "installationUpdate 200". Returns the panel's text. */
  async waitForLog(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    return this.until(`the Log Panel to show ${String(expected)}`, timeoutMs, async () => {
      const text = await this.logPanelText();
      return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) ? text : undefined;
    });
  }

  /** Waits until the number of cards has not changed for `quietMs`. */
  async waitForStableCards(quietMs: number, timeoutMs: number): Promise<number> {
    let count = await this.cardCount();
    let since = Date.now();
    return this.until(`the cards to stop changing for ${quietMs} ms`, timeoutMs, async () => {
      const now = await this.cardCount();
      if (now !== count) {
        count = now;
        since = Date.now();
      }
      return Date.now() - since >= quietMs ? count : undefined;
    });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  private assertHealthy(): void {
    for (const check of this.opts.healthChecks) {
      const reason = check();
      if (reason) throw new Error(reason);
    }
  }

  /** Polls `probe` until it returns a value; fails on timeout or as soon as a process has died. */
  private async until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.assertHealthy();
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private async failureScreenshot(step: string): Promise<void> {
    await this.screenshot(`FAILED-${this.opts.label}-${step}`).catch(() => undefined);
  }

  private async withDiagnostics(err: unknown, step: string): Promise<Error> {
    const message = err instanceof Error ? err.message : String(err);
    const parts = [`[${this.opts.label}] ${step}: ${message}`];
    for (const reason of this.opts.healthChecks.map((c) => c())) if (reason && !message.includes(reason)) parts.push(reason);
    const log = await this.logPanelText().catch(() => '');
    if (log) parts.push(`Playground Log Panel (end):\n${log.slice(-1500)}`);
    const error = new Error(parts.join('\n'));
    if (err instanceof Error && err.stack) {
      const head = `${err.name}: ${err.message}`;
      error.stack = `${error.message}${err.stack.startsWith(head) ? err.stack.slice(head.length) : `\n${err.stack}`}`;
    }
    return error;
  }
}

export function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim();
}

function matches(text: string, expected: string | RegExp): boolean {
  const plain = normalise(text);
  return typeof expected === 'string' ? plain.toLowerCase().includes(normalise(expected).toLowerCase()) : expected.test(plain);
}
