import { stem } from './stem';

/**
 * How text becomes search terms, the same for indexing and for questions: words and numbers, case and accents folded,
 * very common words dropped, stemmed. Figures are kept whole ("£19,487.6" is one term, 19487.6), a hyphenated word
 * is also one word ("fly-tipping" gives fly, tipping and flytipping, so "flytipping" finds it too), and a date written
 * out in words or figures also gives terms that name its day and month ("1 April 2022", "1st April 2022" and
 * "01/04/2022" all give on20220401 and in202204), so a date in a question finds the same date however it was written.
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join('|');
const pad = (n: number): string => String(n).padStart(2, '0');

/** The term for a day ("on20220401") and for a month ("in202204"): what the dates field and a question's dates hold. */
export const dayTerm = (date: string): string => `on${date.replace(/-/g, '')}`;
export const monthTerm = (yearMonth: string): string => `in${yearMonth.replace(/-/g, '')}`;
const DATE_TERM = /^(?:on\d{8}|in\d{6})$/;
export const isDateTerm = (term: string): boolean => DATE_TERM.test(term);

export interface FoundDate {
  /** yyyy-mm-dd, or undefined when only the month is written. */
  readonly day?: string;
  /** yyyy-mm. */
  readonly month: string;
}

const YEAR = /\b(\d{4})\b/g;
/** What may come before a year to make a date: "1 April ", "1st April, ", "April ", "01/04/". */
const BEFORE_YEAR = new RegExp(`(?:\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+)?\\b(${MONTH_NAMES})\\.?,?\\s+$|\\b(\\d{1,2})[/.](\\d{1,2})[/.]$`, 'i');

/** The dates a text writes, as days and months (impossible ones such as 31 February are left out). */
export const datesIn = (text: string): FoundDate[] => {
  const found: FoundDate[] = [];
  // Years are rare in text and a date always ends in one: look behind each year, not at every letter.
  for (const y of text.matchAll(YEAR)) {
    const year = Number(y[1]);
    if (year < 1900 || year > 2199) continue;
    const m = BEFORE_YEAR.exec(text.slice(Math.max(0, y.index - 24), y.index));
    if (!m) continue;
    const month = m[2] !== undefined ? MONTHS[m[2].toLowerCase()]! : Number(m[4]);
    const dayOfMonth = m[2] !== undefined ? (m[1] !== undefined ? Number(m[1]) : undefined) : Number(m[3]);
    if (month < 1 || month > 12) continue;
    const yearMonth = `${year}-${pad(month)}`;
    if (dayOfMonth === undefined) {
      found.push({ month: yearMonth });
      continue;
    }
    const valid = dayOfMonth >= 1 && new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCMonth() === month - 1;
    if (valid) found.push({ day: `${yearMonth}-${pad(dayOfMonth)}`, month: yearMonth });
  }
  return found;
};

/** A word or a figure, with any hyphenated or slashed parts: "fly-tipping", "2021/22", "19,487.6", "Council's". */
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:[-‐‑/][\p{L}\p{N}]+)*/gu;
const FIGURE = /^[\p{N}.,]+$/u;
const JOINER = /[-‐‑/]/;
const HAS_DIGIT = /\p{N}/u;

/** "19,487.6" -> "19487.6", "5.00" -> "5". */
const figure = (token: string): string => token.replace(/,/g, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/**
 * The tokens of a text in reading order: words, figures, a hyphenated word's parts and then the parts joined, and
 * each date's day and month terms at the end.
 */
export const tokenize = (text: string): string[] => {
  const tokens: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (FIGURE.test(raw)) {
      tokens.push(figure(raw));
      continue;
    }
    if (!JOINER.test(raw)) {
      tokens.push(raw);
      continue;
    }
    const parts = raw.split(JOINER);
    tokens.push(...parts);
    // A joined compound of words, not of figures ("2021/22" is two numbers, not a word).
    if (!HAS_DIGIT.test(raw)) tokens.push(parts.join(''));
  }
  if (HAS_DIGIT.test(text)) {
    for (const date of datesIn(text)) {
      if (date.day) tokens.push(dayTerm(date.day));
      tokens.push(monthTerm(date.month));
    }
  }
  return tokens;
};

/** Words so common in English that they only add noise to ranking; council words (council, report) are left to BM25. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'all', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'do', 'for', 'from',
  'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or',
  'our', 'so', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'were',
  'what', 'whats', 'when', 'which', 'who', 'will', 'with', 'would', 'you', 'your',
]);

/** Lower case without accents; plain ASCII (most council text) skips the Unicode normalisation. */
export const fold = (term: string): string =>
  /^[\x20-\x7e]*$/.test(term) ? term.toLowerCase() : term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Processing a word is most of the cost of indexing, and council text repeats its words: remembered, within bounds. */
const processed = new Map<string, string | null>();
const PROCESSED_LIMIT = 100_000;

/** One token to its index term, or null to drop it (single letters such as the "s" of "Council's", stopwords). */
export const processTerm = (term: string): string | null => {
  const known = processed.get(term);
  if (known !== undefined) return known;
  const t = fold(term);
  const result = t.length < 2 || STOPWORDS.has(t) ? null : stem(t);
  if (processed.size >= PROCESSED_LIMIT) processed.clear();
  processed.set(term, result);
  return result;
};

/** The terms of a text, in order. */
export const termsOf = (text: string): string[] => analyse(text);

/**
 * The terms of a text in order (as termsOf) in one pass, telling `onPair` each pair of neighbouring terms, for
 * phrases: a dropped word leaves no gap ("impact on armed forces" gives (impact, arm) and (arm, forc)), and a
 * hyphenated word's joined form neighbours the words on either side as its parts do ("fly-tipping task": (fly, tip),
 * (tip, task) and (flytip, task)). Dates add their terms but no pairs. The terms are added to `terms` when given (a
 * field of several texts makes one list, not one per text and then another of them all).
 */
export const analyse = (
  text: string,
  onPair?: (a: string, b: string) => void,
  onWord?: (word: string, term: string) => void,
  terms: string[] = [],
): string[] => {
  // The terms that end where the next term starts: one, or after a hyphenated word its last part and its joined form.
  // In two variables, not a list: a list was an allocation for every word of every record.
  let before: string | null = null;
  let alsoBefore: string | null = null;
  const words = new RegExp(WORD.source, WORD.flags);
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    const raw = m[0];
    const first = raw.charCodeAt(0);
    const isFigure = first >= 48 && first <= 57 && FIGURE.test(raw);
    if (isFigure || (raw.indexOf('-') < 0 && raw.indexOf('/') < 0 && raw.indexOf('‐') < 0 && raw.indexOf('‑') < 0)) {
      const term = processTerm(isFigure ? figure(raw) : raw);
      if (term === null) continue;
      terms.push(term);
      if (onPair) pairWith(onPair, before, alsoBefore, term);
      onWord?.(raw, term);
      [before, alsoBefore] = [term, null];
      continue;
    }
    const parts = raw.split(JOINER);
    const [start, alsoStart] = [before, alsoBefore];
    let anyPart = false;
    for (const part of parts) {
      const term = processTerm(part);
      if (term === null) continue;
      terms.push(term);
      if (onPair) pairWith(onPair, before, alsoBefore, term);
      onWord?.(part, term);
      [before, alsoBefore, anyPart] = [term, null, true];
    }
    if (!HAS_DIGIT.test(raw)) {
      const word = parts.join('');
      const joined = processTerm(word);
      if (joined !== null) {
        terms.push(joined);
        if (onPair) pairWith(onPair, start, alsoStart, joined);
        onWord?.(word, joined);
        if (anyPart) alsoBefore = joined;
        else [before, alsoBefore] = [joined, null];
      }
    }
  }
  if (HAS_DIGIT.test(text)) {
    for (const date of datesIn(text)) {
      if (date.day) terms.push(dayTerm(date.day));
      terms.push(monthTerm(date.month));
    }
  }
  return terms;
};

const pairWith = (onPair: (a: string, b: string) => void, before: string | null, alsoBefore: string | null, term: string): void => {
  if (before !== null) onPair(before, term);
  if (alsoBefore !== null) onPair(alsoBefore, term);
};
