import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedStore } from '../../src/store/embedded';
import { startBot, type BotProcess } from '../e2e/support/bot-process';
import { FANOUT, fanoutChatId, seedFanoutCouncil } from '../support/fanout-council';
import { TeamsConnectorStandIn } from '../support/teams-connector-stand-in';

const TOKEN = 'resilience-officer-token-123';
const ROOT = path.resolve(__dirname, '../..');
/** The sender's claims in flight (app.ts): after a kill, only these can be sent twice. */
const SEND_CONCURRENCY = 16;

interface Status {
  id: string;
  status: string;
  counts: { total: number; pending: number; sent: number; failed: number; cancelled: number; unreachable: number; blocked: number };
}

const until = async <T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, everyMs = 100): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/**
 * The outbox against faults, with the real bot as child processes on one embedded store and a Bot Connector stand-in
 * that enforces Teams' limits: kill -9 mid fan-out, two instances at once, hard throttling, a connector down for a
 * minute, members who blocked the bot, cancelling mid-send, a schedule that fell due while no bot ran. Each recipient must get the card; a
 * duplicate is possible only for a send in flight at a kill.
 */
describe('the outbox, with the bot as real processes', () => {
  let dataDir: string;
  let connector: TeamsConnectorStandIn;
  const bots: BotProcess[] = [];

  const env = (extra: Record<string, string> = {}) => ({ OFFICER_API_TOKEN: TOKEN, QUIET_HOURS: 'off', LOG_LEVEL: 'info', ...extra });
  const bot = async (extra: Record<string, string> = {}) => {
    const started = await startBot({ dataDir, env: env(extra) });
    bots.push(started);
    return started;
  };
  const seed = async (members: number) => {
    const store = createEmbeddedStore({ dataDir });
    try {
      await seedFanoutCouncil(store, { members, serviceUrl: connector.url });
    } finally {
      await store.close();
    }
  };
  const push = async (on: BotProcess, body: unknown = { agendaItemId: FANOUT.itemId }): Promise<Status> => {
    const res = await fetch(`${on.url}/api/v1/notifications`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    return (await res.json()) as Status;
  };
  const status = async (on: BotProcess, id: string): Promise<Status> =>
    (await (await fetch(`${on.url}/api/v1/notifications/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as Status;
  const completed = (on: BotProcess, id: string, timeoutMs: number) =>
    until(`notification ${id} to complete`, async () => {
      const s = await status(on, id);
      return s.status === 'completed' || s.status === 'cancelled' ? s : undefined;
    }, timeoutMs, 250);
  const everyoneOnce = (members: number) => {
    const missing = Array.from({ length: members }, (_, i) => fanoutChatId(i)).filter((c) => !connector.received.has(c));
    expect(missing).toEqual([]);
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-outbox-'));
    connector = await new TeamsConnectorStandIn({ tenantPerSecond: 30, latencyMs: [5, 20] }).start();
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 in the middle of a fan-out, then a restart on the same store: every recipient gets the card, duplicates only from sends in flight', async () => {
    const members = 240;
    await seed(members);
    const first = await bot();
    const { id } = await push(first);
    await until('a third of the cards', () => connector.delivered >= members / 3, 30_000, 20);
    process.kill(-first.process.pid, 'SIGKILL');
    await first.process.exited;
    const deliveredAtKill = connector.delivered;
    expect(deliveredAtKill).toBeLessThan(members);

    const second = await bot();
    const done = await completed(second, id, 120_000);
    expect(done.counts).toMatchObject({ total: members, sent: members, pending: 0, failed: 0 });
    everyoneOnce(members);
    expect(connector.duplicates()).toBeLessThanOrEqual(SEND_CONCURRENCY);
  }, 180_000);

  it.each([2, 3])('%i instances on one store deliver each recipient exactly once, within the tenant budget together', async (instances) => {
    const members = 150;
    await seed(members);
    const running: BotProcess[] = [];
    for (let i = 0; i < instances; i++) running.push(await bot());
    const { id } = await push(running[0]!);
    const done = await completed(running[instances - 1]!, id, 60_000);
    expect(done.counts).toMatchObject({ total: members, sent: members });
    everyoneOnce(members);
    expect(connector.duplicates()).toBe(0);
    // Two senders at once would each spend the tenant's 30/s and be refused about half their requests. One sender
    // spaces its requests within the limit; a loaded test machine (the stand-in shares jest's event loop) can still
    // bunch an arrival or two into one window, which is what the allowance is for.
    expect(connector.throttled).toBeLessThanOrEqual(Math.ceil(connector.requests * 0.02));
    // Only the lease holder sent: one of them logs the lease, and every card came through it.
    const senders = running.filter((p) => /this instance is now the sender/.test(p.process.outputTail(64 * 1024)));
    expect(senders.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('a connector that throttles hard: Retry-After is honoured, nobody is lost or sent twice', async () => {
    const members = 60;
    await seed(members);
    connector.configure({ tenantPerSecond: 4, retryAfterSeconds: 1 });
    const first = await bot();
    const { id } = await push(first);
    const done = await completed(first, id, 90_000);
    expect(done.counts).toMatchObject({ total: members, sent: members, failed: 0 });
    everyoneOnce(members);
    expect(connector.duplicates()).toBe(0);
    expect(connector.throttled).toBeGreaterThan(0);
  }, 120_000);

  it('a connector that is down for a minute and then returns: the cards go once it is back', async () => {
    const members = 40;
    await seed(members);
    const first = await bot();
    connector.down = true;
    const { id } = await push(first);
    await new Promise((r) => setTimeout(r, 60_000));
    expect(connector.delivered).toBe(0);
    expect((await status(first, id)).counts).toMatchObject({ pending: members, failed: 0 });
    connector.down = false;
    const done = await completed(first, id, 150_000);
    expect(done.counts).toMatchObject({ total: members, sent: members, failed: 0 });
    everyoneOnce(members);
    expect(connector.duplicates()).toBe(0);
  }, 240_000);

  it('members who blocked the bot: refused once each, never retried, named to the officer, and not tried again next time', async () => {
    const members = 20;
    await seed(members);
    const blocked = [fanoutChatId(3), fanoutChatId(7)];
    connector.configure({ blocked });
    const first = await bot();
    const { id } = await push(first);
    const done = await completed(first, id, 60_000);
    expect(done.counts).toMatchObject({ total: members, sent: members - 2, blocked: 2, pending: 0, failed: 0 });
    expect(blocked.map((c) => connector.refused.get(c))).toEqual([1, 1]);
    expect(blocked.filter((c) => connector.received.has(c))).toEqual([]);
    expect(connector.received.size).toBe(members - 2);
    expect(connector.duplicates()).toBe(0);
    const report = (await (await fetch(`${first.url}/api/v1/notifications/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { unreachable: Array<{ conversationId?: string; status: string }> };
    expect(report.unreachable.filter((r) => r.status === 'blocked').map((r) => r.conversationId).sort()).toEqual(blocked);

    // The next notification does not knock on a closed door: their chats are marked, so nothing is sent to them,
    // and they are counted blocked again, as the 403 counted them.
    const again = await push(first, { meetingId: FANOUT.meetingId });
    const second = await completed(first, again.id, 60_000);
    expect(second.counts).toMatchObject({ total: members, sent: members - 2, blocked: 2, unreachable: 0, pending: 0 });
    expect(blocked.map((c) => connector.refused.get(c))).toEqual([1, 1]);
  }, 120_000);

  it('cancelling mid-send: nothing more goes out beyond what was in flight, and the counts add up', async () => {
    const members = 200;
    await seed(members);
    connector.configure({ latencyMs: [50, 100] });
    const first = await bot({ TEAMS_SEND_RATE: '10' });
    const { id } = await push(first);
    await until('the first cards', () => connector.delivered >= 20, 30_000, 20);
    const res = await fetch(`${first.url}/api/v1/notifications/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const atCancel = connector.delivered;
    const done = await completed(first, id, 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(done.status).toBe('cancelled');
    expect(connector.delivered - atCancel).toBeLessThanOrEqual(SEND_CONCURRENCY);
    const final = await status(first, id);
    expect(final.counts.sent).toBe(connector.delivered);
    expect(final.counts.sent + final.counts.cancelled).toBe(members);
    expect(final.counts.pending).toBe(0);
    expect(connector.duplicates()).toBe(0);
  }, 90_000);

  it('a schedule that fell due while no bot was running goes as soon as one starts', async () => {
    const members = 10;
    await seed(members);
    // The officer schedules it from the command line (which only writes to the store) with no bot running.
    const at = new Date(Date.now() + 2000).toISOString();
    const cli = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'notify', '--item', FANOUT.itemId, '--at', at, '--json'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), DATA_DIR: dataDir, LOG_LEVEL: 'silent', QUIET_HOURS: 'off' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout }));
    });
    expect(cli.code).toBe(0);
    const { id } = JSON.parse(cli.stdout) as { id: string };
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(at) - Date.now()) + 2000));
    expect(connector.delivered).toBe(0);
    const started = Date.now();
    const first = await bot();
    await completed(first, id, 30_000);
    everyoneOnce(members);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 90_000);
});
