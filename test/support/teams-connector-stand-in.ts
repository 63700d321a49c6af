import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Teams' published limits per bot per conversation: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 an hour. */
export const TEAMS_PER_CONVERSATION_LIMITS: ReadonlyArray<readonly [count: number, windowMs: number]> = [
  [7, 1000],
  [8, 2000],
  [60, 30_000],
  [1800, 3_600_000],
];

export interface StandInOptions {
  /** Requests per second for the whole tenant, counted in a sliding 1 s window (Teams: 30 or 50 by the docs). */
  readonly tenantPerSecond: number;
  readonly perConversation?: ReadonlyArray<readonly [number, number]>;
  /** Each answer waits a random time in this range, as the real Bot Connector does. */
  readonly latencyMs?: readonly [number, number];
  /** Share of requests answered 503 (counted before the limits: a fault of the service). */
  readonly failRate?: number;
  /** Retry-After sent with a 429, in seconds. */
  readonly retryAfterSeconds?: number;
  /** Conversations whose member blocked the bot: every message to them is answered 403 MessageWritesBlocked. */
  readonly blocked?: readonly string[];
}

/** Sliding-window counts: how many requests fell within the last `windowMs`. */
class Window {
  private readonly times: number[] = [];
  constructor(readonly limit: number, readonly windowMs: number) {}
  /** Records a request at `now` if the window has room; answers whether it had. */
  admit(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
  /** Records without asking (a request that was refused still counts against the window, as Teams counts it). */
  count(now: number): void {
    this.times.push(now);
  }
}

/**
 * A Bot Connector for load and fault tests: it enforces Teams' rate limits in sliding windows (the tenant's and each
 * conversation's), answering 429 with Retry-After when one is exceeded; waits a realistic latency; can fail a share of
 * requests with 503, or be down (every request 503) for a while; and counts every message it accepted, per
 * conversation, so a test can see that each recipient got their card exactly once.
 */
export class TeamsConnectorStandIn {
  /** Messages accepted (sent), per conversation. */
  readonly received = new Map<string, number>();
  /** Bodies of accepted messages, in order. */
  readonly activities: Array<{ conversationId: string; method: string; body: Record<string, unknown> }> = [];
  requests = 0;
  throttled = 0;
  failed = 0;
  /** When the first and the last message were accepted (epoch ms): the span a sender kept the pace over. */
  firstAcceptedAt = 0;
  lastAcceptedAt = 0;
  /** When each message was accepted (epoch ms), in order. */
  readonly acceptedAt: number[] = [];
  /** Messages refused because the member blocked the bot, per conversation. */
  readonly refused = new Map<string, number>();
  /** Every request is answered 503 while true. */
  down = false;
  url = '';
  private server?: Server;
  private tenant: Window;
  private readonly conversations = new Map<string, Window[]>();
  private nextId = 0;
  private readonly sockets = new Set<import('node:net').Socket>();

  constructor(private options: StandInOptions) {
    this.tenant = new Window(options.tenantPerSecond, 1000);
  }

  /** Changes the limits and faults (the counts carry on). */
  configure(options: Partial<StandInOptions>): void {
    this.options = { ...this.options, ...options };
    if (options.tenantPerSecond !== undefined) this.tenant = new Window(options.tenantPerSecond, 1000);
  }

  /** Messages accepted in all. */
  get delivered(): number {
    let n = 0;
    for (const c of this.received.values()) n += c;
    return n;
  }

  /** Conversations that got more than one message, and how many extra. */
  duplicates(): number {
    let n = 0;
    for (const c of this.received.values()) n += Math.max(0, c - 1);
    return n;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private windowsOf(conversationId: string): Window[] {
    let windows = this.conversations.get(conversationId);
    if (!windows) {
      windows = (this.options.perConversation ?? TEAMS_PER_CONVERSATION_LIMITS).map(([limit, ms]) => new Window(limit, ms));
      this.conversations.set(conversationId, windows);
    }
    return windows;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const now = Date.now();
    this.requests += 1;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.down || Math.random() < (this.options.failRate ?? 0)) {
      this.failed += 1;
      return answer(503, { error: { code: 'ServiceUnavailable', message: 'stand-in fault' } });
    }
    const path = decodeURIComponent(req.url ?? '');
    const conversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path)?.[1] ?? '(tenant)';
    // Every request counts against the tenant's budget, and a message against its conversation's too.
    const tenantOk = this.tenant.admit(now);
    const windows = conversation === '(tenant)' ? [] : this.windowsOf(conversation);
    const conversationOk = tenantOk && windows.every((w) => w.admit(now));
    if (!tenantOk) windows.forEach((w) => w.count(now));
    if (!tenantOk || !conversationOk) {
      this.throttled += 1;
      return answer(429, { error: { code: 'TooManyRequests', message: 'rate limit' } }, { 'retry-after': String(this.options.retryAfterSeconds ?? 1) });
    }
    const [min, max] = this.options.latencyMs ?? [20, 80];
    await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    if (conversation === '(tenant)') {
      if (req.method === 'POST' && path === '/v3/conversations') return answer(201, { id: `a:opened-${(this.nextId += 1)}` });
      return answer(404, { error: { code: 'NotFound', message: path } });
    }
    if (this.options.blocked?.includes(conversation)) {
      this.refused.set(conversation, (this.refused.get(conversation) ?? 0) + 1);
      return answer(403, { error: { code: 'MessageWritesBlocked', message: 'The user has blocked the bot' } });
    }
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    if (req.method === 'POST') {
      this.received.set(conversation, (this.received.get(conversation) ?? 0) + 1);
      this.firstAcceptedAt ||= now;
      this.lastAcceptedAt = now;
      this.acceptedAt.push(now);
    }
    this.activities.push({ conversationId: conversation, method: req.method ?? '', body });
    answer(200, { id: `activity-${(this.nextId += 1)}` });
  }
}
