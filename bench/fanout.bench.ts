/**
 * Fan-out: one notification to a committee of 2,000 members with personal chats, through a Bot Connector stand-in on
 * 127.0.0.1 (a process of its own) that enforces Teams' limits in sliding windows (the tenant's 30 requests a second
 * and each conversation's 7/1 s, 8/2 s, 60/30 s), answering 429 with Retry-After when one is exceeded, with 20 to 80 ms
 * of latency per call. In the same run, beside the outbox: the Teams Toolkit template's sequential loop of
 * continueConversationAsync, and an unbounded Promise.all of it. Then the outbox again with 10% of calls failing
 * with 503, and with two instances of the bot sharing the store (and so the one tenant limit).
 *
 *   npm run bench:fanout                  (FANOUT_MEMBERS=500 for a quicker run)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedStore } from '../src/store/embedded';
import { FANOUT, seedFanoutCouncil } from '../test/support/fanout-council';
import type { StandInOptions } from '../test/support/teams-connector-stand-in';
import { machine, mb, printTable } from './support/measure';

const ROOT = path.resolve(__dirname, '..');
const MEMBERS = Number(process.env.FANOUT_MEMBERS ?? 2000);
const LIMIT = 30;
const TOKEN = 'bench-officer-token-0123456789';
const STAND_IN: StandInOptions = { tenantPerSecond: LIMIT, latencyMs: [20, 80], retryAfterSeconds: 1 };

interface Stats {
  delivered: number;
  distinct: number;
  duplicates: number;
  throttled: number;
  failed: number;
  requests: number;
  firstAcceptedAt: number;
  lastAcceptedAt: number;
  /** Pauses of over 100 ms between accepted messages while sending. */
  gaps: { count: number; totalMs: number };
}

interface Result {
  readonly name: string;
  readonly wallMs: number;
  /** When the sender began (epoch ms): the push, or the baseline's first call. */
  readonly startedAt: number;
  readonly stats: Stats;
  readonly peakRss: number;
}

const node = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', ...(process.env.FANOUT_NODE_ARGS ? process.env.FANOUT_NODE_ARGS.split(' ') : []), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline >= 0) resolve(buffer.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing a line`)));
  });

/** Peak resident memory of a process, sampled from /proc every 200 ms. */
const rssSampler = (pid: number) => {
  let peak = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 200);
  sample();
  return { stop: () => (clearInterval(timer), peak) };
};

const json = async <T>(url: string, init: RequestInit = {}): Promise<T> => (await (await fetch(url, init)).json()) as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await sleep(200);
  }
}

let nextPort = 45_000 + Math.floor(Math.random() * 1000);

/** The outbox: the real bot as a process (one or two), a push through the officer API, until every delivery is final. */
async function outbox(name: string, control: string, connector: string, instances: number, standIn: StandInOptions): Promise<Result> {
  await json(`${control}/__reset`, { method: 'POST', body: JSON.stringify(standIn) });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-fanout-'));
  const bots: Array<{ child: ChildProcess; url: string; rss: ReturnType<typeof rssSampler> }> = [];
  try {
    const store = createEmbeddedStore({ dataDir });
    await seedFanoutCouncil(store, { members: MEMBERS, serviceUrl: connector });
    await store.close();
    for (let i = 0; i < instances; i++) {
      const port = (nextPort += 1);
      const child = node(['src/index.ts'], {
        PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, OFFICER_API_TOKEN: TOKEN, QUIET_HOURS: 'off', LOG_LEVEL: 'warn', LOG_PRETTY: 'false',
        MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '',
      });
      child.stderr!.on('data', () => undefined);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/readyz`, 60_000);
      bots.push({ child, url, rss: rssSampler(child.pid!) });
    }
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const started = Date.now();
    const pushed = await json<{ id: string }>(`${bots[0]!.url}/api/v1/notifications`, { method: 'POST', headers, body: JSON.stringify({ agendaItemId: FANOUT.itemId }) });
    // Followed as the CLI's --wait follows it, once a second; ten times a second near the end, to time it closely.
    for (;;) {
      const status = await json<{ status: string; counts: { pending: number } }>(`${bots[0]!.url}/api/v1/notifications/${pushed.id}`, { headers });
      if (status.status === 'completed') break;
      await sleep(status.counts.pending > 30 ? 1000 : 100);
    }
    const wallMs = Date.now() - started;
    const peakRss = Math.max(...bots.map((b) => b.rss.stop()));
    return { name, wallMs, startedAt: started, peakRss, stats: await json<Stats>(`${control}/__stats`) };
  } finally {
    for (const b of bots) b.child.kill('SIGTERM');
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A baseline sender as a process of its own. */
async function baseline(name: string, mode: 'sequential' | 'all-at-once', control: string, connector: string): Promise<Result> {
  await json(`${control}/__reset`, { method: 'POST', body: JSON.stringify(STAND_IN) });
  const child = node(['bench/support/baseline-sender.ts', mode, connector, String(MEMBERS)]);
  child.stderr!.on('data', () => undefined);
  const out = JSON.parse(await firstLine(child)) as { wallMs: number; startedAt: number; peakRss: number };
  return { name, wallMs: out.wallMs, startedAt: out.startedAt, peakRss: out.peakRss, stats: await json<Stats>(`${control}/__stats`) };
}

async function main(): Promise<void> {
  console.log(`Fan-out benchmark: ${MEMBERS} members, tenant limit ${LIMIT} requests/s, per-conversation limits, 20-80 ms latency`);
  console.log(`Machine: ${machine()}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const standIn = node(['bench/support/connector-stand-in-process.ts']);
  try {
    const { connector, control } = JSON.parse(await firstLine(standIn)) as { connector: string; control: string };
    // FANOUT_ONLY=outbox,two (say) runs some of the scenarios, for tuning; the recorded figures come from all five.
    const only = new Set((process.env.FANOUT_ONLY ?? 'outbox,sequential,all,faults,two').split(','));
    const scenarios: Array<[string, () => Promise<Result>]> = [
      ['outbox', () => outbox('outbox (this bot)', control, connector, 1, STAND_IN)],
      ['sequential', () => baseline('sequential continueConversationAsync (Teams Toolkit template)', 'sequential', control, connector)],
      ['all', () => baseline('unbounded Promise.all of continueConversationAsync', 'all-at-once', control, connector)],
      ['faults', () => outbox('outbox, 10% of calls answered 503', control, connector, 1, { ...STAND_IN, failRate: 0.1 })],
      ['two', () => outbox('outbox, two instances sharing the store', control, connector, 2, STAND_IN)],
    ];
    const results: Result[] = [];
    for (const [key, run] of scenarios) if (only.has(key)) results.push(await run());
    const share = (perSecond: number) => `${((perSecond / LIMIT) * 100).toFixed(1)}%`;
    printTable(
      `Fan-out of one notification to ${MEMBERS} members (limit ${LIMIT}/s; share of the limit counted over successful sends)`,
      ['sender', 'wall time', 'delivered/s', 'share of limit', 'first card after', 'pace, first to last card', 'pauses over 100 ms', '429s received', 'throttled share', 'lost', 'duplicated', 'peak RSS'],
      results.map((r) => {
        const perSecond = r.stats.delivered / (r.wallMs / 1000);
        const spanMs = r.stats.lastAcceptedAt - r.stats.firstAcceptedAt;
        return [
          r.name,
          `${(r.wallMs / 1000).toFixed(1)} s`,
          perSecond.toFixed(2),
          share(perSecond),
          `${((r.stats.firstAcceptedAt - r.startedAt) / 1000).toFixed(2)} s`,
          spanMs > 0 ? share((r.stats.delivered - 1) / (spanMs / 1000)) : '-',
          `${r.stats.gaps.count} (${(r.stats.gaps.totalMs / 1000).toFixed(1)} s)`,
          String(r.stats.throttled),
          `${((r.stats.throttled / Math.max(1, r.stats.requests)) * 100).toFixed(2)}%`,
          String(MEMBERS - r.stats.distinct),
          String(r.stats.duplicates),
          mb(r.peakRss),
        ];
      }),
    );
  } finally {
    standIn.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
