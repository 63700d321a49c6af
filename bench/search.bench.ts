/**
 * Search benchmark: SearchCorpus (MiniSearch) over a generated council corpus, beside a naive linear scan
 * (lower-case substring match over the same documents) measured in the same run.
 *
 *   node --expose-gc --import tsx bench/search.bench.ts [--items 5000] [--queries 3000]
 */
import type { AgendaItem, Decision } from '../src/domain';
import { SearchCorpus, type Asker } from '../src/services/search';
import { decisionDocument, itemDocument, mayFind, type SearchDocument } from '../src/services/search/search-document';
import { meltonCommunitySafety, otherDecisions, otherItems } from '../test/services/search/corpus';
import { ACRONYMS, generateCouncilCorpus, typo, VOCABULARY } from './support/council-corpus';
import { machine, mb, ms, now, pick, printTable, seededRandom, settledHeapBytes, summarise, type Summary } from './support/measure';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 5000);
const QUERIES = arg('queries', 3000);
const BUILD_RUNS = 3;
/** The timed query loop stops here even if queries remain (keeps the run under a minute on a busy machine). */
const QUERY_BUDGET_MS = 35_000;
/** A councillor on Cabinet: sees exempt Cabinet business, not other committees' exempt items. */
const ASKER: Asker = { role: 'councillor', committees: [{ committeeId: 'cabinet', role: 'member' }] } as unknown as Asker;

// ---- the corpus -------------------------------------------------------------------------------------------------
const melton = meltonCommunitySafety();
const generated = generateCouncilCorpus({ items: ITEMS, seed: 2021 });
const items: AgendaItem[] = [melton.item, ...otherItems(), ...generated.items];
const decisions: Decision[] = [melton.decision, ...otherDecisions(), ...generated.decisions];

// ---- the baseline: a linear scan ------------------------------------------------------------------------------------
interface ScanDoc {
  readonly doc: SearchDocument;
  readonly haystack: string;
}
/** The same documents SearchCorpus indexes (an item with its decisions; a decision with no item on its own). */
const documentsOf = (its: readonly AgendaItem[], decs: readonly Decision[]): SearchDocument[] => {
  const byItem = new Map<string, Decision[]>();
  const ids = new Set(its.map((i) => i.id));
  const standalone: Decision[] = [];
  for (const d of decs) {
    if (d.agendaItemId !== undefined && ids.has(d.agendaItemId)) byItem.set(d.agendaItemId, [...(byItem.get(d.agendaItemId) ?? []), d]);
    else standalone.push(d);
  }
  return [...its.map((i) => itemDocument(i, byItem.get(i.id) ?? [])), ...standalone.map(decisionDocument)];
};
const buildScan = (its: readonly AgendaItem[], decs: readonly Decision[]): ScanDoc[] =>
  documentsOf(its, decs).map((doc) => ({ doc, haystack: [doc.title, doc.summary, ...doc.outcomes, ...doc.reasons].join('\n').toLowerCase() }));
const scanSearch = (docs: readonly ScanDoc[], query: string, asker: Asker, limit = 10): Array<{ doc: SearchDocument; score: number }> => {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  if (words.length === 0) return [];
  const hits: Array<{ doc: SearchDocument; score: number }> = [];
  for (const { doc, haystack } of docs) {
    let score = 0;
    for (const w of words) if (haystack.includes(w)) score += doc.title.toLowerCase().includes(w) ? 3 : 1;
    if (score > 0 && mayFind(asker, doc)) hits.push({ doc, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
};

// ---- the queries ----------------------------------------------------------------------------------------------------
type Kind = 'words' | 'typo' | 'acronym' | 'as-you-type' | 'question';
const random = seededRandom(7);
const words = (n: number): string[] => Array.from({ length: n }, () => pick(random, VOCABULARY));
const makeQuery = (kind: Kind): string => {
  switch (kind) {
    case 'words':
      return words(1 + Math.floor(random() * 3)).join(' ');
    case 'typo':
      return words(2 + Math.floor(random() * 2)).map((w) => typo(w, random)).join(' ');
    case 'acronym':
      return random() < 0.5 ? pick(random, ACRONYMS) : `${pick(random, ACRONYMS)} ${pick(random, VOCABULARY)}`;
    case 'as-you-type': {
      const w = words(2);
      return `${w[0]} ${w[1]!.slice(0, Math.max(3, Math.ceil(w[1]!.length / 2)))}`;
    }
    case 'question':
      return `what happened to the ${words(2).join(' ')} ${pick(random, ['decision', 'report', 'plan', 'strategy'])}?`;
  }
};
const KINDS: Kind[] = ['words', 'typo', 'acronym', 'as-you-type', 'question'];
const FIXED = ['comunity saftey strategy', 'community safety', 'CSP', 'HRA budget', 'housing revenue acount', 'disposal of land nottingham road'];
const queries: Array<{ kind: Kind | 'fixed'; text: string }> = Array.from({ length: QUERIES }, (_, i) =>
  i % 50 === 0 ? { kind: 'fixed' as const, text: FIXED[(i / 50) % FIXED.length]! } : { kind: KINDS[i % KINDS.length]!, text: makeQuery(KINDS[i % KINDS.length]!) },
);

// ---- measure --------------------------------------------------------------------------------------------------------
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`Search benchmark — ${machine()}`);
console.log(`Corpus: ${items.length} agenda items, ${decisions.length} decisions (Melton CSP item + 23 hand-written competitors + ${ITEMS} generated); ${queries.length} queries.`);

const heapBase = settledHeapBytes();
const indexBuilds: number[] = [];
// Holders, emptied before each build so that only one built structure is alive when the heap is read.
const builtIndex: SearchCorpus[] = [];
for (let r = 0; r < BUILD_RUNS; r += 1) {
  builtIndex.length = 0;
  settledHeapBytes();
  const t = now();
  builtIndex.push(SearchCorpus.of(items, decisions));
  indexBuilds.push(now() - t);
}
const corpus = builtIndex[0]!;
const heapWithIndex = settledHeapBytes();
const indexHeap = heapWithIndex - heapBase;

const scanBuilds: number[] = [];
const builtScan: ScanDoc[][] = [];
for (let r = 0; r < BUILD_RUNS; r += 1) {
  builtScan.length = 0;
  settledHeapBytes();
  const t = now();
  builtScan.push(buildScan(items, decisions));
  scanBuilds.push(now() - t);
}
const scan = builtScan[0]!;
const scanHeap = settledHeapBytes() - heapWithIndex;

// Warm-up (JIT), then the timed passes, alternating so neither side gets a warmer machine.
for (const q of queries.slice(0, 200)) {
  corpus.search(q.text, ASKER);
  scanSearch(scan, q.text, ASKER);
}
const latency = { index: new Map<string, number[]>(), scan: new Map<string, number[]>() };
const found = { index: 0, scan: 0 };
const record = (m: Map<string, number[]>, kind: string, value: number): void => {
  m.set(kind, [...(m.get(kind) ?? []), value]);
  m.set('all', [...(m.get('all') ?? []), value]);
};
const started = now();
for (const q of queries) {
  if (now() - started > QUERY_BUDGET_MS) break;
  let t = now();
  const a = corpus.search(q.text, ASKER);
  record(latency.index, q.kind, now() - t);
  t = now();
  const b = scanSearch(scan, q.text, ASKER);
  record(latency.scan, q.kind, now() - t);
  if (a.length > 0) found.index += 1;
  if (b.length > 0) found.scan += 1;
}
const elapsed = now() - started;

// ---- report ---------------------------------------------------------------------------------------------------------
printTable('Build and memory (build: median of 3; heap: after full GC, retained structure only)', ['', 'SearchCorpus (MiniSearch)', 'baseline: linear scan'], [
  ['documents', String(corpus.documentCount), String(scan.length)],
  ['build time (median / min)', `${ms(median(indexBuilds))} / ${ms(Math.min(...indexBuilds))}`, `${ms(median(scanBuilds))} / ${ms(Math.min(...scanBuilds))}`],
  ['heap retained', mb(indexHeap), mb(scanHeap)],
  ['queries with ≥1 result', `${found.index} / ${queries.length}`, `${found.scan} / ${queries.length}`],
]);

const row = (label: string, s: Summary | undefined, b: Summary | undefined): string[] => [
  label, String(s?.n ?? 0), ms(s?.p50 ?? NaN), ms(s?.p95 ?? NaN), ms(s?.p99 ?? NaN), ms(s?.max ?? NaN), ms(b?.p50 ?? NaN), ms(b?.p95 ?? NaN), ms(b?.p99 ?? NaN),
];
const sum = (m: Map<string, number[]>, k: string): Summary | undefined => (m.has(k) ? summarise(m.get(k)!) : undefined);
printTable(`Query latency, one query at a time (${(elapsed / 1000).toFixed(1)} s for both sides)`, ['queries', 'n', 'index p50', 'index p95', 'index p99', 'index max', 'scan p50', 'scan p95', 'scan p99'],
  ['all', ...KINDS, 'fixed'].map((k) => row(k, sum(latency.index, k), sum(latency.scan, k))));

const probe = 'comunity saftey strategy';
const top = corpus.search(probe, ASKER, { limit: 3 });
const scanTop = scanSearch(scan, probe, ASKER, 3);
printTable(`Top results for "${probe}" in the big corpus`, ['rank', 'SearchCorpus', 'baseline: linear scan'], [0, 1, 2].map((i) => [
  String(i + 1),
  top[i] ? `${top[i]!.itemId ?? top[i]!.decisionId} — ${top[i]!.title} (score ${top[i]!.score.toFixed(1)})` : '(none)',
  scanTop[i] ? `${scanTop[i]!.doc.id} — ${scanTop[i]!.doc.title}` : '(none)',
]));
const meltonFirst = top[0]?.itemId === melton.item.id;
console.log(`\nMelton item first for "${probe}": ${meltonFirst ? 'YES' : 'NO'} (${top[0]?.itemId ?? 'no result'})`);
process.exitCode = meltonFirst ? 0 : 1;
