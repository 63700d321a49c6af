import type { AgendaItem, Decision, Member, Outcome, OutcomeStatus } from '../../domain';
import { isEntitledToExempt } from '../../domain';
import { acronymsOf } from './acronyms';
import { PairCollector } from './pair-filter';
import { peopleIn, placesIn } from './people-and-places';
import { analyse, datesIn, dayTerm, monthTerm } from './text';

/**
 * What the index holds for one record (an agenda item, or a decision): the terms of each of its fields, for
 * MiniSearch, and a few facts for filters and results. No text is kept: a result's passage is drawn from the record
 * itself when it is answered (the store has it), so the index's memory grows with the number of distinct terms,
 * not with the length of the minutes.
 *
 * Fields, by weight (search-corpus.ts): the title and the decision text first; then the summary (with the
 * recommendations or the decision's purpose), the reasons and alternatives considered; then the minutes of the
 * discussion and the titles of the papers. People (the portfolio holder, the lead officer and everyone the minutes
 * name) and places are fields of their own, as are the acronyms of capitalised phrases and the dates (the meeting's,
 * the decision's).
 */
export const FIELDS = ['title', 'decision', 'summary', 'reasons', 'minutes', 'papers', 'people', 'places', 'acronyms', 'dates'] as const;
export type Field = (typeof FIELDS)[number];

/** Which fields a corpus indexes: everything, or (the benchmark's baseline) titles alone. */
export type SearchProfile = 'full' | 'titles-only';

export interface IndexedDocument {
  /** "item:<agenda item id>" or "decision:<decision id>". */
  readonly id: string;
  /** Each field's index terms, already processed (text.ts). */
  readonly terms: Partial<Record<Field, readonly string[]>>;
}

/** The facts filters and results need about a record, kept while it is indexed. */
export interface DocumentFacts {
  readonly kind: 'agenda-item' | 'decision';
  /** The agenda item's or the decision's own id. */
  readonly recordId: string;
  readonly committeeId: string;
  readonly title: string;
  /** Exempt (Part 2) records are found only by those entitled (domain/visibility.ts). */
  readonly exempt: boolean;
  /** A decision's agenda item; an item's meeting. */
  readonly agendaItemId?: string;
  readonly meetingId?: string;
  readonly decidedOn?: string;
  readonly publishedOn?: string;
  /** yyyy-mm of the dates its text mentions ("from 1 April 2022"). */
  readonly mentionedMonths: readonly string[];
  /** Each outcome's status as stored (search-corpus.ts moves call-in-open on to effective by the date). */
  readonly statuses: readonly OutcomeStatus[];
  /** A decision that decides something to be done (approved, agreed, adopted ..., or recommended and approved by
   *  Council), not only noted or recommended. */
  readonly decides: boolean;
  /** The record's own updatedAt: a rebuild must not replace a newer local write with an older stored one. */
  readonly updatedAt: string;
  /** What a one-line listing of the record shows besides the above (the message extension's result list). */
  readonly listing: RecordListing;
}

/**
 * The few stored fields a result list shows (number, standing, where a decision stands), kept so that a list of
 * results is drawn from the index rather than from a point read per hit. A few dozen bytes a record.
 */
export type RecordListing =
  | { readonly kind: 'agenda-item'; readonly item: Pick<AgendaItem, 'number' | 'withdrawnAt'> }
  | {
      readonly kind: 'decision';
      readonly decision: Pick<Decision, 'decisionMaker' | 'subjectToCallIn'> & { readonly sourceKind?: NonNullable<Decision['source']>['kind'] };
      readonly outcomes: readonly Pick<Outcome, 'number' | 'status' | 'statusSince' | 'councilMeetingId'>[];
    };

/** Verbs by which a meeting decides something to be done, as against noting or recommending it to others. */
const DECIDING_VERBS: ReadonlySet<string> = new Set(['APPROVED', 'AGREED', 'ADOPTED', 'RESOLVED', 'DELEGATED', 'AUTHORISED', 'DECIDED']);
/** A recommendation that Full Council has approved is decided too. */
const DECIDED_STATUSES: ReadonlySet<OutcomeStatus> = new Set(['approved-by-council', 'amended-by-council']);

export const itemDocumentId = (itemId: string): string => `item:${itemId}`;
export const decisionDocumentId = (decisionId: string): string => `decision:${decisionId}`;

const outcomeText = (o: Pick<Outcome, 'verb' | 'target' | 'text'>): string => `${o.verb}${o.target ? ` to ${o.target}` : ''} ${o.text}`;

/**
 * Terms and the words they were written as: each term's first spelling ('' where it is the term itself), so that a
 * suggestion can offer "housing" rather than the term "hous".
 */
export type Vocabulary = Map<string, string>;

interface Sources {
  readonly title: readonly string[];
  readonly decision: readonly string[];
  readonly summary: readonly string[];
  readonly reasons: readonly string[];
  readonly minutes: readonly string[];
  readonly papers: readonly string[];
  /** Names given in fields of their own (the lead officer, the portfolio holder), besides those found in the text. */
  readonly namedPeople: readonly string[];
  /** Its own dates, yyyy-mm-dd. */
  readonly ownDates: readonly string[];
}

const build = (id: string, sources: Sources, profile: SearchProfile, vocabulary?: Vocabulary): { document: IndexedDocument; pairs: Uint8Array; mentionedMonths: string[] } => {
  const pairs = new PairCollector();
  // Every term is recorded once, with its spelling or '' when that is the term itself.
  const learn = vocabulary
    ? (word: string, term: string): void => {
      if (vocabulary.has(term)) return;
      const surface = word.toLowerCase();
      vocabulary.set(term, surface === term ? '' : surface);
    }
    : undefined;
  // Each paragraph on its own: a phrase does not run from the end of one paragraph into the next.
  const fieldTerms = (texts: readonly string[]): string[] => {
    const terms: string[] = [];
    for (const text of texts) analyse(text, pairs.add, learn, terms);
    return terms;
  };
  if (profile === 'titles-only') {
    return { document: { id, terms: { title: fieldTerms(sources.title) } }, pairs: pairs.filter(), mentionedMonths: [] };
  }
  const prose = [...sources.summary, ...sources.decision, ...sources.reasons, ...sources.minutes];
  const all = [...sources.title, ...prose, ...sources.papers];
  const allText = all.join('\n');
  const people = [...new Set([...sources.namedPeople, ...peopleIn(prose.join('\n'))])];
  const terms: Partial<Record<Field, string[]>> = {
    title: fieldTerms(sources.title),
    decision: fieldTerms(sources.decision),
    summary: fieldTerms(sources.summary),
    reasons: fieldTerms(sources.reasons),
    minutes: fieldTerms(sources.minutes),
    papers: fieldTerms(sources.papers),
    people: people.flatMap((p) => analyse(p)),
    places: placesIn(allText).flatMap((p) => analyse(p)),
    // Initials of the capitalised phrases of what the record is (the minutes' are mostly people's names); two-letter
    // initials only from the title ("GF budget", "EV charge points"), where they are not noise.
    acronyms: [...new Set([...acronymsOf(sources.title.join('\n'), 2), ...acronymsOf([...sources.summary, ...sources.decision, ...sources.reasons, ...sources.papers].join('\n'))])],
    dates: sources.ownDates.flatMap((d) => [dayTerm(d), monthTerm(d.slice(0, 7))]),
  };
  return {
    document: { id, terms: Object.fromEntries(Object.entries(terms).filter(([, t]) => t.length > 0)) },
    pairs: pairs.filter(),
    mentionedMonths: [...new Set(datesIn(allText).map((d) => d.month))],
  };
};

export interface Indexed {
  readonly document: IndexedDocument;
  readonly facts: DocumentFacts;
  /** Which pairs of neighbouring terms the record has (pair-filter.ts): for phrases. */
  readonly pairs: Uint8Array;
}

/** An agenda item: its title, summary and recommendations, papers, portfolio holder, lead officer and people named. */
export const indexItem = (item: AgendaItem, meetingDate: string | undefined, profile: SearchProfile = 'full', vocabulary?: Vocabulary): Indexed => {
  const id = itemDocumentId(item.id);
  const { document, pairs, mentionedMonths } = build(id, {
    title: [item.title],
    decision: [],
    summary: [item.summary, ...item.recommendations].filter((s) => s.length > 0),
    reasons: [],
    minutes: [],
    papers: item.documents.map((d) => d.title),
    namedPeople: [item.leadOfficer?.name, item.portfolioHolder].filter((p): p is string => p !== undefined),
    ownDates: meetingDate ? [meetingDate] : [],
  }, profile, vocabulary);
  return {
    document,
    pairs,
    facts: {
      kind: 'agenda-item', recordId: item.id, committeeId: item.committeeId, title: item.title, exempt: item.exempt,
      ...(item.meetingId !== undefined ? { meetingId: item.meetingId } : {}),
      mentionedMonths, statuses: [], decides: false, updatedAt: item.updatedAt,
      listing: {
        kind: 'agenda-item',
        item: { ...(item.number !== undefined ? { number: item.number } : {}), ...(item.withdrawnAt !== undefined ? { withdrawnAt: item.withdrawnAt } : {}) },
      },
    },
  };
};

/**
 * A decision: its outcomes, purpose, reasons, alternatives, minutes and papers. Its title is its agenda item's
 * (the item's document holds it), so it is indexed as a title only for a decision with no item (an officer's).
 */
export const indexDecision = (decision: Decision, profile: SearchProfile = 'full', vocabulary?: Vocabulary): Indexed => {
  const id = decisionDocumentId(decision.id);
  const ownsTitle = decision.agendaItemId === undefined;
  const { document, pairs, mentionedMonths } = build(id, {
    title: ownsTitle ? [decision.title] : [],
    decision: decision.outcomes.map(outcomeText),
    summary: [decision.purpose ?? ''].filter((s) => s.length > 0),
    reasons: [...decision.reasons, ...decision.alternatives],
    minutes: [...decision.minutes, ...decision.discussionPoints],
    papers: decision.documents.map((d) => d.title),
    namedPeople: [],
    ownDates: [decision.decidedOn, decision.publishedOn].filter((d): d is string => d !== undefined),
  }, profile, vocabulary);
  return {
    document,
    pairs,
    facts: {
      kind: 'decision', recordId: decision.id, committeeId: decision.committeeId, title: decision.title, exempt: decision.exempt,
      ...(decision.agendaItemId !== undefined ? { agendaItemId: decision.agendaItemId } : {}),
      ...(decision.meetingId !== undefined ? { meetingId: decision.meetingId } : {}),
      ...(decision.decidedOn !== undefined ? { decidedOn: decision.decidedOn } : {}),
      ...(decision.publishedOn !== undefined ? { publishedOn: decision.publishedOn } : {}),
      mentionedMonths, statuses: decision.outcomes.map((o) => o.status), decides: decision.outcomes.some((o) => DECIDING_VERBS.has(o.verb) || DECIDED_STATUSES.has(o.status)),
      updatedAt: decision.updatedAt,
      listing: {
        kind: 'decision',
        decision: {
          decisionMaker: decision.decisionMaker,
          ...(decision.subjectToCallIn !== undefined ? { subjectToCallIn: decision.subjectToCallIn } : {}),
          ...(decision.source !== undefined ? { sourceKind: decision.source.kind } : {}),
        },
        outcomes: decision.outcomes.map((o) => ({
          number: o.number, status: o.status,
          ...(o.statusSince !== undefined ? { statusSince: o.statusSince } : {}),
          ...(o.councilMeetingId !== undefined ? { councilMeetingId: o.councilMeetingId } : {}),
        })),
      },
    },
  };
};

/** Who is asking; identity comes from Teams, never from the query. */
export type Asker = Pick<Member, 'role' | 'committees'>;

/** Exempt business is found only by those entitled to it (domain/visibility.ts says who). */
export const mayFind = (asker: Asker, doc: Pick<DocumentFacts, 'exempt' | 'committeeId'>): boolean =>
  !doc.exempt || isEntitledToExempt(asker, doc.committeeId);

/**
 * One copy of each equal string, and of each equal list or small object of the facts (a status, a committee, a date,
 * an outcome's listing), for a corpus being loaded. Records repeat a handful of committees, statuses and dates
 * thousands of times, and v8.deserialize makes each occurrence a string of its own: at 20,000 items that was most of
 * the 700,000 strings of the bot's heap. Kept only while a corpus loads (its map holds every distinct value once).
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly values = new Map<string, unknown>();

  private readonly optional = (text: string | undefined): string | undefined => (text === undefined ? undefined : this.string(text));

  readonly string = (text: string): string => {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  };

  /**
   * The one copy of a small value of plain objects, arrays, strings, numbers and booleans (frozen: it is shared), its
   * strings shared too. Objects are equal by their JSON, key order included, as one function made them.
   */
  shared<T>(value: T): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    // A list of strings (statuses, months) is keyed by its length and its strings joined by NUL, much faster than
    // JSON; strings with a NUL of their own go by JSON, and the two kinds of key cannot meet (only one begins with \u0001).
    const joinable = Array.isArray(value) && value.every((part) => typeof part === 'string' && !part.includes('\u0000'));
    const key = joinable ? `\u0001${value.length}\u0000${(value as string[]).join('\u0000')}` : JSON.stringify(value);
    const known = this.values.get(key);
    if (known !== undefined) return known as T;
    const copy = this.copied(value);
    this.values.set(key, copy);
    return copy;
  }

  /** A frozen copy with its strings shared. */
  private copied<T>(value: T): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return Object.freeze(value.map((part: unknown) => this.copied(part))) as T;
    const copy: Record<string, unknown> = {};
    for (const [name, part] of Object.entries(value)) copy[this.string(name)] = this.copied(part);
    return Object.freeze(copy) as T;
  }

  /**
   * An item's listing is one of few (its number); a decision's may be its own (its outcomes' dates), but then its
   * decision maker and each of its outcomes are still among few.
   */
  private listing(listing: RecordListing): RecordListing {
    if (listing.kind === 'agenda-item') return this.shared(listing);
    const key = JSON.stringify(listing);
    const known = this.values.get(key);
    if (known !== undefined) return known as RecordListing;
    const copy = Object.freeze({
      kind: listing.kind, decision: this.shared(listing.decision), outcomes: Object.freeze(listing.outcomes.map((o) => this.shared(o))),
    });
    this.values.set(key, copy);
    return copy;
  }

  /** The facts with their strings and parts shared, as an object of the one shape (in-object fields, no spare). */
  facts(facts: DocumentFacts): DocumentFacts {
    const optional = this.optional;
    return {
      kind: this.string(facts.kind) as DocumentFacts['kind'], recordId: this.string(facts.recordId), committeeId: this.string(facts.committeeId), title: this.string(facts.title),
      exempt: facts.exempt, agendaItemId: optional(facts.agendaItemId), meetingId: optional(facts.meetingId),
      decidedOn: optional(facts.decidedOn), publishedOn: optional(facts.publishedOn), mentionedMonths: this.shared(facts.mentionedMonths),
      statuses: this.shared(facts.statuses), decides: facts.decides, updatedAt: this.string(facts.updatedAt), listing: this.listing(facts.listing),
    };
  }
}
