/**
 * Store benchmark: the embedded store's acknowledgements.create (new, then the idempotent repeat) and agendaItems.get,
 * beside raw better-sqlite3 inserts and selects of the same JSON in a separate file with the same pragmas (WAL,
 * synchronous = FULL), in the same run. Optionally the Cosmos DB adapter against @zeit/cosmosdb-server (in-memory,
 * in this process, over loopback HTTP): a check of the adapter's overhead, not of Azure's latency.
 *
 *   node --expose-gc --import tsx bench/store.bench.ts [--items 2000] [--ops 2000] [--no-cosmos]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Acknowledgement, AgendaItem } from '../src/domain';
import { createCosmosStore } from '../src/store/cosmos';
import { createEmbeddedStore } from '../src/store/embedded';
import type { Store } from '../src/store/port';
import { startCosmosServer } from '../test/support/cosmos-server';
import { generateCouncilCorpus } from './support/council-corpus';
import { machine, ms, now, printTable, seededRandom, summarise } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 2000);
const OPS = arg('ops', 2000);
const WITH_COSMOS = !process.argv.includes('--no-cosmos');
/** Each phase stops at its op count or this long, whichever comes first. */
const PHASE_BUDGET_MS = 4000;

interface Result {
  readonly subject: string;
  readonly op: string;
  readonly samples: number[];
  readonly wallMs: number;
}

/** One op at a time (the bot's own pattern per turn), up to `count` or PHASE_BUDGET_MS. */
const phase = async (subject: string, op: string, count: number, run: (i: number) => Promise<unknown> | unknown): Promise<Result> => {
  const samples: number[] = [];
  const t0 = now();
  for (let i = 0; i < count && now() - t0 < PHASE_BUDGET_MS; i += 1) {
    const t = now();
    await run(i);
    samples.push(now() - t);
  }
  return { subject, op, samples, wallMs: now() - t0 };
};

const ack = (i: number, items: readonly AgendaItem[]): Acknowledgement => {
  const item = items[i % items.length]!;
  return {
    agendaItemId: item.id, committeeId: item.committeeId, memberId: `member-${Math.floor(i / items.length)}-${i % 37}`,
    acknowledgedAt: '2021-06-16T10:00:00.000Z', via: { channel: 'teams', conversationId: 'a:personal', activityId: `activity-${i}` },
  };
};

/** The domain store's ops on one store. */
const storeOps = async (subject: string, store: Store, items: readonly AgendaItem[], ops: number): Promise<Result[]> => {
  for (const item of items) await store.agendaItems.create(item);
  const random = seededRandom(11);
  const gets = Array.from({ length: ops * 2 }, () => items[Math.floor(random() * items.length)]!);
  const results: Result[] = [];
  results.push(await phase(subject, 'acknowledgements.create (new)', ops, async (i) => {
    if (!(await store.acknowledgements.create(ack(i, items))).created) throw new Error('expected a new acknowledgement');
  }));
  const made = results[0]!.samples.length;
  results.push(await phase(subject, 'acknowledgements.create (repeat)', made, async (i) => {
    if ((await store.acknowledgements.create(ack(i, items))).created) throw new Error('expected the existing acknowledgement');
  }));
  results.push(await phase(subject, 'agendaItems.get', gets.length, async (i) => {
    if ((await store.agendaItems.get(gets[i]!.committeeId, gets[i]!.id)) === undefined) throw new Error('expected the item');
  }));
  return results;
};

/** Baseline: the least a SQLite document store can do for the same ops, same JSON, same durability. */
const rawOps = async (dir: string, items: readonly AgendaItem[], ops: number): Promise<Result[]> => {
  const db = new Database(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE docs (container TEXT NOT NULL, pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (container, pk, id)) STRICT');
  const insert = db.prepare('INSERT INTO docs (container, pk, id, body) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const select = db.prepare<[string, string, string], { body: string }>('SELECT body FROM docs WHERE container = ? AND pk = ? AND id = ?');
  for (const item of items) insert.run('business', item.committeeId, item.id, JSON.stringify(item));
  const random = seededRandom(11);
  const gets = Array.from({ length: ops * 2 }, () => items[Math.floor(random() * items.length)]!);
  const subject = 'baseline: raw better-sqlite3';
  const ackKey = (a: Acknowledgement): [string, string] => [a.memberId, a.agendaItemId];
  try {
    const results: Result[] = [];
    results.push(await phase(subject, 'acknowledgements.create (new)', ops, (i) => {
      const a = ack(i, items);
      if (insert.run('acknowledgements', ...ackKey(a), JSON.stringify(a)).changes !== 1) throw new Error('expected an insert');
    }));
    results.push(await phase(subject, 'acknowledgements.create (repeat)', results[0]!.samples.length, (i) => {
      const a = ack(i, items);
      if (insert.run('acknowledgements', ...ackKey(a), JSON.stringify(a)).changes === 0) JSON.parse(select.get('acknowledgements', ...ackKey(a))!.body);
    }));
    results.push(await phase(subject, 'agendaItems.get', gets.length, (i) => {
      JSON.parse(select.get('business', gets[i]!.committeeId, gets[i]!.id)!.body);
    }));
    return results;
  } finally {
    db.close();
  }
};

const main = async (): Promise<void> => {
  console.log(`Store benchmark — ${machine()}`);
  const { items } = generateCouncilCorpus({ items: ITEMS, seed: 2021, committees: ['cabinet', 'full-council', 'scrutiny'] });
  const dir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-bench-'));
  const results: Result[] = [];
  try {
    const embedded = createEmbeddedStore({ dataDir: dir });
    try {
      results.push(...(await storeOps('embedded store (SQLite)', embedded, items, OPS)));
    } finally {
      await embedded.close();
    }
    results.push(...(await rawOps(dir, items, OPS)));
    if (WITH_COSMOS) {
      const server = await startCosmosServer();
      const cosmos = await createCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId: 'bench' });
      try {
        // Fewer items: cosmosdb-server answers over HTTP and scans in memory.
        results.push(...(await storeOps('Cosmos adapter on cosmosdb-server', cosmos, items.slice(0, 300), Math.min(OPS, 500))));
      } finally {
        await cosmos.close();
        await server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const byOp = ['acknowledgements.create (new)', 'acknowledgements.create (repeat)', 'agendaItems.get'];
  printTable(`One op at a time (each phase: up to its op count or ${PHASE_BUDGET_MS / 1000} s); ${ITEMS} agenda items in the SQLite files`,
    ['op', 'subject', 'n', 'ops/s', 'p50', 'p95', 'p99', 'max'],
    byOp.flatMap((op) => results.filter((r) => r.op === op).map((r) => {
      const s = summarise(r.samples);
      return [op, r.subject, String(s.n), (s.n / (r.wallMs / 1000)).toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];
    })));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
