import { readFileSync } from 'node:fs';
import { expandTemplate, sampleDataPath, type CardName } from '../cards';
import type { Committee, Member, Viewer } from '../domain';
import type { ExemptViews } from '../services/audit/exempt-views';
import { askerFor } from '../services/conversation/asker';
import { answerStatus } from './commands/status';
import type { BotDeps, Turn } from './turn';

/** The cards a status answer draws: a decision, an undecided item, the list for a question of filters alone. */
export const STATUS_CARDS: readonly CardName[] = ['decision', 'agenda-item', 'search-results'];

/**
 * What the warm-up asks about: a few words each, as people ask ("status housing"), and the titles nearest them (any
 * council's records have some), as a card's buttons ask. Several questions rather than one: V8 optimises a function
 * only after it has run often enough. In process, at 20,000 items, the search took some twenty different questions
 * to reach its steady cost (about 2 ms where the first took 30-100), but thirty-two of them before ready left the
 * first real turn as slow as eight did, for a second more before ready (docs/BENCHMARKS.md, run G): eight it is.
 */
const WARM_UP_WORDS = [
  'council decision', 'strategy', 'budget report', 'plan policy', 'housing', 'community safety', 'parking transport',
  'leisure library', 'waste recycling', 'schools children', 'planning', 'social care',
];
/** At most this many status answers... */
const WARM_UP_QUESTIONS = 8;
/** ...and no longer than this, whatever the store's size: it is time before ready. */
export const WARM_UP_BUDGET_MS = 1500;

/**
 * A councillor sitting on every committee, who exists only here: no Entra identity, in no roster, never stored. Asking
 * as them runs a member's paths (their exempt business admitted, drawn and dropped: the views are a no-op).
 */
const memberOfEvery = (committees: readonly Committee[]): Member => ({
  id: 'warm-up', name: 'Warm-up', role: 'councillor', committees: committees.map((c) => ({ committeeId: c.id, seat: 'Member' })),
});

/** Nobody is looking: nothing to record (the real views are never called, so the warm-up writes no audit entry). */
const nobodyLooking: ExemptViews = { shown: async () => undefined, read: async () => undefined };

export interface WarmedUp {
  /** Cards drawn and templates expanded. */
  readonly cards: number;
  /** The questions asked, in order. */
  readonly questions: readonly string[];
}

/**
 * Runs status answers in process, so that the first real question after `/readyz` says ready does not pay for first
 * use (JIT compilation, the templates' parse, the search index's first queries, the store client's first requests
 * and the per-instance caches a turn reads: store/mirrored-store.ts): the search question path (a few words, then the
 * titles nearest them, each asked as a status question), the store reads each answer makes, the card it draws, and
 * an expansion of every template a status answer may use, with its sample data. The part of a turn around the answer
 * is warmed by real turns (warm-up-turn.ts).
 *
 * It asks as nobody and, every other question, as a councillor on every committee who exists only here (no Entra
 * identity, never stored: exempt business is drawn and dropped). It records no exempt view, claims no activity and
 * sends nothing to Teams: the reply is built and dropped. It only reads the store.
 */
export async function warmUpStatusAnswer(deps: BotDeps, options: { budgetMs?: number; now?: () => number } = {}): Promise<WarmedUp> {
  const now = options.now ?? Date.now;
  const until = now() + (options.budgetMs ?? WARM_UP_BUDGET_MS);
  const nobody: Viewer = { where: 'personal' };
  const onEveryCommittee: Viewer = { where: 'personal', member: memberOfEvery(await deps.store.committees.list()) };
  const quiet: BotDeps = { ...deps, views: nobodyLooking };
  const questions = new Set<string>();
  for (const words of WARM_UP_WORDS) {
    questions.add(words);
    const { titles } = await deps.search.suggest(words, askerFor(nobody));
    for (const title of titles) questions.add(title);
  }
  let cards = 0;
  const asked: string[] = [];
  for (const question of questions) {
    if (asked.length === WARM_UP_QUESTIONS || (asked.length > 0 && now() > until)) break;
    // Every other question as a member: the search admits a member's exempt business by other paths than nobody's.
    const viewer = asked.length % 2 === 0 ? nobody : onEveryCommittee;
    const turn: Turn = { viewer, teamsUserId: 'warm-up', conversationId: 'warm-up', logger: deps.logger };
    cards += (await answerStatus(question, turn, quiet)).cards.length;
    asked.push(question);
  }
  for (const name of STATUS_CARDS) expandTemplate(name, JSON.parse(readFileSync(sampleDataPath(name), 'utf8')) as object);
  return { cards: cards + STATUS_CARDS.length, questions: asked };
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
