/**
 * Answer quality: the labelled questions of test/services/search/labelled-questions.ts (written by reading the pages)
 * asked of the council record of test/fixtures/council-record (written and real ModernGov pages, imported through
 * the import use case into the embedded store), the way the bot answers a chat message. Prints top-1 and mean
 * reciprocal rank by kind, beside the same questions asked in the same run of a baseline that searches titles only.
 *
 *   node --import tsx bench/answers.bench.ts [--misses]
 *
 * Exits 1 when the targets are missed: top-1 at least 95% over all kinds, no kind below 90%.
 */
import os from 'node:os';
import { openCouncilRecord } from '../test/support/council-record';
import { askAll, scoresOf, TARGETS, type Asked } from '../test/services/search/labelled-evaluation';
import { LABELLED_QUESTIONS } from '../test/services/search/labelled-questions';
import { machine, now, printTable } from './support/measure';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const main = async (): Promise<void> => {
  console.log(`Answers benchmark — ${machine()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const record = await openCouncilRecord();
  try {
    const exempt = [...record.pages.values()].filter((p) => p.exempt).length;
    console.log(`Record: ${record.pages.size} pages imported (${exempt} exempt), ${record.committees.length} committees, read on ${record.now.toISOString().slice(0, 10)}; ${LABELLED_QUESTIONS.length} labelled questions.`);
    const run = async (profile: 'full' | 'titles-only'): Promise<{ asked: Asked[]; ms: number }> => {
      const t = now();
      const asked = await askAll(record, profile);
      return { asked, ms: now() - t };
    };
    const full = await run('full');
    const baseline = await run('titles-only');
    const [a, b] = [scoresOf(full.asked), scoresOf(baseline.asked)];
    printTable('Top-1 and mean reciprocal rank (MRR, first ten results) by kind of question', [
      'kind', 'questions', 'top-1', 'MRR', 'baseline (titles only): top-1', 'baseline MRR',
    ], a.map((s, i) => [s.kind, String(s.questions), pct(s.top1), s.meanReciprocalRank.toFixed(3), pct(b[i]!.top1), b[i]!.meanReciprocalRank.toFixed(3)]));
    console.log(`\nTime to index the record and ask every question: ${(full.ms / 1000).toFixed(1)} s, baseline ${(baseline.ms / 1000).toFixed(1)} s.`);
    const misses = (asked: Asked[]) => asked.filter((x) => x.rank !== 1);
    console.log(`\nMissed (not first) — search: ${misses(full.asked).length}, baseline: ${misses(baseline.asked).length}`);
    for (const m of misses(full.asked)) console.log(`  ${m.question.kind}: "${m.question.question}" -> rank ${m.rank || '-'}, first: ${m.first}`);
    if (process.argv.includes('--misses')) {
      console.log('\nBaseline misses:');
      for (const m of misses(baseline.asked)) console.log(`  ${m.question.kind}: "${m.question.question}" -> rank ${m.rank || '-'}, first: ${m.first}`);
    }
    const all = a.find((s) => s.kind === 'all')!;
    const worst = a.filter((s) => s.kind !== 'all').sort((x, y) => x.top1 - y.top1)[0]!;
    const met = all.top1 >= TARGETS.all && worst.top1 >= TARGETS.eachKind;
    console.log(`\nTarget (top-1 ≥ ${pct(TARGETS.all)} over all, no kind below ${pct(TARGETS.eachKind)}): ${met ? 'MET' : 'NOT MET'} — all ${pct(all.top1)}, lowest kind ${worst.kind} ${pct(worst.top1)}.`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await record.dispose();
  }
};

void main();
