import type { OutcomeStatus } from '../../domain';
import { fold, processTerm, termsOf } from './text';

/**
 * A question as a councillor types it, taken apart: the words to search for, and the filters its words ask for
 * where they say so. "what did Scrutiny decide about leisure in November" searches for "leisure" among Scrutiny
 * Committee's business of November; "which recommendation on pay is awaiting Council" searches for "recommendation
 * pay" among outcomes awaiting Full Council; "Cllr Pearson's decisions" is everything Cllr Pearson spoke to or
 * reported. Question words and filler ("what did", "when does", "the one where members asked") are not searched for.
 *
 * A filter is read only in the form that makes it one: a committee before a verb of deciding ("Cabinet decided",
 * "Council decision on taxis") or after "at", "by", "of" or "from"; never after "to" ("recommended to Council",
 * "report to Scrutiny Committee") and, for Council, never as "the council" or "council tax", which mean the authority.
 */

export interface CommitteeName {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
}

export interface QuestionContext {
  /** Today in London (yyyy-mm-dd): "last month", "next week" and a month without a year are read from it. */
  readonly today: string;
  readonly committees: readonly CommitteeName[];
  /** Whether a term (processed, as text.ts makes it) is part of a name in the index's people field. */
  readonly isPersonTerm: (term: string) => boolean;
}

export interface Period {
  /** yyyy-mm-dd, inclusive. */
  readonly from: string;
  readonly to: string;
  /** "in December 2021", "last month (February 2022)". */
  readonly label: string;
}

export interface QuestionFilters {
  readonly committee?: { readonly id: string; readonly name: string };
  readonly period?: Period;
  readonly status?: { readonly statuses: readonly OutcomeStatus[]; readonly label: string };
  /** Terms of a person's name, all of which a record's people field must have; the label as asked ("Cllr Quinn"). */
  readonly person?: { readonly terms: readonly string[]; readonly label: string };
}

export interface Question {
  /** What is left to search for, as written. */
  readonly text: string;
  /** Its terms (text.ts), in order. */
  readonly terms: readonly string[];
  readonly filters: QuestionFilters;
}

/** Words that ask rather than say what is asked about; never required, never searched for. */
const QUESTION_WORDS = new Set([
  'what', 'whats', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'did', 'does', 'do', 'done', 'doing',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having', 'will', 'would', 'should', 'could',
  'can', 'may', 'might', 'must', 'shall', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'they', 'them', 'their',
  'it', 'its', 'there', 'here', 'tell', 'show', 'find', 'give', 'know', 'let', 'see', 'look', 'happened', 'happen',
  'happens', 'happening', 'decide', 'decided', 'decides', 'deciding', 'decision', 'decisions', 'say', 'said', 'says',
  'think', 'thought', 'anything', 'something', 'everything', 'one', 'ones', 'thing', 'things', 'about', 'regarding',
  're', 'please', 'pls', 'any', 'ever', 'still', 'yet', 'now', 'moment', 'currently', 'current', 'latest', 'recent',
  'recently', 'going', 'get', 'got', 'make', 'made', 'agree', 'agreed', 'agreeing', 'approve', 'approved', 'resolve',
  'resolved', 'reject', 'rejected', 'adopt', 'adopted', 'status', 'up', 'members', 'member',
  'asked', 'ask', 'asking', 'talked', 'discussed', 'mentioned', 'the', 'a', 'an', 'of', 'on', 'in', 'at', 'to', 'for',
  'by', 'with', 'and', 'or', 'but', 'from', 'that', 'this', 'these', 'those', 'if', 'so', 'not', 'no', 'hi', 'hello',
  'bot', 'okay', 'ok', 'just', 'also', 'again', 'where', 'gone', 'go', 'goes', 'went',
]);

const DECISION_VERBS = new Set([
  'decide', 'decided', 'decides', 'deciding', 'decision', 'decisions', 'say', 'said', 'says', 'agree', 'agreed', 'agreeing',
  'approve', 'approved', 'approving', 'recommend', 'recommended', 'recommending', 'resolve', 'resolved', 'discuss', 'discussed',
  'consider', 'considered', 'considering', 'note', 'noted', 'make', 'made', 'reject', 'rejected', 'adopt', 'adopted', 'want',
  'wanted', 'vote', 'voted', 'meeting', 'meetings', 'business', 'minutes', 'reports', 'items', 'papers',
]);
/** What "council" means when it is the authority, not Full Council: "council tax", "council houses". */
const COUNCIL_AS_AUTHORITY = new Set([
  'tax', 'house', 'houses', 'homes', 'home', 'housing', 'flats', 'land', 'tenants', 'tenancies', 'rents', 'rent', 'staff',
  'officers', 'services', 'owned', 'car', 'website', 'budget', 'budgets', 'offices', 'plan',
]);
/** Words after a person's name that make it a filter: "Cllr Pearson's decisions", "Michelle Howard's report". */
const PERSONS_THINGS = new Set(['decisions', 'decision', 'reports', 'report', 'items', 'item', 'papers', 'business', 'recommendations', 'work']);
const PERSON_TITLES = new Set(['cllr', 'cllrs', 'councillor', 'councillors', 'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'inspector', 'sergeant', 'professor']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const monthNumber = (word: string): number | undefined => {
  const full = MONTHS.indexOf(word);
  return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[word];
};
const MONTH_LABELS = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

interface Word {
  /** As written, without the punctuation around it. */
  readonly text: string;
  /** Lower case, no accents, no possessive "'s". */
  readonly plain: string;
  /** Written with a possessive "'s" (or, once the chat parser dropped the apostrophe, ending in "s" after a name). */
  readonly possessive: boolean;
}

const wordsOf = (text: string): Word[] =>
  text
    .split(/\s+/)
    .map((raw) => raw.replace(/^[^\p{L}\p{N}£$]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((w) => w.length > 0)
    .map((w) => {
      const possessive = /['’]s$/i.test(w);
      return { text: w, plain: fold(w.replace(/['’]s$/i, '').replace(/['’]/g, '')), possessive };
    });

// ---- dates ------------------------------------------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
const dayOf = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
const addDays = (iso: string, days: number): string => isoOf(new Date(dayOf(iso).getTime() + days * 86_400_000));
const lastDayOfMonth = (year: number, month: number): string => isoOf(new Date(Date.UTC(year, month, 0, 12)));
const monthPeriod = (year: number, month: number, label: string): Period => ({
  from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month), label,
});
const monthLabel = (year: number, month: number): string => `${MONTH_LABELS[month - 1]} ${year}`;
const dayLabel = (iso: string): string => {
  const d = dayOf(iso);
  return `${d.getUTCDate()} ${MONTH_LABELS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** Monday of the week of `iso`. */
const mondayOf = (iso: string): string => addDays(iso, -((dayOf(iso).getUTCDay() + 6) % 7));

interface Found<T> {
  readonly value: T;
  /** Indexes of the words it used. */
  readonly used: readonly number[];
}

const relativePeriod = (words: readonly Word[], today: string): Found<Period> | undefined => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!.plain;
    const next = words[i + 1]?.plain;
    if (w === 'today') return { value: { from: today, to: today, label: 'today' }, used: [i] };
    if (w === 'yesterday') return { value: { from: addDays(today, -1), to: addDays(today, -1), label: 'yesterday' }, used: [i] };
    if (w === 'tomorrow') return { value: { from: addDays(today, 1), to: addDays(today, 1), label: 'tomorrow' }, used: [i] };
    if ((w === 'this' || w === 'last' || w === 'next') && (next === 'week' || next === 'month' || next === 'year')) {
      const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
      const used = [i, i + 1];
      if (next === 'week') {
        const from = addDays(mondayOf(today), 7 * shift);
        const to = addDays(from, 6);
        return { value: { from, to, label: `${w} week (${dayLabel(from)} to ${dayLabel(to)})` }, used };
      }
      if (next === 'month') {
        const m = month + shift;
        const y = year + Math.floor((m - 1) / 12);
        const mm = ((m - 1 + 12) % 12) + 1;
        return { value: monthPeriod(y, mm, `${w} month (${monthLabel(y, mm)})`), used };
      }
      const y = year + shift;
      return { value: { from: `${y}-01-01`, to: `${y}-12-31`, label: `${w} year (${y})` }, used };
    }
  }
  return undefined;
};

/** "in December 2021", "in November" (the last one), "during 2021", "on 7 December 2021", "since April 2021". */
const calendarPeriod = (words: readonly Word[], today: string): Found<Period> | undefined => {
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < words.length - 1; i += 1) {
    const preposition = words[i]!.plain;
    if (!['in', 'during', 'since', 'on', 'for'].includes(preposition)) continue;
    let j = i + 1;
    const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(words[j]?.plain ?? '');
    if (day && preposition === 'on') j += 1;
    const month = monthNumber(words[j]?.plain ?? '');
    const yearWord = /^(19|20|21)\d\d$/.test(words[j + (month ? 1 : 0)]?.plain ?? '') ? Number(words[j + (month ? 1 : 0)]!.plain) : undefined;
    if (month === undefined && yearWord === undefined) continue;
    // "may" is a month only as "in May" with a year, or "in May" at the end of the question.
    if (words[j]?.plain === 'may' && yearWord === undefined && j !== words.length - 1) continue;
    const used = [i, j, ...(month && yearWord ? [j + 1] : [])].concat(day && preposition === 'on' ? [i + 1] : []);
    if (month === undefined) {
      const y = yearWord!;
      if (preposition === 'since') return { value: { from: `${y}-01-01`, to: today, label: `since ${y}` }, used: [i, j] };
      return { value: { from: `${y}-01-01`, to: `${y}-12-31`, label: `in ${y}` }, used: [i, j] };
    }
    // A month without a year is the last one that has begun.
    const year = yearWord ?? (month <= thisMonth ? thisYear : thisYear - 1);
    if (day && preposition === 'on') {
      const iso = `${year}-${pad(month)}-${pad(Number(day[1]))}`;
      if (isoOf(dayOf(iso)) !== iso) continue;
      return { value: { from: iso, to: iso, label: `on ${dayLabel(iso)}` }, used };
    }
    if (preposition === 'since') return { value: { from: `${year}-${pad(month)}-01`, to: today, label: `since ${monthLabel(year, month)}` }, used };
    return { value: monthPeriod(year, month, `in ${monthLabel(year, month)}`), used };
  }
  return undefined;
};

// ---- statuses ---------------------------------------------------------------------------------------------------------

const STATUS_PHRASES: readonly { readonly words: readonly string[]; readonly statuses: readonly OutcomeStatus[]; readonly label: string }[] = [
  { words: ['awaiting', 'full', 'council'], statuses: ['awaiting-council'], label: 'awaiting Council' },
  { words: ['awaiting', 'council'], statuses: ['awaiting-council'], label: 'awaiting Council' },
  { words: ['waiting', 'for', 'full', 'council'], statuses: ['awaiting-council'], label: 'awaiting Council' },
  { words: ['waiting', 'for', 'council'], statuses: ['awaiting-council'], label: 'awaiting Council' },
  { words: ['in', 'call-in'], statuses: ['call-in-open'], label: 'in call-in' },
  { words: ['in', 'call', 'in'], statuses: ['call-in-open'], label: 'in call-in' },
  { words: ['subject', 'to', 'call-in'], statuses: ['call-in-open'], label: 'in call-in' },
  { words: ['call-in', 'open'], statuses: ['call-in-open'], label: 'in call-in' },
  { words: ['called', 'in'], statuses: ['called-in'], label: 'called in' },
  { words: ['called-in'], statuses: ['called-in'], label: 'called in' },
  { words: ['in', 'effect'], statuses: ['effective', 'confirmed', 'approved-by-council', 'amended-by-council'], label: 'in effect' },
  { words: ['in', 'force'], statuses: ['effective', 'confirmed', 'approved-by-council', 'amended-by-council'], label: 'in effect' },
  { words: ['effective'], statuses: ['effective', 'confirmed', 'approved-by-council', 'amended-by-council'], label: 'in effect' },
  { words: ['approved', 'by', 'council'], statuses: ['approved-by-council'], label: 'approved by Council' },
  { words: ['rejected', 'by', 'council'], statuses: ['rejected-by-council'], label: 'rejected by Council' },
  { words: ['deferred'], statuses: ['deferred'], label: 'deferred' },
  { words: ['withdrawn'], statuses: ['withdrawn'], label: 'withdrawn' },
];

const findStatus = (words: readonly Word[]): Found<NonNullable<QuestionFilters['status']>> | undefined => {
  for (const phrase of STATUS_PHRASES) {
    for (let i = 0; i + phrase.words.length <= words.length; i += 1) {
      if (phrase.words.every((w, k) => words[i + k]!.plain === w)) {
        return { value: { statuses: phrase.statuses, label: phrase.label }, used: phrase.words.map((_, k) => i + k) };
      }
    }
  }
  return undefined;
};

// ---- committees -------------------------------------------------------------------------------------------------------

/** The ways a committee is named: "Scrutiny Committee" also as "Scrutiny"; Council also as "Full Council". */
const namesOf = (committee: CommitteeName): string[][] => {
  const words = fold(committee.name).split(/\s+/);
  const names = [words];
  if (words.length > 1 && words[words.length - 1] === 'committee') names.push(words.slice(0, -1));
  if (committee.kind === 'council' || fold(committee.name) === 'council') names.push(['full', 'council'], ['council']);
  return names.sort((a, b) => b.length - a.length);
};

const findCommittee = (words: readonly Word[], committees: readonly CommitteeName[], taken: ReadonlySet<number>): Found<CommitteeName> | undefined => {
  const candidates = committees.flatMap((c) => namesOf(c).map((name) => ({ committee: c, name }))).sort((a, b) => b.name.length - a.name.length);
  for (let i = 0; i < words.length; i += 1) {
    for (const { committee, name } of candidates) {
      const end = i + name.length;
      if (end > words.length || !name.every((w, k) => words[i + k]!.plain === w && !taken.has(i + k))) continue;
      const before = words[i - 1]?.plain;
      const beforeThe = before === 'the' ? words[i - 2]?.plain : before;
      const after = words[end]?.plain;
      const last = words[end - 1]!;
      if (before === 'to' || (before === 'the' && beforeThe === 'to')) continue; // "recommended to Council", "report to the Scrutiny Committee"
      const isCouncilWord = name.length === 1 && name[0] === 'council';
      if (isCouncilWord && (before === 'the' || before === 'a' || before === 'our' || (after !== undefined && COUNCIL_AS_AUTHORITY.has(after)))) continue;
      const possessive = last.possessive || (after === 's');
      const verbAfter = after !== undefined && DECISION_VERBS.has(after);
      const placeBefore = beforeThe !== undefined && ['at', 'by', 'from', 'of'].includes(beforeThe);
      if (possessive || verbAfter || placeBefore) return { value: committee, used: name.map((_, k) => i + k) };
    }
  }
  return undefined;
};

// ---- people -----------------------------------------------------------------------------------------------------------

const personTermOf = (word: Word, context: QuestionContext): string | undefined => {
  const term = processTerm(word.plain);
  if (term !== null && context.isPersonTerm(term)) return term;
  // "pearsons" once the chat parser dropped the apostrophe of "Pearson's".
  if (word.plain.endsWith('s')) {
    const bare = processTerm(word.plain.slice(0, -1));
    if (bare !== null && context.isPersonTerm(bare)) return bare;
  }
  return undefined;
};

const findPerson = (words: readonly Word[], context: QuestionContext, taken: ReadonlySet<number>): Found<NonNullable<QuestionFilters['person']>> | undefined => {
  for (let i = 0; i < words.length; i += 1) {
    if (taken.has(i) || personTermOf(words[i]!, context) === undefined) continue;
    // The name: this word and the name words right after it ("Michelle Howard").
    let end = i + 1;
    while (end < words.length && !taken.has(end) && personTermOf(words[end]!, context) !== undefined && !words[end - 1]!.possessive) end += 1;
    const hasTitle = i > 0 && PERSON_TITLES.has(words[i - 1]!.plain);
    const start = hasTitle ? i - 1 : i;
    const last = words[end - 1]!;
    const possessive = last.possessive || (/s$/.test(last.plain) && context.isPersonTerm(processTerm(last.plain.slice(0, -1)) ?? ''));
    const followedByThings = possessive && end < words.length && PERSONS_THINGS.has(words[end]!.plain);
    const by = start > 0 && ['by', 'from'].includes(words[start - 1]!.plain);
    if (!hasTitle && !followedByThings && !by) {
      i = end - 1;
      continue;
    }
    const terms = words.slice(i, end).map((w) => personTermOf(w, context)!);
    const label = words.slice(start, end).map((w) => w.text.replace(/['’]s$/i, '')).join(' ');
    const used = [...Array.from({ length: end - start }, (_, k) => start + k), ...(followedByThings ? [end] : []), ...(by ? [start - 1] : [])];
    return { value: { terms, label }, used };
  }
  return undefined;
};

// ---- the question -----------------------------------------------------------------------------------------------------

/** Takes a question apart (see the module comment). Pure: the same words, context and day give the same question. */
export const understand = (text: string, context: QuestionContext, options: { readonly filters?: boolean } = {}): Question => {
  const words = wordsOf(text);
  if (options.filters === false) {
    const searchText = words.filter((w) => !QUESTION_WORDS.has(w.plain)).map((w) => w.text).join(' ');
    return { text: searchText, terms: termsOf(searchText), filters: {} };
  }
  const taken = new Set<number>();
  const take = <T>(found: Found<T> | undefined): T | undefined => {
    if (!found) return undefined;
    for (const i of found.used) taken.add(i);
    return found.value;
  };
  const status = take(findStatus(words));
  const period = take(relativePeriod(words, context.today) ?? calendarPeriod(words, context.today));
  const committee = take(findCommittee(words, context.committees, taken));
  const person = take(findPerson(words, context, taken));
  // "The council" asking about itself ("what is the council doing about ...") says nothing about the business,
  // unlike "council tax" or "council houses".
  const isTheCouncil = (i: number): boolean =>
    words[i]!.plain === 'council' && words[i - 1]?.plain === 'the' && !COUNCIL_AS_AUTHORITY.has(words[i + 1]?.plain ?? '');
  const rest = words.filter((w, i) => !taken.has(i) && !QUESTION_WORDS.has(w.plain) && !isTheCouncil(i));
  const searchText = rest.map((w) => w.text).join(' ');
  return {
    text: searchText,
    terms: termsOf(searchText),
    filters: {
      ...(committee ? { committee: { id: committee.id, name: committee.name } } : {}),
      ...(period ? { period } : {}),
      ...(status ? { status } : {}),
      ...(person ? { person } : {}),
    },
  };
};

/** The filters a question applied, in words, for the answer: "Scrutiny Committee · in November 2021". */
export const describeFilters = (filters: QuestionFilters): string[] => [
  ...(filters.committee ? [filters.committee.name] : []),
  ...(filters.period ? [filters.period.label] : []),
  ...(filters.status ? [filters.status.label] : []),
  ...(filters.person ? [`with ${filters.person.label}`] : []),
];
