import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: Record<string, unknown>;
}

/**
 * A Bot Connector on 127.0.0.1 that accepts what botbuilder sends (replies, proactive sends, updates,
 * new conversations) and records each call, so tests can assert what a Teams user would have received.
 * `failNext` makes the next calls answer with a given status (429, 403 ...) to test the bot's handling.
 */
export class TestBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** How long each answer waits after the call is recorded: a slow Bot Connector, to hold a turn in flight. */
  delayMs = 0;
  /** The calls answered so far, in the order their answers were sent. */
  readonly answered: ConnectorCall[] = [];
  private server?: Server;
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  private failures: Array<{ status: number; body?: unknown; headers?: Record<string, string> }> = [];
  private members = new Map<string, Record<string, unknown>>();
  /** Everyone added, in order: every team's roster (the stand-in does not tell teams apart). */
  private roster: Array<Record<string, unknown>> = [];
  url = '';

  constructor(options: { delayMs?: number } = {}) {
    this.delayMs = options.delayMs ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readJson(req).then(async (body) => {
        const call: ConnectorCall = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body };
        this.calls.push(call);
        res.once('finish', () => this.answered.push(call));
        this.waiters = this.waiters.filter((w) => (this.calls.length >= w.count ? (w.resolve(), false) : true));
        const failure = this.failures.shift();
        if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
        if (failure) {
          res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
          res.end(JSON.stringify(failure.body ?? { error: { code: 'TestFailure', message: 'failed by the test' } }));
          return;
        }
        const paged = /^\/v3\/conversations\/[^/]+\/pagedmembers(?:\?(.*))?$/.exec(call.path);
        if (req.method === 'GET' && paged) {
          const page = this.rosterPage(new URLSearchParams(paged[1] ?? ''));
          res.writeHead(page ? 200 : 400, { 'content-type': 'application/json' });
          res.end(JSON.stringify(page ?? { error: { code: 'BadArgument', message: 'the continuation token is not one this roster gave' } }));
          return;
        }
        const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(call.path);
        if (req.method === 'GET' && member?.[1]) {
          const found = this.members.get(decodeURIComponent(member[1]));
          res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
          return;
        }
        res.writeHead(req.method === 'POST' && call.path === '/v3/conversations' ? 201 : 200, { 'content-type': 'application/json' });
        const id = `activity-${this.calls.length}`;
        res.end(JSON.stringify(call.path === '/v3/conversations' ? { id: `a:new-conversation-${this.calls.length}`, activityId: id } : { id }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /**
   * Teams' member look-up (TeamsInfo.getMember, by Teams id or by Entra object id) answers with this member's details,
   * and a team's roster (pagedmembers) lists them.
   */
  addMember(member: { id: string; aadObjectId: string; name: string; email?: string; userPrincipalName?: string; tenantId?: string }): void {
    this.members.set(member.id, { ...member, objectId: member.aadObjectId });
    this.members.set(member.aadObjectId, { ...member, objectId: member.aadObjectId });
    this.roster.push({ ...member });
  }

  /**
   * One page of the roster, as Teams answers `pagedmembers`: `pageSize` members (Teams' default and most, 500) and a
   * continuation token while more follow. The token is opaque base64 with + and / in it, as Teams' are: one sent back
   * unescaped in the query (a + read as a space) is refused with 400.
   */
  private rosterPage(query: URLSearchParams): { members: Array<Record<string, unknown>>; continuationToken?: string } | undefined {
    const size = Math.min(500, Number(query.get('pageSize') ?? 500));
    const token = query.get('continuationToken');
    const start = token === null ? 0 : Number(/^\u00fb\u00ef\u00bfoffset~(\d+)$/.exec(Buffer.from(token, 'base64').toString('latin1'))?.[1] ?? NaN);
    if (!Number.isInteger(start) || (token !== null && !token.startsWith('+++/'))) return undefined;
    const end = start + size;
    return {
      members: this.roster.slice(start, end),
      ...(end < this.roster.length ? { continuationToken: Buffer.from(`\u00fb\u00ef\u00bfoffset~${end}`, 'latin1').toString('base64') } : {}),
    };
  }

  failNext(status: number, options: { body?: unknown; headers?: Record<string, string>; times?: number } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) this.failures.push({ status, body: options.body, headers: options.headers });
  }

  /** Activities the bot sent (replies and proactive sends), in order. */
  get sentActivities(): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(c.path)).map((c) => c.body);
  }

  waitForCalls(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} connector calls, got ${this.calls.length}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { unparsable: text };
  }
}
