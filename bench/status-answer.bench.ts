/**
 * The whole bot over HTTP on loopback: "status community safety" messages and message-extension queries posted to
 * /api/messages, sequentially and 8 at a time, beside the same number of GET /healthz requests (the HTTP floor)
 * in the same run. The app is the real composition root (startTestApp) on an embedded store seeded with the demo
 * council plus generated business; replies go to a local test Bot Connector.
 *
 *   node --expose-gc --import tsx bench/status-answer.bench.ts [--items 2000] [--requests 300]
 */
import { seedDemoCouncil } from '../src/services/demo/seed-demo-council';
import type { Store } from '../src/store/port';
import { postActivity } from '../test/support/activities';
import { TestBotConnector } from '../test/support/bot-connector';
import { cardsIn, cardText, ConversationHarness } from '../test/support/conversation-harness';
import { startTestApp } from '../test/support/start-test-app';
import { generateCouncilCorpus } from './support/council-corpus';
import { machine, ms, now, printTable, summarise } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 2000);
const REQUESTS = arg('requests', 300);
const CONCURRENCY = 8;
/** Each phase stops at REQUESTS requests or this long, whichever comes first. */
const PHASE_BUDGET_MS = 6000;

/** The conversation harness, on the demo council plus generated items and decisions. */
class BenchHarness extends ConversationHarness {
  seedMs = 0;
  override async start(): Promise<this> {
    this.connector = await new TestBotConnector().start();
    this.app = await startTestApp({}, {
      seed: async (store: Store) => {
        const t = now();
        await seedDemoCouncil(store, new Date());
        const { items, decisions } = generateCouncilCorpus({ items: ITEMS, seed: 2021, committees: ['cabinet', 'cabinet', 'full-council', 'scrutiny'] });
        for (const item of items) await store.agendaItems.create(item);
        for (const decision of decisions) await store.decisions.create(decision);
        this.seedMs = now() - t;
      },
    });
    return this;
  }
}

interface Phase {
  readonly label: string;
  readonly samples: number[];
  readonly wallMs: number;
  readonly failures: number;
}

/** Runs `send` up to `count` times with `concurrency` workers, stopping early after PHASE_BUDGET_MS. */
const runPhase = async (label: string, count: number, concurrency: number, send: () => Promise<boolean>): Promise<Phase> => {
  const samples: number[] = [];
  let started = 0;
  let failures = 0;
  const t0 = now();
  const worker = async (): Promise<void> => {
    while (started < count && now() - t0 < PHASE_BUDGET_MS) {
      started += 1;
      const t = now();
      const ok = await send();
      samples.push(now() - t);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { label, samples, wallMs: now() - t0, failures };
};

const main = async (): Promise<void> => {
  console.log(`Status-answer benchmark — ${machine()}`);
  const h = await new BenchHarness().start();
  try {
    console.log(`Store: demo council + ${ITEMS} generated agenda items and their decisions (seeded in ${(h.seedMs / 1000).toFixed(1)} s). App at ${h.app.url}.`);

    const status = async (): Promise<boolean> => {
      const before = h.connector.sentActivities.length;
      const res = await postActivity(h.app.url, h.message('housing', 'status community safety'));
      // The HTTP answer comes after the turn, so the reply has reached the connector by now.
      return res.status === 200 && h.connector.sentActivities.length > before;
    };
    const extension = async (): Promise<boolean> => {
      const res = await postActivity(h.app.url, h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
        value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: 'community safety' }], queryOptions: { skip: 0, count: 10 } },
      }));
      return res.status === 200 && res.body.includes('"composeExtension"');
    };
    const healthz = async (): Promise<boolean> => (await fetch(`${h.app.url}/healthz`).then(async (r) => (await r.text(), r.status))) === 200;

    // The first turn builds the search index from the store: measured on its own, it is what the first user after a start waits.
    let t = now();
    const firstOk = await status();
    const coldMs = now() - t;
    const reply = h.connector.sentActivities[h.connector.sentActivities.length - 1] ?? {};
    const card = cardText(cardsIn([reply])[0]);
    console.log(`First (cold) status turn: ${ms(coldMs)}, ${firstOk ? 'answered' : 'FAILED'}; card: ${card.includes('Community Safety Partnership Strategic Plan') ? '"Approval of the Community Safety Partnership Strategic Plan"' : JSON.stringify(card.slice(0, 120))}`);
    t = now();
    await extension();
    console.log(`First message-extension query: ${ms(now() - t)}`);
    for (let i = 0; i < 20; i += 1) await Promise.all([status(), extension(), healthz()]); // JIT warm-up

    const phases: Phase[] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      const s = await runPhase(`status message, c=${concurrency}`, REQUESTS, concurrency, status);
      const e = await runPhase(`message extension, c=${concurrency}`, REQUESTS, concurrency, extension);
      // Baseline: as many /healthz requests as the larger bot phase completed, at the same concurrency.
      const b = await runPhase(`baseline GET /healthz, c=${concurrency}`, Math.max(s.samples.length, e.samples.length), concurrency, healthz);
      phases.push(s, e, b);
    }

    printTable(`Latency over HTTP on loopback (each phase: up to ${REQUESTS} requests or ${PHASE_BUDGET_MS / 1000} s)`,
      ['phase', 'n', 'failed', 'p50', 'p95', 'p99', 'max', 'throughput'],
      phases.map((p) => {
        const s = summarise(p.samples);
        return [p.label, String(s.n), String(p.failures), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), `${(s.n / (p.wallMs / 1000)).toFixed(0)} req/s`];
      }));
    console.log(`\nConnector calls received: ${h.connector.calls.length}. Rebuilds of the search index are triggered only by item/decision writes (change marker, checked every 5 s).`);
  } finally {
    await h.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
