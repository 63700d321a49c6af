import { chromium, type Browser } from 'playwright-core';
import { startBot, type BotProcess, type StartBotOptions } from './bot-process';
import { CHROMIUM_PATH, type PlaygroundRole } from './paths';
import { PlaygroundPage } from './playground-page';
import { startPlayground, type PlaygroundProcess } from './playground-process';

/** Debian's Chromium, headless, with the flags that keep it quiet and quick on a small machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The whole local Teams set-up for a test file: the bot (child process, temporary seeded store), one Agents
 * Playground per role asked for (started on first use), and one Chromium. `openPage` gives a fresh page, that is a
 * fresh connection: the playground sends installationUpdate and conversationUpdate to the bot each time.
 * `stop` tears everything down and never throws; call it in afterAll.
 */
export class PlaygroundE2E {
  private readonly playgrounds = new Map<PlaygroundRole, Promise<PlaygroundProcess>>();
  private readonly pages = new Set<PlaygroundPage>();
  private stopped = false;

  private constructor(
    readonly bot: BotProcess,
    readonly browser: Browser,
  ) {}

  static async start(opts: { bot?: StartBotOptions } = {}): Promise<PlaygroundE2E> {
    const bot = await startBot(opts.bot);
    let browser: Browser;
    try {
      browser = await launchChromium();
    } catch (err) {
      await bot.stop();
      throw err;
    }
    return new PlaygroundE2E(bot, browser);
  }

  /** The playground for this role, started on first use against the bot. */
  playground(role: PlaygroundRole): Promise<PlaygroundProcess> {
    if (this.stopped) return Promise.reject(new Error('the e2e environment has been stopped'));
    let started = this.playgrounds.get(role);
    if (!started) {
      started = startPlayground({ role, endpoint: this.bot.messagesUrl });
      this.playgrounds.set(role, started);
    }
    return started;
  }

  /** A fresh page of the role's playground, connected to the bot. `label` names its screenshots. */
  async openPage(role: PlaygroundRole, label: string = role): Promise<PlaygroundPage> {
    const playground = await this.playground(role);
    const page = await PlaygroundPage.open(this.browser, playground.url, {
      label,
      healthChecks: [() => this.bot.deadReason(), () => playground.deadReason()],
    });
    this.pages.add(page);
    return page;
  }

  async closePage(page: PlaygroundPage): Promise<void> {
    this.pages.delete(page);
    await page.close();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.allSettled([...this.pages].map((p) => p.close()));
    await this.browser.close().catch(() => undefined);
    const playgrounds = await Promise.allSettled([...this.playgrounds.values()]);
    await Promise.allSettled(playgrounds.map((p) => (p.status === 'fulfilled' ? p.value.stop() : undefined)));
    await this.bot.stop().catch(() => undefined);
  }
}
