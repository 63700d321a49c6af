import Bottleneck from 'bottleneck';
import type { ConnectorBudget } from '../services/messenger';

export interface ConnectorBudgetOptions {
  /**
   * Requests per second to the Bot Connector for the whole tenant (TEAMS_SEND_RATE, default 30). Teams allows 50 per
   * second per app per tenant counting every request; this budget leaves room for interactive replies.
   */
  readonly requestsPerSecond: number;
  /**
   * Milliseconds added to the one-second window the tenant's budget is counted in: a request reaches Teams a few
   * milliseconds after it leaves, not always the same few, and Teams counts arrivals in sliding windows. Default 10.
   */
  readonly windowSlackMs?: number;
  /**
   * The first request after a quiet spell opens a connection (TCP, TLS) and so reaches Teams later than the ones that
   * follow it on the open connection: it is counted as leaving this much later. Default 40.
   */
  readonly coldStartMs?: number;
  /** When Teams throttles without saying for how long. */
  readonly defaultPauseMs?: number;
}

/**
 * Per conversation Teams allows 7 messages a second, 8 in 2 s, 60 in 30 s and 1,800 an hour. One request every
 * 2 s to a conversation keeps every one of those windows, and the outbox never needs more: a member gets one card per
 * notification, and the officer's progress card is redrawn every few seconds at most.
 */
export const PER_CONVERSATION_SPACING_MS = 2000;

/**
 * Teams' limits as Bottleneck limiters, within one instance (the sender lease makes this instance the only one
 * sending: see outbox-sender.ts). A request waits for its conversation's spacing, then for the tenant budget: evenly
 * spaced starts, never a burst after a pause. A 429 holds every request for Retry-After.
 */
export class BottleneckConnectorBudget implements ConnectorBudget {
  private readonly tenant: Bottleneck;
  private readonly conversations: Bottleneck.Group;
  private readonly window: SlidingWindow;
  private resumeTimer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;

  constructor(private readonly options: ConnectorBudgetOptions) {
    if (!(options.requestsPerSecond > 0)) throw new Error(`requestsPerSecond must be positive, not ${options.requestsPerSecond}`);
    const windowMs = 1000 + (options.windowSlackMs ?? 10);
    this.tenant = new Bottleneck({ minTime: windowMs / options.requestsPerSecond });
    this.window = new SlidingWindow(options.requestsPerSecond, windowMs, options.coldStartMs ?? 40);
    this.conversations = new Bottleneck.Group({ minTime: PER_CONVERSATION_SPACING_MS, timeout: 5 * 60_000 });
    this.conversations.on('created', (limiter) => {
      limiter.chain(this.tenant);
    });
  }

  schedule<T>(conversationKey: string, request: () => Promise<T>): Promise<T> {
    return this.conversations.key(conversationKey).schedule(async () => {
      await this.window.admit();
      return request();
    });
  }

  throttled(retryAfterMs?: number): void {
    const pause = Math.max(100, retryAfterMs ?? this.options.defaultPauseMs ?? 1000);
    const until = Date.now() + pause;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // A reservoir of 0 holds every job that has not started; null lifts the hold and the queue resumes, spaced.
    this.tenant.updateSettings({ reservoir: 0 });
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => this.tenant.updateSettings({ reservoir: null }), pause);
    this.resumeTimer.unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.resumeTimer);
    await Promise.all([this.tenant.stop({ dropWaitingJobs: true }), ...this.conversations.limiters().map((l) => l.limiter.stop({ dropWaitingJobs: true }))]);
  }
}

/**
 * The last check before a request leaves: never more than `limit` requests in any `windowMs`, counted at the moment
 * each one actually goes. Bottleneck paces the queue by when it planned each start, and a timer that fires late lets
 * the next start come early; Teams counts what arrives. A request that would overfill the window waits for the
 * oldest in it to age out (Bottleneck has already spaced them, so this wait is rare and short).
 *
 * "Actually goes": a request admitted just before the event loop is held up (a garbage collection, a synchronous
 * store write) leaves only when the loop is free again, and a request that leaves late can arrive in the same
 * one-second window as one sent a second after it was admitted. So each request's time is moved to the next turn of
 * the loop after its admission, by when its bytes are on their way.
 */
class SlidingWindow {
  private readonly sent: Array<{ at: number }> = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly coldStartMs: number,
  ) {}

  async admit(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.sent.length > 0 && this.sent[0]!.at <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        // After a quiet spell the window is empty: this request opens a connection and arrives late.
        const entry = { at: this.sent.length === 0 ? now + this.coldStartMs : now };
        this.sent.push(entry);
        setImmediate(() => {
          entry.at = Math.max(entry.at, Date.now());
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.sent[0]!.at + this.windowMs - now + 1));
    }
  }
}
