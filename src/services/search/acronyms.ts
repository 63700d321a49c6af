/**
 * Acronyms a reader may search by: "CSP" for "Community Safety Partnership", "HRA" for "Housing Revenue Account".
 * Councils write the long form in titles and use the short form in conversation, so every run of capitalised
 * words (joined by connectors such as "of the" or "and") yields the initials of each of its contiguous
 * sub-runs of MIN_LETTERS or more words: "Approval of the Community Safety Partnership Strategic Plan" gives
 * acs, csp, sps, psp, acsp, csps, ... A general mechanism, no list of synonyms to keep up to date.
 */
const MIN_LETTERS = 3;
/** Bounds the tokens one long run can produce (n words give about n^2/2 acronyms). */
const MAX_LETTERS = 6;
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', '&']);

/** Words and the breaks between them: sentence punctuation and brackets end a run, hyphens and spaces do not. */
const PIECES = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|&|[.,;:!?()[\]{}"“”/\\|]/gu;

/** An upper-case letter then a lower-case one; plain ASCII, most words, without a Unicode regular expression. */
const isCapitalised = (word: string): boolean => {
  const [a, b] = [word.charCodeAt(0), word.charCodeAt(1)];
  if (a < 128 && b < 128) return a >= 65 && a <= 90 && b >= 97 && b <= 122;
  return /^\p{Lu}\p{Ll}/u.test(word);
};
/** "UK" in "UK Shared Prosperity Fund": an initialism inside a run gives all its letters (UKSPF). */
const isInitialism = (word: string): boolean => word.length >= 2 && word.length <= 4 && /^\p{Lu}+$/u.test(word);
const initialsOf = (word: string): string => (isInitialism(word) ? word.toLowerCase() : word[0]!.toLowerCase());

export const acronymsOf = (text: string, minLetters = MIN_LETTERS): string[] => {
  const found = new Set<string>();
  let run: string[] = [];
  let connectorsSinceWord = 0;

  const flush = (): void => {
    const initials = run.map(initialsOf);
    for (let len = minLetters; len <= Math.min(MAX_LETTERS, run.length); len += 1) {
      for (let start = 0; start + len <= run.length; start += 1) {
        let acronym = '';
        for (let i = start; i < start + len; i += 1) acronym += initials[i];
        found.add(acronym);
      }
    }
    run = [];
    connectorsSinceWord = 0;
  };

  for (const piece of text.match(PIECES) ?? []) {
    const lower = piece.length <= 3 ? piece.toLowerCase() : piece;
    if ((isCapitalised(piece) || isInitialism(piece)) && !CONNECTORS.has(lower)) {
      run.push(piece);
      connectorsSinceWord = 0;
    } else if (run.length > 0 && CONNECTORS.has(lower) && connectorsSinceWord < 2) {
      // "Office of the Police and Crime Commissioner": at most two connectors in a row inside a run.
      connectorsSinceWord += 1;
    } else {
      flush();
    }
  }
  flush();
  return [...found];
};
