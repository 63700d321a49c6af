/**
 * Import stall benchmark (issue 9): a 1 MiB pathological page of each kind is imported (dry run) through the officer
 * API, and a 1 MB roster CSV checked, while /healthz is asked over and over on another connection. Each import must be answered within the parse
 * budget (PAGE_PARSE_BUDGET_MS, default 5 s), and /healthz must stay quick meanwhile (target: p99 under 50 ms),
 * because page parsing runs in a worker thread, not on the event loop that answers Teams. Baseline in the same run:
 * /healthz with nothing being imported.
 *
 * The app runs in this process, so the event loop's own delay is measured too (perf_hooks): it tells a loop that was
 * held up (parsing on it) from a busy machine (other processes, the worker thread itself, competing for the cores).
 *
 *   node --import tsx bench/import-stall.bench.ts [--probe-ms 10] [--baseline-ms 3000] [--repeats 3]
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { DEMO_IDS } from '../src/services/demo/demo-council';
import { seedDemoCouncil } from '../src/services/demo/seed-demo-council';
import { startTestApp } from '../test/support/start-test-app';
import { machine, ms, now, printTable, summarise } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
/** Pause between one /healthz answer and the next question. */
const PROBE_MS = arg('probe-ms', 10);
const BASELINE_MS = arg('baseline-ms', 3000);
const REPEATS = arg('repeats', 3);
const BUDGET_MS = 5000;
const OFFICER_TOKEN = 'bench-officer-token-0123456789abcdef';
const MIB = 1024 * 1024;

/** Repeats `unit` to fill at most 1 MiB (the officer API's default body limit) around a fixed head and tail. */
const oneMiB = (head: string, unit: string, tail = ''): string => head + unit.repeat(Math.floor((MIB - head.length - tail.length) / unit.length)) + tail;

const PAGES: ReadonlyArray<{ kind: string; contentType: string; body: string; route?: string }> = [
  {
    kind: 'text: one strategy named with two years 30,000 times (the year check)',
    contentType: 'text/plain; charset=utf-8',
    body: oneMiB('Agenda item\n\nTITLE\n\nCabinet\n\n', 'Strategy 2021-23 Strategy 2021-24 '),
  },
  { kind: 'HTML: nested <div> (about 100,000 deep)', contentType: 'text/html; charset=utf-8', body: `${'<div>'.repeat(104_857)}${'</div>'.repeat(104_857)}`.slice(0, MIB) },
  { kind: 'HTML: unclosed <b> (about 350,000)', contentType: 'text/html; charset=utf-8', body: oneMiB('', '<b>') },
  { kind: 'XML: unclosed elements (about 350,000)', contentType: 'application/xml', body: oneMiB('', '<a>') },
  { kind: 'XML: a GetMeeting of 260,000 empty elements', contentType: 'application/xml', body: oneMiB('<meeting><meetingid>1</meetingid>', '<x/>', '</meeting>') },
  {
    kind: 'CSV: a roster of 15,000 members (checked in slices)',
    contentType: 'text/csv',
    body: `id,name,role,title,email,aadObjectId,committees\n${Array.from({ length: 15_000 }, (_, i) => `m${i},Member ${i},councillor,,m${i}@council.example,,cabinet:Member`).join('\n')}\n`,
    route: '/api/v1/members/import?dryRun=true',
  },
];

interface Probe {
  readonly samples: number[];
  stop(): Promise<void>;
}

/** Asks /healthz one request at a time, PROBE_MS apart, until stopped; records each answer's latency. */
function probeHealth(url: string): Probe {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      samples.push(now() - started);
      await new Promise((r) => setTimeout(r, PROBE_MS));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function main(): Promise<void> {
  const app = await startTestApp({ OFFICER_API_TOKEN: OFFICER_TOKEN }, { seed: (store) => seedDemoCouncil(store, new Date()) });
  /** One dry-run import into the next Cabinet meeting: its status, the start of its problem detail, and how long it took. */
  const importPage = async (contentType: string, body: string, route = `/api/v1/imports?dryRun=true&meetingId=${DEMO_IDS.nextCabinet}`): Promise<{ status: number; detail: string; ms: number }> => {
    const started = now();
    const res = await fetch(`${app.url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': contentType },
      body,
    });
    const answer = await res.text();
    const took = now() - started;
    const json = JSON.parse(answer) as { warnings?: unknown[]; rows?: number; detail?: string };
    const detail = res.status !== 200 ? String(json.detail ?? '').slice(0, 42) : json.warnings ? `read, ${json.warnings.length} warning(s)` : `checked, ${json.rows} rows`;
    return { status: res.status, detail, ms: took };
  };
  try {
    console.log(`Machine: ${machine()}`);
    console.log(`Parse budget ${BUDGET_MS / 1000} s (the default), /healthz probed every ${PROBE_MS} ms, one request at a time.`);

    // Warm up: one small page, so the first pathological page does not also pay for starting the worker thread.
    await importPage('text/plain', 'Agenda item 1\n\nWARM UP\n\nDecision:\n\nCabinet\n\n1) NOTED it.');
    const rows: string[][] = [];
    const delay = monitorEventLoopDelay({ resolution: 5 });
    // Garbage collection pauses the event loop too: the longest one in each phase tells it from parsing on the loop.
    let longestGc = 0;
    const gcs = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
    });
    gcs.observe({ entryTypes: ['gc'] });
    const measured = async (label: string, work: () => Promise<string[]>): Promise<void> => {
      const probe = probeHealth(app.url);
      delay.reset();
      delay.enable();
      longestGc = 0;
      const cells = await work();
      delay.disable();
      await probe.stop();
      const health = summarise(probe.samples);
      rows.push([label, ...cells, String(health.n), ms(health.p50), ms(health.p99), ms(health.max), ms(delay.percentile(99) / 1e6), ms(delay.max / 1e6), ms(longestGc)]);
    };
    await measured('baseline: nothing imported', async () => {
      await new Promise((r) => setTimeout(r, BASELINE_MS));
      return ['-', '-', '-'];
    });
    for (const page of PAGES) {
      await measured(page.kind, async () => {
        const answers: Array<{ status: number; detail: string; ms: number }> = [];
        for (let i = 0; i < REPEATS; i += 1) answers.push(await importPage(page.contentType, page.body, page.route));
        const slowest = Math.max(...answers.map((a) => a.ms));
        const statuses = [...new Set(answers.map((a) => `${a.status} ${a.detail}`))].join('; ');
        return [`${(Buffer.byteLength(page.body) / MIB).toFixed(2)} MiB`, statuses, `${ms(slowest)}${slowest <= BUDGET_MS + 1000 ? '' : ' (over budget)'}`];
      });
    }
    printTable(
      'Imports of 1 MiB pathological pages (dry run) and /healthz meanwhile',
      ['page', 'size', `answer (${REPEATS} imports)`, 'slowest answer', '/healthz n', 'p50', 'p99', 'max', 'loop delay p99', 'loop delay max', 'longest GC'],
      rows,
    );
    gcs.disconnect();
  } finally {
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
