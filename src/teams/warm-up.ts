import { readFileSync } from 'node:fs';
import { expandTemplate, sampleDataPath, type CardName } from '../cards';
import type { Viewer } from '../domain';
import type { ExemptViews } from '../services/audit/exempt-views';
import { askerFor } from '../services/conversation/asker';
import { answerStatus } from './commands/status';
import type { BotDeps, Turn } from './turn';

/** The cards a status answer draws: a decision, an undecided item, the list for a question of filters alone. */
export const STATUS_CARDS: readonly CardName[] = ['decision', 'agenda-item', 'search-results'];

/**
 * Words whose nearest titles the warm-up asks about: any council's records have some titles near them. Several
 * questions rather than one: a function is optimised after it has run often enough, and one answer left the first
 * real question's search to run unoptimised (docs/BENCHMARKS.md, run F).
 */
const WARM_UP_WORDS = ['council decision', 'strategy', 'budget report', 'plan policy'];
/** At most this many status answers (each a few milliseconds at 20,000 items). */
const WARM_UP_QUESTIONS = 8;

/** Nobody is looking: nothing to record (the real views are never called, so the warm-up writes no audit entry). */
const nobodyLooking: ExemptViews = { shown: async () => undefined, read: async () => undefined };

/**
 * Runs a status answer's code path once, in process, so that the first real question after `/readyz` says ready does
 * not pay for first use (JIT compilation, the templates' parse, the search index's first query, the store client's
 * first requests and the per-instance caches a turn reads: store/cached-roster.ts): the search question path
 * (the nearest title to a few words, then that title asked as a status question), the store reads that answer makes,
 * the card it draws, and an expansion of every template a status answer may use, with its sample data.
 *
 * It asks as nobody (no roster member, no identity: exempt business is never drawn), records no exempt view, claims
 * no activity and sends nothing to Teams: the reply is built and dropped. It only reads the store.
 * Answers how many cards it drew.
 */
export async function warmUpStatusAnswer(deps: BotDeps): Promise<number> {
  const viewer: Viewer = { where: 'personal' };
  const turn: Turn = { viewer, teamsUserId: 'warm-up', conversationId: 'warm-up', logger: deps.logger };
  const quiet: BotDeps = { ...deps, views: nobodyLooking };
  const questions = new Set<string>();
  for (const words of WARM_UP_WORDS) {
    const { titles } = await deps.search.suggest(words, askerFor(viewer));
    for (const title of titles) questions.add(title);
  }
  if (questions.size === 0) questions.add(WARM_UP_WORDS[0]!);
  let cards = 0;
  for (const question of [...questions].slice(0, WARM_UP_QUESTIONS)) cards += (await answerStatus(question, turn, quiet)).cards.length;
  for (const name of STATUS_CARDS) expandTemplate(name, JSON.parse(readFileSync(sampleDataPath(name), 'utf8')) as object);
  return cards + STATUS_CARDS.length;
}

/**
 * The warm-up, run once: `ready(waitMs)` resolves once a run has finished, starting one if none is under way, and
 * rejects when it has not finished within `waitMs` (it carries on) or failed; a failed run (the store not answering
 * yet) is tried again at the next call rather than holding readiness back for good.
 */
export function warmUpOnce(run: () => Promise<unknown>): { ready(waitMs: number): Promise<void>; readonly done: boolean } {
  let running: Promise<void> | undefined;
  let done = false;
  const start = (): Promise<void> => {
    running ??= run().then(
      () => {
        done = true;
      },
      (err: unknown) => {
        running = undefined;
        throw new Error(`the warm-up failed: ${(err as Error).message}`);
      },
    );
    return running;
  };
  return {
    ready: async (waitMs) => {
      if (done) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the bot is still warming up (answering one question in process before the first real one)')), waitMs);
      });
      try {
        await Promise.race([start(), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    get done() {
      return done;
    },
  };
}
