import { stem } from './stem';

/**
 * How text becomes search terms, the same for indexing and for queries: split on spaces, punctuation and symbols,
 * fold case and accents, drop very common words, stem.
 */
const SEPARATORS = /[\s\p{Z}\p{P}\p{S}]+/u;

export const tokenize = (text: string): string[] => text.split(SEPARATORS).filter((t) => t.length > 0);

/** Words so common in English that they only add noise to ranking; council words (council, report) are left to BM25. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'all', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'do', 'for', 'from',
  'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or',
  'our', 'so', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'were',
  'what', 'whats', 'when', 'which', 'who', 'will', 'with', 'would', 'you', 'your',
]);

export const fold = (term: string): string => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** One token to its index term, or null to drop it (single letters such as the "s" of "Council's", stopwords). */
export const processTerm = (term: string): string | null => {
  const t = fold(term);
  if (t.length < 2 || STOPWORDS.has(t)) return null;
  return stem(t);
};

/** The terms of a text, in order. */
export const termsOf = (text: string): string[] =>
  tokenize(text).flatMap((t) => {
    const p = processTerm(t);
    return p === null ? [] : [p];
  });
