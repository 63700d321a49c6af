import type { AskContext, SearchAnswer, SearchCorpus, SearchOptions } from './search-corpus';
import type { Asker } from './search-document';

/** Answers kept: the questions of the last few minutes at a council's pace (a few hundred bytes to a few KB each). */
export const ANSWER_CACHE_SIZE = 256;

/**
 * The answers the current index gave, by question: after a notification, many councillors ask the same question
 * ("status community safety strategy"), and a card's buttons ask again what was just asked. An answer is a function of
 * the question, what the asker may see (role and committee seats), the day (filters and statuses are read as of
 * today), the options, and the index; so it is kept only for that index as it is: every change to the index (a local
 * write, a rebuild, a snapshot loaded) empties the cache, and a different corpus object is a different index.
 * Oldest answers go first once ANSWER_CACHE_SIZE are held. Answers are shared: callers treat them as read-only (they
 * are typed readonly throughout).
 */
export class AnswerCache {
  private readonly answers = new Map<string, SearchAnswer>();
  private answersOf: SearchCorpus | undefined;

  constructor(private readonly capacity = ANSWER_CACHE_SIZE) {}

  answer(corpus: SearchCorpus, question: string, asker: Asker, context: AskContext, options: SearchOptions | undefined): SearchAnswer {
    if (corpus !== this.answersOf) this.clear(corpus);
    const key = JSON.stringify([question, asker.role, asker.committees, context.today, context.committees ?? null, options ?? null]);
    const kept = this.answers.get(key);
    if (kept !== undefined) return kept;
    const fresh = corpus.ask(question, asker, context, options);
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, fresh);
    return fresh;
  }

  /** The index changed: nothing held is known to be its answer any more. */
  clear(corpus?: SearchCorpus): void {
    this.answers.clear();
    this.answersOf = corpus;
  }

  get size(): number {
    return this.answers.size;
  }
}
