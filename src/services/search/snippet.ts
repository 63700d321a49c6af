import type { SearchDocument } from './search-document';
import { termsOf } from './text';

/** Long enough to show why a result matched, short enough for a message-extension preview line. */
export const SNIPPET_LENGTH = 200;

const sentencesOf = (text: string): string[] =>
  text
    .split(/\n+|(?<=[.;!?])\s+(?=[A-Z0-9“"‘'(])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);

/** Cuts at a word boundary and marks the cut. */
const shorten = (sentence: string, max: number): string => {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
};

/**
 * The sentence of the summary, outcomes or reasons that holds the most of the matched terms (earlier wins a tie,
 * so the summary is preferred); the summary's first sentence when only the title matched.
 */
export const snippetFor = (doc: Pick<SearchDocument, 'summary' | 'outcomes' | 'reasons'>, matchedTerms: readonly string[], max = SNIPPET_LENGTH): string => {
  const sentences = [doc.summary, ...doc.outcomes, ...doc.reasons].flatMap(sentencesOf);
  const wanted = new Set(matchedTerms);
  let best = sentences[0] ?? '';
  let bestHits = 0;
  for (const sentence of sentences) {
    const hits = new Set(termsOf(sentence).filter((t) => wanted.has(t))).size;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return shorten(best, max);
};
