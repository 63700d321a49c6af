import type { DecisionType } from '../domain';
import { warning, type ImportWarning } from './import-warning';
import type { ParsedOutcome } from './outcome-line';

/** A piece of the page and where it is, for checks that compare parts of one item. */
export interface LocatedText {
  readonly where: string;
  readonly text: string;
}

/** Words that may sit inside a document's name between capitalised words: "Statement of Accounts". */
const JOINERS = new Set(['of', 'and', 'for', '&', 'the', 'on', 'in']);
/** Words that are not part of a name even when capitalised at the start of a sentence. */
const LEADING_NOISE = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'its', 'their', 'proposed', 'draft', 'new', 'existing']);
/** A year or a span of years: 2021, 2021-24, 2021–2024, 2021/22. */
const YEARS = /(?<![\d/-])((?:19|20)\d{2}(?:\s?[-–/]\s?\d{2,4})?)(?![\d/-])/g;
/** A name that ends in a month is a date ("27 July 2021"), not a document. */
const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * How far before a year a document's name is looked for. Names are a few words ("Community Safety Partnership
 * Strategic Plan"); looking back a bounded distance keeps the check linear in the page's length (reading back to the
 * start of the text before every year made a 1 MiB page take minutes).
 */
const NAME_LOOK_BACK = 200;
/** How many places a warning lists for each variant; the rest are counted. */
const PLACES_SHOWN = 3;

/** The capitalised words just before a year: "Community Safety Strategy" in "the proposed Community Safety Strategy 2021-24". */
function nameBefore(text: string, end: number): string | undefined {
  const start = Math.max(0, end - NAME_LOOK_BACK);
  const words = text.slice(start, end).trimEnd().split(/\s+/);
  // A window that starts inside a word holds only its tail: that word cannot be read.
  if (start > 0 && !/\s/.test(text[start - 1]!)) words.shift();
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (/^\p{Lu}[\p{L}-]*$/u.test(word)) name.unshift(word);
    else if (JOINERS.has(word.toLowerCase()) && name.length > 0) name.unshift(word);
    else break; // punctuation, possessives ("Council’s") and lower-case words end the name
  }
  while (name.length > 0 && (JOINERS.has(name[0]!.toLowerCase()) || LEADING_NOISE.has(name[0]!.toLowerCase()))) name.shift();
  return name.length > 0 ? name.join(' ') : undefined;
}

const normaliseYears = (years: string): string => years.replace(/\s/g, '').replace('–', '-');

const listPlaces = (places: ReadonlySet<string>): string => {
  const shown = [...places].slice(0, PLACES_SHOWN);
  const more = places.size - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
};

/**
 * The same document named with different years in one item: real pages say "Community Safety Strategy 2021-23"
 * in the summary and "2021-24" in the decision. Names are compared case-insensitively. Linear in the text: each
 * year costs a bounded look-back and set operations, and a warning names a few places of each variant.
 */
export function documentYearWarnings(parts: readonly LocatedText[]): ImportWarning[] {
  const byName = new Map<string, { name: string; years: Map<string, Set<string>> }>();
  for (const part of parts) {
    for (const match of part.text.matchAll(YEARS)) {
      const name = nameBefore(part.text, match.index);
      if (!name || MONTH.test(name.split(' ').pop()!)) continue;
      const key = name.toLowerCase();
      const entry = byName.get(key) ?? { name, years: new Map<string, Set<string>>() };
      byName.set(key, entry);
      const years = normaliseYears(match[1]!);
      const places = entry.years.get(years) ?? new Set<string>();
      places.add(part.where);
      entry.years.set(years, places);
    }
  }
  const warnings: ImportWarning[] = [];
  for (const { name, years } of byName.values()) {
    if (years.size < 2) continue;
    const variants = [...years.entries()].map(([y, places]) => `${y} (${listPlaces(places)})`);
    const firstPlaces = [...years.values()].slice(0, PLACES_SHOWN).map((places) => places.values().next().value as string);
    const moreVariants = years.size - firstPlaces.length;
    warnings.push(warning('document-year-mismatch', `${firstPlaces.join('; ')}${moreVariants > 0 ? `; and ${moreVariants} more` : ''}`,
      `"${name}" is named with different years: ${variants.slice(0, 2 * PLACES_SHOWN).join(' and ')}${years.size > 2 * PLACES_SHOWN ? ` and ${years.size - 2 * PLACES_SHOWN} more` : ''}. Check which is right with the report's author.`));
  }
  return warnings;
}

export const outcomeWhere = (o: Pick<ParsedOutcome, 'number' | 'line'>): string =>
  `decision outcome ${o.number}${o.line ? ` (line ${o.line})` : ''}`;

/** Outcomes should run 1, 2, 3 ...; a gap, a repeat or a swap usually means a copying mistake. */
export function outcomeOrderWarnings(outcomes: readonly ParsedOutcome[]): ImportWarning[] {
  const numbers = outcomes.map((o) => o.number);
  const wrongAt = numbers.findIndex((n, i) => n !== i + 1);
  if (wrongAt < 0) return [];
  return [warning('outcomes-out-of-order', outcomeWhere(outcomes[wrongAt]!),
    `Outcomes are numbered ${numbers.join(', ')}; expected ${numbers.map((_, i) => i + 1).join(', ')}. Check none is missing or repeated.`)];
}

export function decisionTypeWarnings(type: DecisionType | undefined, where: string): ImportWarning[] {
  if (type === 'key' || type === 'non-key') return [];
  return [warning('decision-type-missing', where,
    'The page does not say whether this is a key or a non-key decision; it was imported as "unknown". Set it before publishing.')];
}

export function unknownVerbWarnings(outcomes: readonly ParsedOutcome[]): ImportWarning[] {
  return outcomes
    .filter((o) => o.verb === undefined)
    .map((o) => warning('outcome-verb-unknown', outcomeWhere(o),
      `Outcome ${o.number} does not start with a verb such as NOTED, APPROVED or RECOMMENDED; it was imported as DECIDED.`));
}
