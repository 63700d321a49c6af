import { normaliseSpaces } from './plain-text';

/** Words kept in lower case inside a title ("Approval of the Community Safety ..."). */
const MINOR_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'per', 'the', 'to',
  'via', 'with',
]);

/**
 * Abbreviations councils put in titles. A title published in capitals hides which words are abbreviations,
 * so only these known ones stay in capitals.
 */
const ABBREVIATIONS = new Set([
  'ASB', 'CCTV', 'CIL', 'CQC', 'CSP', 'DFG', 'EV', 'HMO', 'HRA', 'ICT', 'LED', 'LEP', 'LGA', 'MTFS', 'NHS', 'PFI',
  'S106', 'UK', 'VAT', 'II', 'III', 'IV',
]);

/** A title is "shouted" when nearly all its letters are capitals; a mixed-case title is already readable. */
const isShouted = (text: string): boolean => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  return capitals / letters.length >= 0.8;
};

const capitalise = (part: string): string => {
  const lower = part.toLocaleLowerCase('en-GB');
  const first = lower.search(/\p{L}/u);
  return first < 0 ? lower : lower.slice(0, first) + lower.charAt(first).toLocaleUpperCase('en-GB') + lower.slice(first + 1);
};

const titleWord = (word: string, index: number, previous: string | undefined): string => {
  const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (ABBREVIATIONS.has(bare.toUpperCase()) && bare === bare.toUpperCase()) return word;
  if (/\d/.test(bare)) return word; // "2021-24", "S106A": references, not words
  const startsClause = index === 0 || (previous !== undefined && /[:–—-]$/.test(previous));
  if (!startsClause && MINOR_WORDS.has(bare.toLowerCase())) return word.toLocaleLowerCase('en-GB');
  return word.split('-').map(capitalise).join('-');
};

/**
 * The readable form of a published title, for cards: "APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN"
 * becomes "Approval of the Community Safety Partnership Strategic Plan". Mixed-case titles are kept as they are.
 */
export function readableTitle(published: string): string {
  const text = normaliseSpaces(published);
  if (!isShouted(text)) return text;
  const words = text.split(' ');
  return words.map((word, i) => titleWord(word, i, words[i - 1])).join(' ');
}
