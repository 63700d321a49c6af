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

const isCapitalised = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word);

export const acronymsOf = (text: string): string[] => {
  const found = new Set<string>();
  let run: string[] = [];
  let connectorsSinceWord = 0;

  const flush = (): void => {
    for (let len = MIN_LETTERS; len <= Math.min(MAX_LETTERS, run.length); len += 1) {
      for (let start = 0; start + len <= run.length; start += 1) {
        found.add(run.slice(start, start + len).map((w) => w[0]!.toLowerCase()).join(''));
      }
    }
    run = [];
    connectorsSinceWord = 0;
  };

  for (const piece of text.match(PIECES) ?? []) {
    if (isCapitalised(piece) && !CONNECTORS.has(piece.toLowerCase())) {
      run.push(piece);
      connectorsSinceWord = 0;
    } else if (run.length > 0 && CONNECTORS.has(piece.toLowerCase()) && connectorsSinceWord < 2) {
      // "Office of the Police and Crime Commissioner": at most two connectors in a row inside a run.
      connectorsSinceWord += 1;
    } else {
      flush();
    }
  }
  flush();
  return [...found];
};
