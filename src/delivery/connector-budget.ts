import Bottleneck from 'bottleneck';
import type { ConnectorBudget } from '../services/messenger';

export interface ConnectorBudgetOptions {
  /**
   * Requests per second to the Bot Connector for the whole tenant (TEAMS_SEND_RATE, default 30). Teams allows 50 per
   * second per app per tenant counting every request; this budget leaves room for interactive replies.
   */
  readonly requestsPerSecond: number;
  /**
   * Spacing kept between requests, as a share above the exact rate (0.02 = 2%): a request can reach Teams a few
   * milliseconds later than it was started (the event loop is shared), and Teams counts arrivals in sliding windows.
   */
  readonly safetyMargin?: number;
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
  private resumeTimer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;

  constructor(private readonly options: ConnectorBudgetOptions) {
    if (!(options.requestsPerSecond > 0)) throw new Error(`requestsPerSecond must be positive, not ${options.requestsPerSecond}`);
    this.tenant = new Bottleneck({ minTime: (1000 / options.requestsPerSecond) * (1 + (options.safetyMargin ?? 0.02)) });
    this.conversations = new Bottleneck.Group({ minTime: PER_CONVERSATION_SPACING_MS, timeout: 5 * 60_000 });
    this.conversations.on('created', (limiter) => {
      limiter.chain(this.tenant);
    });
  }

  schedule<T>(conversationKey: string, request: () => Promise<T>): Promise<T> {
    return this.conversations.key(conversationKey).schedule(request);
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
