/**
 * The bot on the Cosmos DB adapter at council scale: @zeit/cosmosdb-server in a process of its own, seeded with the
 * demo council plus generated business (loaded in the server's own process), Cabinet bot as its own process (the real
 * composition root, STORE=cosmos) talking to it through a counting proxy here, and an echo bot (the floor) beside it.
 * Every command is sent over HTTP on /api/messages; for each: whether it answered (never "busy"), its latency one at a
 * time, and the requests it made to Cosmos DB counted on the wire (query plans and the re-delivery claim included;
 * the search index's background change-marker read counted apart), with the x-ms-request-charge header summed
 * (Azure sends the real charge; cosmosdb-server answers 1 for every request, so there it only repeats the count).
 *
 *   node --import tsx bench/cosmos-scale.bench.ts [--items 20000] [--requests 20]
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../src/config';
import { DEMO_IDS, DEMO_PEOPLE } from '../src/services/demo/demo-council';
import { seedDemoCouncil } from '../src/services/demo/seed-demo-council';
import { openStore } from '../src/store/open-store';
import { postActivity, teamsActivity } from '../test/support/activities';
import { TestBotConnector } from '../test/support/bot-connector';
import { startCosmosRequestCounter, type CosmosRequest } from '../test/support/cosmos-request-counter';
import { startCosmosServerProcess } from '../test/support/cosmos-server';
import { buildForBenchmark, rssOf, startCabinetBot, startEchoBot, stopBot, type BotProcess } from './support/bot-process';
import { generateCouncilCorpus } from './support/council-corpus';
import { machine, mb, ms, now, printTable, summarise } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 20000);
const REQUESTS = arg('requests', 20);
const START_TIMEOUT_MS = 600_000;
const BUSY = 'The service is busy or unavailable';
const MARKER = /\/docs\/changeMarker:changeMarker$/;

type Bot = BotProcess;

const startOptions = { timeoutMs: START_TIMEOUT_MS, pollMs: 100 };

const main = async (): Promise<void> => {
  console.log(`Cosmos DB adapter at scale — ${machine()}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  buildForBenchmark();
  const cosmos = await startCosmosServerProcess();
  const counter = await startCosmosRequestCounter(cosmos.endpoint);
  const connector = await new TestBotConnector().start();
  const bots: Bot[] = [];
  try {
    const databaseId = `cabinet-bench-${randomUUID().slice(0, 8)}`;
    let t = now();
    const CORPUS = { items: ITEMS, seed: 2021, committees: ['cabinet', 'cabinet', 'full-council', 'scrutiny'] };
    // The same corpus the server's process loads (deterministic for the seed): the bench picks items to acknowledge from it.
    const corpus = generateCouncilCorpus(CORPUS);
    const store = await openStore(loadConfig({ STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: databaseId, DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }).store);
    await seedDemoCouncil(store, new Date());
    await store.close();
    // The generated business straight into the server's memory, through the store's own code in the server's process
    // (test/support/cosmos-server-child.ts): 36,000 creates over HTTP took 75-250 s on this machine.
    await cosmos.seed({ databaseId, corpus: CORPUS });
    console.log(`Store: cosmosdb-server (own process), demo council + ${ITEMS} generated agenda items and ${corpus.decisions.length} decisions, seeded in ${((now() - t) / 1000).toFixed(1)} s.`);

    t = now();
    const echo = await startEchoBot(startOptions);
    bots.push(echo);
    counter.reset();
    const cabinet = await startCabinetBot({
      LOG_LEVEL: 'warn', QUIET_HOURS: 'off', SHUTDOWN_GRACE_MS: '2000', DATA_DIR: os.tmpdir(),
      STORE: 'cosmos', COSMOS_ENDPOINT: counter.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: databaseId,
    }, startOptions);
    bots.push(cabinet);
    const startRequests = counter.requests.length;
    console.log(`Cabinet bot ready (/readyz 200) ${(cabinet.readyMs / 1000).toFixed(1)} s after start; ${startRequests} requests to Cosmos DB to get there (the search index's first build pages through every item and decision).`);

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
    /** A message; answered when a reply reached the connector and is not the busy card. */
    const message = (text: string) => async (bot: Bot): Promise<boolean> => {
      const before = connector.sentActivities.length;
      const res = await postActivity(bot.url, activity('04_message_personal', { text, attachments: [] }));
      const replies = connector.sentActivities.slice(before);
      return res.status === 200 && replies.length > 0 && !JSON.stringify(replies).includes(BUSY);
    };
    const invoke = (fixture: string, value: () => unknown, expect: string) => async (bot: Bot): Promise<boolean> => {
      const res = await postActivity(bot.url, activity(fixture, { value: value() }));
      return res.status === 200 && res.body.includes(expect) && !res.body.includes(BUSY);
    };
    // Each acknowledgement a first one (a different Cabinet item each time): the cost of recording one.
    const toAcknowledge = corpus.items.filter((i) => i.committeeId === 'cabinet' && !i.exempt).map((i) => i.id);
    let acks = 0;
    const operations: Array<[string, (bot: Bot) => Promise<boolean>]> = [
      ['status community safety', message('status community safety')],
      ['agenda', message('agenda')],
      ['pending', message('pending')],
      ['help', message('help')],
      ['acknowledge (Action.Execute)', invoke('06b_invoke_adaptiveCard_action_with_verb', () => ({
        action: { type: 'Action.Execute', verb: 'acknowledge', data: { committeeId: DEMO_IDS.cabinet, agendaItemId: toAcknowledge[acks++ % toAcknowledge.length] } },
      }), 'Acknowledged by you')],
      ['card refresh (refreshItem)', invoke('06c_invoke_adaptiveCard_action_auto_refresh', () => ({
        action: { type: 'Action.Execute', id: '', verb: 'refreshItem', data: { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' } }, trigger: 'automatic',
      }), '"statusCode":200')],
      ['message extension "treasury management"', invoke('07b_invoke_composeExtension_query_modern_envelope', () => ({
        commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'treasury management' }], queryOptions: { skip: 0, count: 10 },
      }), '"composeExtension"')],
    ];
    // One of each first: the SDK's metadata reads (the roster, the plans of decisions and the meetings are held from
    // start-up, each kept current by its part of the change marker: docs/ARCHITECTURE.md).
    for (const [, send] of operations) await send(cabinet);
    const echoStatus = message('status community safety');
    for (let i = 0; i < 10; i++) await echoStatus(echo);

    const rows: string[][] = [];
    const lastQueries = new Map<string, Set<string>>();
    for (const [label, send] of operations) {
      const latencies: number[] = [];
      const echoLatencies: number[] = [];
      let failed = 0;
      const own: number[] = [];
      let markers = 0;
      let crossPartition = 0;
      let plans = 0;
      let charge = 0;
      let charged = false;
      const shapes = new Set<string>();
      for (let i = 0; i < REQUESTS; i++) {
        const t1 = now();
        const { result, requests } = await counter.during(() => send(cabinet));
        latencies.push(now() - t1);
        if (!result) failed += 1;
        const mine = requests.filter((r: CosmosRequest) => !MARKER.test(r.path));
        markers += requests.length - mine.length;
        own.push(mine.length);
        crossPartition += mine.filter((r) => r.crossPartition).length;
        plans += mine.filter((r) => r.kind === 'query plan').length;
        for (const r of requests) {
          if (r.charge === undefined) continue;
          charge += r.charge;
          charged = true;
        }
        for (const r of mine) shapes.add(`${r.kind} ${r.path.replace(/^\/dbs\/[^/]+\/colls\//, '').replace(/docs\/([a-zA-Z]+):.*/, 'docs/$1:…')}`);
        const t2 = now();
        await echoStatus(echo);
        echoLatencies.push(now() - t2);
      }
      lastQueries.set(label, shapes);
      const c = summarise(latencies);
      const e = summarise(echoLatencies);
      own.sort((a, b) => a - b);
      rows.push([label, String(REQUESTS), String(failed), ms(c.p50), ms(c.p99), ms(e.p50), ms(e.p99),
        `${own[0]}-${own[own.length - 1]}`, String(markers), String(crossPartition), String(plans), charged ? (charge / REQUESTS).toFixed(2) : 'not sent']);
    }
    printTable(`Commands over HTTP on the Cosmos DB adapter (${ITEMS} items), one at a time, interleaved with the echo bot's status`,
      ['operation', 'n', 'failed', 'p50', 'p99', 'echo p50', 'echo p99', 'requests per op (min-max)', 'change-marker reads (background)', 'cross-partition queries', 'query plans', 'charge header per op (cosmosdb-server: 1 a request, not RU)'], rows);
    for (const [label, shapes] of lastQueries) console.log(`${label}: ${[...shapes].join('; ')}`);
    const ready = await fetch(`${cabinet.url}/readyz`);
    console.log(`\n/readyz at the end: ${ready.status}. RSS: Cabinet bot ${mb(rssOf(cabinet.child.pid))}, echo bot ${mb(rssOf(echo.child.pid))}, cosmosdb-server ${mb(rssOf(cosmos.pid))}.`);
    console.log(`Load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
    if (ready.status !== 200 || rows.some((r) => r[2] !== '0')) process.exitCode = 1;
  } finally {
    for (const bot of bots) await stopBot(bot);
    await connector.stop();
    await counter.stop();
    await cosmos.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
