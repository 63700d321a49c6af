/**
 * The whole bot over HTTP on loopback beside an echo bot (the floor), in the same run with requests interleaved:
 * Cabinet bot (the real composition root, started as src/index.ts starts it, logging at info, on an embedded store
 * seeded with the demo council plus generated business) and an echo bot (botbuilder's CloudAdapter on restify with
 * the same authentication set-up, answering with one small Adaptive Card) each run as their own child process, so
 * that start-up and memory are each bot's own. Replies from both go to one local test Bot Connector here.
 *
 * Phases (each with a ratio column, this bot / echo):
 *  - `status community safety` one at a time (p50/p99), the two bots alternating request by request;
 *  - the same with 50 in flight (p50/p99, throughput), the two bots alternating in blocks;
 *  - both again with a new question on every turn (`status <title>`, the generated titles in turn), past the search's
 *    answer cache;
 *  - message-extension search one at a time (p50/p99) and 8 in flight (p99), interleaved the same ways;
 *  - RSS and heap idle after start, during (peak) and after the 50-in-flight phase;
 *  - start to ready (/readyz 200) and the first status answer against the tenth;
 *  - a restart on the same store (the search index loaded from its snapshot): ready, memory, first and tenth answer.
 *
 *   node --expose-gc --import tsx bench/status-answer.bench.ts [--items 20000] [--requests 300] [--cpu-prof <dir>] [--heap-mb <n>]
 *
 * Both bots run from dist/ (compiled first) without a TypeScript loader, Cabinet bot with `npm start`'s Node flags
 * (bench/support/bot-process.ts). With --cpu-prof, Cabinet bot's process runs under `node --cpu-prof` as well and
 * writes its profile to <dir> when it stops; with --heap-mb, under `--max-old-space-size=<n>` too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoCouncil } from '../src/services/demo/seed-demo-council';
import { DEMO_PEOPLE } from '../src/services/demo/demo-council';
import { createEmbeddedStore } from '../src/store/embedded';
import { postActivity, teamsActivity } from '../test/support/activities';
import { TestBotConnector } from '../test/support/bot-connector';
import { buildForBenchmark, memoryOf, rssOf, startCabinetBot, startEchoBot, startScriptNodeFlags, stopBot, type BotProcess } from './support/bot-process';
import { generateCouncilCorpus } from './support/council-corpus';
import { machine, mb, ms, now, printTable, summarise } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 20000);
const REQUESTS = arg('requests', 300);
/** Requests per block when the concurrent phases alternate between the two bots. */
const BLOCK = 100;
const cpuProfIndex = process.argv.indexOf('--cpu-prof');
const HEAP_MB = arg('heap-mb', 0);
const CPU_PROF_DIR = cpuProfIndex >= 0 ? path.resolve(process.argv[cpuProfIndex + 1] ?? '.') : undefined;

type Bot = BotProcess;

/** How long a bot is left alone before its idle memory is read (V8's memory reducer runs some seconds into a quiet spell). */
const SETTLE_MS = arg('settle-s', 30) * 1000;
const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));

/** A bot not ready this long after its start fails the run rather than hanging it. */
const START_TIMEOUT_MS = 180_000;

const startOptions = (execArgv: string[] = []) => ({ execArgv, timeoutMs: START_TIMEOUT_MS, pollMs: 20 });

/** RSS from /proc (Linux), read without asking the process: sampled during load without adding to its work. */
const rssOfBot = (bot: Bot): number => rssOf(bot.child.pid);

const main = async (): Promise<void> => {
  console.log(`Status-answer benchmark beside an echo bot — ${machine()}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  buildForBenchmark();
  console.log(`Both bots run from dist/ (just compiled), Cabinet bot with npm start's Node flags: ${startScriptNodeFlags().join(' ') || '(none)'}.`);
  const connector = await new TestBotConnector().start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cabinet-bot-bench-'));
  let sequence = 0;
  const activity = (fixture: string, overrides: Record<string, unknown>): Record<string, unknown> => {
    const base = teamsActivity(fixture);
    const person = DEMO_PEOPLE.housing;
    sequence += 1;
    return {
      ...base,
      id: `${String(base.id ?? 'activity')}-${sequence}`,
      serviceUrl: connector.url,
      from: { id: `29:${person.id}`, aadObjectId: person.aadObjectId, name: person.id },
      conversation: { ...(base.conversation as object), conversationType: 'personal', id: `a:personal-chat-of-${person.id}` },
      ...overrides,
    };
  };
  const bots: Bot[] = [];
  try {
    let t = now();
    const store = createEmbeddedStore({ dataDir });
    await seedDemoCouncil(store, new Date());
    const { items, decisions } = generateCouncilCorpus({ items: ITEMS, seed: 2021, committees: ['cabinet', 'cabinet', 'full-council', 'scrutiny'] });
    for (const item of items) await store.agendaItems.create(item);
    for (const decision of decisions) await store.decisions.create(decision);
    await store.close();
    if (HEAP_MB > 0) console.log(`Cabinet bot runs with --max-old-space-size=${HEAP_MB}.`);
    console.log(`Store: demo council + ${ITEMS} generated agenda items and ${decisions.length} decisions (seeded in ${((now() - t) / 1000).toFixed(1)} s).`);

    const echo = await startEchoBot(startOptions());
    bots.push(echo);
    const cabinetEnv = { LOG_LEVEL: 'info', DATA_DIR: dataDir, QUIET_HOURS: 'off', SHUTDOWN_GRACE_MS: '2000' };
    const cabinetArgv = [...(CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : []), ...(HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : [])];
    const cabinet = await startCabinetBot(cabinetEnv, startOptions(cabinetArgv));
    bots.push(cabinet);

    const status = async (bot: Bot, question = 'status community safety'): Promise<boolean> => {
      const before = connector.sentActivities.length;
      const res = await postActivity(bot.url, activity('04_message_personal', { text: question, attachments: [] }));
      // The HTTP answer comes after the turn, so the reply has reached the connector by now.
      return res.status === 200 && connector.sentActivities.length > before;
    };
    const extension = async (bot: Bot): Promise<boolean> => {
      const res = await postActivity(bot.url, activity('07b_invoke_composeExtension_query_modern_envelope', {
        value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'community safety' }], queryOptions: { skip: 0, count: 10 } },
      }));
      return res.status === 200 && res.body.includes('"composeExtension"');
    };

    const idle = { echo: await memoryOf(echo), cabinet: await memoryOf(cabinet) };
    // Idle means nobody asking: V8 gives back what start-up left (the snapshot's bytes, the first build's pages) only
    // when its memory reducer runs, some seconds into a quiet spell, so idle is read again after one.
    await sleep(SETTLE_MS);
    const settled = { echo: await memoryOf(echo), cabinet: await memoryOf(cabinet) };

    // First status answer against the tenth, each bot (the first after ready is what the first user waits): ten
    // different questions, so that neither is an answer the search kept (services/search/answer-cache.ts), and all of
    // one kind (a generated title each), so that the first is not a costlier search than the tenth.
    const titles = [...new Set(items.map((i) => i.title))];
    // The bench's own first POST (its HTTP client's request path, the connector stand-in's handler) goes to the
    // stand-in itself, so that it is charged to neither bot's first answer.
    await postActivity(connector.url.replace(/\/$/, ''), activity('04_message_personal', { text: 'the bench warming up', attachments: [] }));
    const firstTen = titles.slice(-10).map((title) => `status ${title}`);
    const firstTenth: Record<string, number[]> = { echo: [], cabinet: [] };
    for (let i = 0; i < 10; i += 1) {
      for (const bot of [cabinet, echo]) {
        t = now();
        await status(bot, firstTen[i]);
        firstTenth[bot.name]!.push(now() - t);
      }
    }
    await status(cabinet);
    const statusCard = JSON.stringify(connector.sentActivities[connector.sentActivities.length - 1] ?? {});
    console.log(`Cabinet bot's answer to "status community safety" ${statusCard.includes('Community Safety Partnership Strategic Plan') ? 'names' : 'DOES NOT name'} the Community Safety Partnership Strategic Plan.`);
    for (let i = 0; i < 20; i += 1) for (const bot of [cabinet, echo]) await Promise.all([status(bot), extension(bot)]); // JIT warm-up

    type Samples = { cabinet: number[]; echo: number[]; wall: { cabinet: number; echo: number }; failures: { cabinet: number; echo: number } };
    const fresh = (): Samples => ({ cabinet: [], echo: [], wall: { cabinet: 0, echo: 0 }, failures: { cabinet: 0, echo: 0 } });
    /** `count` requests per bot at `concurrency`, alternating between the bots every `block` requests. */
    const interleaved = async (count: number, concurrency: number, block: number, send: (bot: Bot) => Promise<boolean>, during?: () => void): Promise<Samples> => {
      const s = fresh();
      for (let done = 0; done < count; done += block) {
        for (const bot of [cabinet, echo]) {
          const key = bot.name as 'cabinet' | 'echo';
          const n = Math.min(block, count - done);
          let started = 0;
          const t0 = now();
          const worker = async (): Promise<void> => {
            while (started < n) {
              started += 1;
              const t1 = now();
              const ok = await send(bot);
              s[key].push(now() - t1);
              if (!ok) s.failures[key] += 1;
              during?.();
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
          s.wall[key] += now() - t0;
        }
      }
      return s;
    };

    // A different question on every turn (the titles of the generated items, in turn: more than the search's answer
    // cache holds), so that the search is worked out on every turn; the same question again is answered from the cache
    // (services/search/answer-cache.ts), as it is when many members ask about what they were just notified of.
    const asked = { cabinet: 0, echo: 0 };
    const newQuestion = (bot: Bot): Promise<boolean> => {
      const key = bot.name as 'cabinet' | 'echo';
      asked[key] += 1;
      return status(bot, `status ${titles[asked[key] % titles.length]!}`);
    };

    const phases: Array<[string, Samples]> = [];
    phases.push(['status, one at a time', await interleaved(REQUESTS, 1, 1, (bot) => status(bot))]);
    phases.push(['status, a new question each time, one at a time', await interleaved(REQUESTS, 1, 1, newQuestion)]);
    let peakRss = { cabinet: 0, echo: 0 };
    let samplesSinceRss = 0;
    const sampleRss = (): void => {
      samplesSinceRss += 1;
      if (samplesSinceRss % 10 !== 0) return;
      peakRss = { cabinet: Math.max(peakRss.cabinet, rssOfBot(cabinet)), echo: Math.max(peakRss.echo, rssOfBot(echo)) };
    };
    const loadDuring: number[] = [];
    loadDuring.push(os.loadavg()[0]!);
    phases.push(['status, 50 in flight', await interleaved(REQUESTS * 5, 50, BLOCK * 5, (bot) => status(bot), sampleRss)]);
    phases.push(['status, a new question each time, 50 in flight', await interleaved(REQUESTS * 5, 50, BLOCK * 5, newQuestion, sampleRss)]);
    const after50 = { echo: await memoryOf(echo), cabinet: await memoryOf(cabinet) };
    phases.push(['message extension, one at a time', await interleaved(REQUESTS, 1, 1, extension)]);
    phases.push(['message extension, 8 in flight', await interleaved(REQUESTS * 2, 8, BLOCK, extension)]);
    loadDuring.push(os.loadavg()[0]!);

    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
    printTable(`Latency over HTTP on loopback, Cabinet bot beside the echo bot (${ITEMS} items)`,
      ['phase', 'n', 'failed', 'p50', 'p99', 'throughput', 'echo n', 'echo p50', 'echo p99', 'echo throughput', 'p50 ratio', 'p99 ratio', 'throughput ratio'],
      phases.map(([label, s]) => {
        const c = summarise(s.cabinet);
        const e = summarise(s.echo);
        const tc = c.n / (s.wall.cabinet / 1000);
        const te = e.n / (s.wall.echo / 1000);
        return [label, String(c.n), String(s.failures.cabinet), ms(c.p50), ms(c.p99), `${tc.toFixed(0)} req/s`, String(e.n), ms(e.p50), ms(e.p99), `${te.toFixed(0)} req/s`,
          ratio(c.p50, e.p50), ratio(c.p99, e.p99), (tc / te).toFixed(2)];
      }));

    const memRow = (label: string, c: number, e: number): string[] => [label, mb(c), mb(e), ratio(c, e)];
    printTable('Memory (each bot its own process; heap as process.memoryUsage reports it, no forced collection)',
      ['when', 'Cabinet bot', 'echo bot', 'ratio'],
      [
        memRow('RSS at ready', idle.cabinet.rss, idle.echo.rss),
        memRow('heap used at ready', idle.cabinet.heapUsed, idle.echo.heapUsed),
        memRow(`RSS idle (${SETTLE_MS / 1000} s after ready)`, settled.cabinet.rss, settled.echo.rss),
        memRow(`heap used idle (${SETTLE_MS / 1000} s after ready)`, settled.cabinet.heapUsed, settled.echo.heapUsed),
        memRow('RSS peak during 50 in flight', peakRss.cabinet, peakRss.echo),
        memRow('RSS after 50 in flight', after50.cabinet.rss, after50.echo.rss),
        memRow('heap used after 50 in flight', after50.cabinet.heapUsed, after50.echo.heapUsed),
      ]);

    printTable('Start-up', ['', 'Cabinet bot', 'echo bot', 'ratio'], [
      ['start to /readyz 200', ms(cabinet.readyMs), ms(echo.readyMs), ratio(cabinet.readyMs, echo.readyMs)],
      ['first status answer after ready', ms(firstTenth.cabinet![0]!), ms(firstTenth.echo![0]!), ratio(firstTenth.cabinet![0]!, firstTenth.echo![0]!)],
      ['tenth status answer', ms(firstTenth.cabinet![9]!), ms(firstTenth.echo![9]!), ratio(firstTenth.cabinet![9]!, firstTenth.echo![9]!)],
    ]);

    // A restart on the same store: the index is loaded from the snapshot the first start wrote beside it in DATA_DIR
    // (services/search/search-snapshot.ts) rather than built from every record.
    await stopBot(cabinet);
    bots.splice(bots.indexOf(cabinet), 1);
    const restarted = await startCabinetBot(cabinetEnv, startOptions(cabinetArgv));
    bots.push(restarted);
    const restartAtReady = await memoryOf(restarted);
    await sleep(SETTLE_MS);
    const restartIdle = await memoryOf(restarted);
    const restartAnswers: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      t = now();
      await status(restarted, firstTen[i]);
      restartAnswers.push(now() - t);
    }
    await status(restarted);
    const restartCard = JSON.stringify(connector.sentActivities[connector.sentActivities.length - 1] ?? {});
    printTable('Restart on the same store (the index loaded from its snapshot)', ['', 'Cabinet bot', 'echo bot (its first start)', 'ratio'], [
      ['start to /readyz 200', ms(restarted.readyMs), ms(echo.readyMs), ratio(restarted.readyMs, echo.readyMs)],
      ['RSS at ready', mb(restartAtReady.rss), mb(idle.echo.rss), ratio(restartAtReady.rss, idle.echo.rss)],
      [`RSS idle (${SETTLE_MS / 1000} s after ready)`, mb(restartIdle.rss), mb(settled.echo.rss), ratio(restartIdle.rss, settled.echo.rss)],
      [`heap used idle (${SETTLE_MS / 1000} s after ready)`, mb(restartIdle.heapUsed), mb(settled.echo.heapUsed), ratio(restartIdle.heapUsed, settled.echo.heapUsed)],
      ['first status answer after ready', ms(restartAnswers[0]!), ms(firstTenth.echo![0]!), ratio(restartAnswers[0]!, firstTenth.echo![0]!)],
      ['tenth status answer', ms(restartAnswers[9]!), ms(firstTenth.echo![9]!), ratio(restartAnswers[9]!, firstTenth.echo![9]!)],
    ]);
    console.log(`After the restart, the answer to "status community safety" ${restartCard.includes('Community Safety Partnership Strategic Plan') ? 'names' : 'DOES NOT name'} the Community Safety Partnership Strategic Plan.`);
    console.log(`\nLoad average (1 min) before the 50-in-flight phase ${loadDuring[0]!.toFixed(2)}, after the last phase ${loadDuring[1]!.toFixed(2)}; at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
  } finally {
    for (const bot of bots) await stopBot(bot);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
