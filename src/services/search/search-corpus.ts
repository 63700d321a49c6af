import { callInDeadline, londonDateOf, type AgendaItem, type Decision, type Meeting, type OutcomeStatus } from '../../domain';
import { councilTermsFor } from './council-words';
import { PairFilters, type PairFiltersSnapshot } from './pair-filter';
import { understand, type CommitteeName, type Question, type QuestionFilters } from './question';
import {
  decisionDocumentId, FIELDS, indexDecision, indexItem, Interner, itemDocumentId, mayFind, type Asker, type DocumentFacts, type Field,
  type Indexed, type SearchProfile, type Vocabulary,
} from './search-document';
import { ownCopy, TermIndex, type TermIndexSnapshot, type Variant } from './term-index';
import { TopK } from './top-k';
import { isDateTerm, termsOf } from './text';

export interface SearchResult {
  readonly kind: 'agenda-item' | 'decision';
  /** The agenda item, for kind agenda-item. */
  readonly itemId?: string;
  /** The (latest) decision taken on it, where there is one; always set for kind decision. */
  readonly decisionId?: string;
  readonly committeeId: string;
  readonly title: string;
  readonly score: number;
  /** The share of what the question's words say that this result matched (0 to 1; see rank()). */
  readonly coverage: number;
  /** The index terms it matched (text.ts terms), for drawing the passage that shows why. */
  readonly matchedTerms: readonly string[];
}

/**
 * A built corpus as plain data (search-snapshot.ts persists it): the term index's arrays, each record's facts, and
 * the few maps around them. Version it when its shape changes: an older snapshot is then rebuilt, not misread.
 */
export interface CorpusSnapshot {
  readonly version: typeof CORPUS_SNAPSHOT_VERSION;
  readonly profile: SearchProfile;
  readonly index: TermIndexSnapshot;
  readonly facts: readonly (DocumentFacts | undefined)[];
  readonly pairs: PairFiltersSnapshot;
  readonly subjectOf: readonly number[];
  readonly partsOf: ReadonlyMap<number, number[]>;
  readonly subjectReports: Uint8Array;
  readonly ownDays: Int32Array;
  readonly decisionsByItem: ReadonlyMap<string, readonly string[]>;
  readonly meetingDates: ReadonlyMap<string, string>;
  readonly meetingListings: ReadonlyMap<string, MeetingListing>;
  readonly vocabulary: Vocabulary;
  readonly personTerms: ReadonlyMap<string, number>;
  readonly committees: readonly KnownCommittee[];
}
export const CORPUS_SNAPSHOT_VERSION = 2;

/** A meeting as a result list shows it. */
export type MeetingListing = Pick<Meeting, 'startsAt' | 'status'>;

/** What the index holds for listing one result (listingOf). */
export interface ResultListing {
  readonly facts: DocumentFacts;
  /** The committee as the index knows it (its name and call-in period); absent for one it does not know. */
  readonly committee?: KnownCommittee;
  /** The meetings the record refers to, by id, that the index knows. */
  readonly meetings: ReadonlyMap<string, MeetingListing>;
}

export interface SearchOptions {
  /** At most this many results, best first. Default 10. */
  readonly limit?: number;
  /** Only this committee's business. */
  readonly committeeId?: string;
  /**
   * Drop results that match less than this share of the question. Typo tolerance lets one stray word
   * ("crossings" ~ "across") find something; a person asking a question wants most of it to count.
   */
  readonly minimumCoverage?: number;
}

export type KnownCommittee = CommitteeName & { readonly callInWorkingDays?: number };

/** What a question is read against: today's date, and the committees by name with their call-in periods. */
export interface AskContext {
  /** yyyy-mm-dd in London. */
  readonly today: string;
  /** Default: the committees the corpus was built with. */
  readonly committees?: readonly KnownCommittee[];
}

export interface SearchAnswer {
  readonly results: readonly SearchResult[];
  readonly question: Question;
  /** The filters asked for matched nothing, so these results are the best matches without them. */
  readonly relaxed: boolean;
}

export interface Suggestions {
  /** Words the index knows, nearest to words of the question it does not ("recycling" for "recyling"). */
  readonly words: readonly string[];
  /** The nearest titles the asker may see. */
  readonly titles: readonly string[];
}

/**
 * Weights by what a field says about an item (the order): title and decision text first; summary,
 * reasons and alternatives next; the minutes and papers last. A name or a place in its own field says more than
 * the same word in the minutes, and an acronym or a date matched as such is as good as a decision's word.
 */
const BOOST: Record<Field, number> = {
  title: 4, decision: 2.5, acronyms: 2.5, people: 2.5, places: 2, dates: 2, summary: 1.5, reasons: 1.2, minutes: 1, papers: 0.8,
};

/**
 * Typo tolerance by length: short words must be exact ("CSP" is not "CCP"), one slip in 4-5 letters, two in longer
 * words ("saftey" -> "safety" is a transposition, two edits). Figures and dates are never "corrected".
 */
const fuzziness = (term: string): number => (term.length <= 3 || /\d/.test(term) ? 0 : term.length <= 5 ? 1 : 2);

/**
 * Councillors ask the bot where things stand: of two records that answer the words as well, a report that was only
 * noted or sent on to another body is the lesser answer than the decision that acted on it ("what is the council
 * doing about damp and mould": Cabinet's improvement plan, before the scrutiny report that asked for it). Items not
 * yet decided are not lessened: they are the answer to what is coming.
 */
const ONLY_REPORTS = 0.8;
/** A phrase of the question found verbatim multiplies the score by 1 + this for each pair of neighbouring words. */
const PHRASE_WEIGHT = 0.6;
/** How many of the best candidates are checked for phrases (each check is a few hash probes per pair). */
const PHRASE_CANDIDATES = 200;
/** Search the open segment at most this big before freezing it into the arrays (local writes between rebuilds). */
const OPEN_SEGMENT_LIMIT = 20_000;

const byDate = (a: string | undefined, b: string | undefined): number => (b ?? '').localeCompare(a ?? '');
/** yyyy-mm-dd as days since 1 January 1970. */
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** A result being ranked, by its subject's document number: an item's (with its decisions), or a lone decision's. */
interface Candidate {
  readonly doc: number;
  score: number;
  /** The share of what the question says that it matched (see matchingCandidates()). */
  readonly coverage: number;
}

/** A subject with its records' facts: the head (the item, or the lone decision) and, for an item, its decisions. */
interface Subject {
  readonly doc: number;
  readonly head: DocumentFacts;
  readonly parts: readonly { readonly doc: number; readonly facts: DocumentFacts }[];
}

/**
 * The in-memory search corpus: every agenda item and every decision as a document of the term index (term-index.ts),
 * and the few facts about each that filters and results need (search-document.ts). An item and its decisions are
 * answered as one result. It keeps no records and no text, so its memory grows with the number of distinct terms
 * of each record, not with the length of what was indexed. Synchronous and single-owner; SearchIndex decides when
 * to rebuild it.
 */
export class SearchCorpus {
  private index: TermIndex;
  private readonly fields: readonly Field[];
  /** By document number. */
  private facts: (DocumentFacts | undefined)[] = [];
  /** By document number: which pairs of neighbouring terms it has (pair-filter.ts), for phrases. */
  private pairs = new PairFilters();
  /** By document number: the document of the result it belongs to (a decision's agenda item, or itself). */
  private subjectOf: number[] = [];
  /** An agenda item's document number -> its decisions' document numbers. */
  private readonly partsOf = new Map<number, number[]>();
  /** By subject document number: 1 when the subject's decisions only noted it or sent it on. */
  private subjectReports: Uint8Array = new Uint8Array(0);
  /** By document number, 3 each: its meeting's date, its date of decision and of publication, as days since 1970 (0: none). */
  private ownDays: Int32Array = new Int32Array(0);
  /** An agenda item's id -> the ids of its decisions (a list: most items have one, and a Set costs ten times more). */
  private readonly decisionsByItem = new Map<string, readonly string[]>();
  private readonly meetingDates = new Map<string, string>();
  /** Each meeting's start and status, for result lists (an item is listed with its meeting's time, or as cancelled). */
  private readonly meetingListings = new Map<string, MeetingListing>();
  /** Spellings of terms that differ from them, for suggestions ("housing" for "hous"). */
  private readonly vocabulary: Vocabulary = new Map();
  /** Terms of people's names, and how many records name them: questions naming a person are read with them. */
  private readonly personTerms = new Map<string, number>();
  private loading = false;
  /** While loading: one copy of each repeated string and value of the facts (search-document.ts). */
  private interner: Interner | undefined;

  constructor(readonly profile: SearchProfile = 'full') {
    this.fields = profile === 'titles-only' ? ['title'] : [...FIELDS];
    this.index = new TermIndex({ fields: this.fields, boosts: this.fields.map((f) => BOOST[f]) });
  }

  /** The committees questions are read against when the asker gives none (AskContext). */
  private committees: readonly KnownCommittee[] = [];

  /** A corpus of these records. */
  static of(
    items: Iterable<AgendaItem>, decisions: Iterable<Decision>,
    options: { meetings?: Iterable<Meeting>; committees?: readonly KnownCommittee[]; profile?: SearchProfile } = {},
  ): SearchCorpus {
    const corpus = new SearchCorpus(options.profile);
    corpus.committees = options.committees ?? [];
    const steps = corpus.load(items, decisions, options.meetings ?? []);
    while (!steps.next().done);
    corpus.index.freeze();
    return corpus;
  }

  /**
   * The same as `of`, but hands the event loop back every `yieldEvery` documents: indexing thousands of documents
   * is a second or more of CPU, and a rebuild in the background must not hold up other requests for all of it.
   */
  static async build(
    items: Iterable<AgendaItem>, decisions: Iterable<Decision>,
    options: { meetings?: Iterable<Meeting>; committees?: readonly KnownCommittee[]; profile?: SearchProfile; yieldEvery?: number } = {},
  ): Promise<SearchCorpus> {
    const corpus = new SearchCorpus(options.profile);
    corpus.committees = options.committees ?? [];
    const steps = corpus.load(items, decisions, options.meetings ?? []);
    const yieldEvery = options.yieldEvery ?? 200;
    for (let indexed = 1; !steps.next().done; indexed += 1) {
      if (indexed % yieldEvery === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    corpus.index.freeze();
    return corpus;
  }

  /**
   * The same as `build`, from pages read one at a time (a store's listAll): each page is indexed and let go before
   * the next is read, so a build never holds every record at once. At 20,000 items with their minutes, holding them
   * all was some hundreds of MB of heap that outlived the build as garbage (docs/BENCHMARKS.md, run D), where the
   * index itself keeps terms and a few fields a record. Meetings first: they date the items.
   */
  static async buildFromPages(
    itemPages: AsyncIterable<readonly AgendaItem[]>, decisionPages: AsyncIterable<readonly Decision[]>,
    options: { meetings?: Iterable<Meeting>; committees?: readonly KnownCommittee[]; profile?: SearchProfile; yieldEvery?: number } = {},
  ): Promise<SearchCorpus> {
    const corpus = SearchCorpus.loading(options);
    const yieldEvery = options.yieldEvery ?? 200;
    let indexed = 0;
    const pause = async (): Promise<void> => {
      indexed += 1;
      if (indexed % yieldEvery === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    for await (const page of itemPages) {
      for (const item of page) {
        corpus.upsertItem(item);
        await pause();
      }
    }
    for await (const page of decisionPages) {
      for (const decision of page) {
        corpus.upsertDecision(decision);
        await pause();
      }
    }
    corpus.finishLoading();
    return corpus;
  }

  /**
   * An empty corpus being loaded (upsertItem, upsertDecision) in one go, dated by these meetings: it freezes once,
   * at finishLoading, with every weight from the final field lengths. The build in a worker thread fills one.
   */
  static loading(options: { meetings?: Iterable<Pick<Meeting, 'id' | 'startsAt' | 'status'>>; committees?: readonly KnownCommittee[]; profile?: SearchProfile } = {}): SearchCorpus {
    const corpus = new SearchCorpus(options.profile);
    corpus.committees = options.committees ?? [];
    corpus.loading = true;
    corpus.interner = new Interner();
    for (const meeting of options.meetings ?? []) corpus.upsertMeeting(meeting);
    return corpus;
  }

  finishLoading(): void {
    this.loading = false;
    this.interner = undefined;
    this.index.freeze();
  }

  /**
   * The corpus as plain data, to load again with fromSnapshot (its arrays are shared, not copied: snapshot a corpus
   * that is then let go or no longer changed, as a freshly built one).
   */
  snapshot(): CorpusSnapshot {
    return {
      version: CORPUS_SNAPSHOT_VERSION, profile: this.profile, index: this.index.snapshot(), facts: this.facts,
      pairs: this.pairs.snapshot(this.index.documentSlots), subjectOf: this.subjectOf,
      partsOf: this.partsOf, subjectReports: this.subjectReports, ownDays: this.ownDays, decisionsByItem: this.decisionsByItem,
      meetingDates: this.meetingDates, meetingListings: this.meetingListings, vocabulary: this.vocabulary, personTerms: this.personTerms,
      committees: this.committees,
    };
  }

  static fromSnapshot(snapshot: CorpusSnapshot): SearchCorpus {
    if (snapshot.version !== CORPUS_SNAPSHOT_VERSION) throw new Error(`a search snapshot of version ${String(snapshot.version)} is not this version's`);
    const corpus = new SearchCorpus(snapshot.profile);
    // v8.deserialize makes every occurrence of a string a copy of its own: each is made one again here.
    const intern = new Interner();
    const terms = snapshot.index.terms.map(intern.string);
    corpus.index = TermIndex.fromSnapshot({ ...snapshot.index, terms }, { fields: corpus.fields, boosts: corpus.fields.map((f) => BOOST[f]) });
    corpus.facts = snapshot.facts.map((facts) => (facts ? intern.facts(facts) : undefined));
    corpus.pairs = PairFilters.fromSnapshot({ bytes: ownCopy(snapshot.pairs.bytes), starts: snapshot.pairs.starts });
    corpus.subjectOf = [...snapshot.subjectOf];
    snapshot.partsOf.forEach((parts, doc) => corpus.partsOf.set(doc, [...parts]));
    corpus.subjectReports = ownCopy(snapshot.subjectReports);
    corpus.ownDays = ownCopy(snapshot.ownDays);
    snapshot.decisionsByItem.forEach((ids, item) => corpus.decisionsByItem.set(intern.string(item), ids.map(intern.string)));
    snapshot.meetingDates.forEach((date, id) => corpus.meetingDates.set(intern.string(id), intern.string(date)));
    snapshot.meetingListings.forEach((meeting, id) => corpus.meetingListings.set(intern.string(id), intern.shared(meeting)));
    snapshot.vocabulary.forEach((surface, term) => corpus.vocabulary.set(intern.string(term), intern.string(surface)));
    snapshot.personTerms.forEach((count, term) => corpus.personTerms.set(intern.string(term), count));
    corpus.committees = snapshot.committees;
    return corpus;
  }

  /** Results there are to find: an item with its decisions counts once, as does a decision with no item. */
  get documentCount(): number {
    let count = 0;
    this.facts.forEach((facts, doc) => {
      if (facts && this.subjectOf[doc] === doc) count += 1;
    });
    return count;
  }

  /** Distinct terms indexed. */
  get termCount(): number {
    return this.index.termCount;
  }

  itemUpdatedAt(id: string): string | undefined {
    return this.factsOf(itemDocumentId(id))?.updatedAt;
  }

  decisionUpdatedAt(id: string): string | undefined {
    return this.factsOf(decisionDocumentId(id))?.updatedAt;
  }

  /** A meeting's date dates its agenda items (undecided ones have no other): "next week", "in June 2021". */
  upsertMeeting(meeting: Pick<Meeting, 'id' | 'startsAt'> & Partial<Pick<Meeting, 'status'>>): void {
    this.meetingDates.set(meeting.id, londonDateOf(meeting.startsAt));
    this.meetingListings.set(meeting.id, { startsAt: meeting.startsAt, status: meeting.status ?? 'scheduled' });
  }

  /**
   * What a result list shows of a result, from the index alone (no store read): the record answered (its latest
   * decision, else the agenda item) with its title, committee, exempt flag, dates and listing fields, and the
   * meetings they refer to (the item's, and Full Council's for a recommendation). Undefined when the record has
   * left the index since the search.
   */
  listingOf(result: Pick<SearchResult, 'itemId' | 'decisionId'>): ResultListing | undefined {
    const facts = result.decisionId !== undefined ? this.factsOf(decisionDocumentId(result.decisionId))
      : result.itemId !== undefined ? this.factsOf(itemDocumentId(result.itemId)) : undefined;
    if (!facts) return undefined;
    const committee = this.committees.find((c) => c.id === facts.committeeId);
    const meetingIds = facts.listing.kind === 'decision'
      ? facts.listing.outcomes.flatMap((o) => (o.councilMeetingId !== undefined ? [o.councilMeetingId] : []))
      : facts.meetingId !== undefined ? [facts.meetingId] : [];
    const meetings = new Map<string, MeetingListing>();
    for (const id of meetingIds) {
      const meeting = this.meetingListings.get(id);
      if (meeting) meetings.set(id, meeting);
    }
    return { facts, ...(committee ? { committee } : {}), meetings };
  }

  upsertItem(item: AgendaItem): void {
    const meetingDate = item.meetingId !== undefined ? this.meetingDates.get(item.meetingId) : undefined;
    this.put(indexItem(item, meetingDate, this.profile, this.vocabulary));
  }

  removeItem(itemId: string): void {
    this.drop(itemDocumentId(itemId));
  }

  upsertDecision(decision: Decision): void {
    const previous = this.factsOf(decisionDocumentId(decision.id))?.agendaItemId;
    if (previous !== undefined && previous !== decision.agendaItemId) this.forgetDecisionOf(previous, decision.id);
    if (decision.agendaItemId !== undefined) {
      const ids = this.decisionsByItem.get(decision.agendaItemId) ?? [];
      if (!ids.includes(decision.id)) this.decisionsByItem.set(decision.agendaItemId, [...ids, decision.id]);
    }
    this.put(indexDecision(decision, this.profile, this.vocabulary));
  }

  /** The ids of the decisions this corpus holds for an agenda item (none when it holds the item undecided or not at all). */
  decisionIdsOfItem(itemId: string): string[] {
    return [...(this.decisionsByItem.get(itemId) ?? [])];
  }

  removeDecision(decisionId: string): void {
    const facts = this.factsOf(decisionDocumentId(decisionId));
    if (!facts) return;
    if (facts.agendaItemId !== undefined) this.forgetDecisionOf(facts.agendaItemId, decisionId);
    this.drop(decisionDocumentId(decisionId));
  }

  /** The decision is no longer the item's (an item with none left keeps an empty list, as it kept an empty Set). */
  private forgetDecisionOf(itemId: string, decisionId: string): void {
    const ids = this.decisionsByItem.get(itemId);
    if (ids?.includes(decisionId)) this.decisionsByItem.set(itemId, ids.filter((id) => id !== decisionId));
  }

  /** Ranked results for a query or question; see ask(). */
  search(query: string, asker: Asker, options: SearchOptions & { context?: AskContext } = {}): SearchResult[] {
    return [...this.ask(query, asker, options.context ?? { today: londonDateOf(new Date().toISOString()) }, options).results];
  }

  /**
   * Answers a question: reads its filters (question.ts), finds the records matching its words (BM25 over weighted
   * fields; typos forgiven only in words the index does not know), keeps those the asker may see and that pass the
   * filters, and ranks an item with its decisions as one result (rank()). When the words name the business otherwise
   * where a filter points, what they find elsewhere is looked for there; when still nothing passes the filters, the
   * answer says so and gives the best matches without them.
   */
  ask(text: string, asker: Asker, given: AskContext, options: SearchOptions = {}): SearchAnswer {
    const { limit = 10, minimumCoverage = 0, committeeId } = options;
    const context = { today: given.today, committees: given.committees ?? this.committees };
    const question = understand(text, {
      today: context.today,
      committees: context.committees,
      isPersonTerm: (term) => this.personTerms.has(term),
    });
    const hasFilters = Object.keys(question.filters).length > 0;
    const run = (q: Question, withFilters: boolean): SearchResult[] => this.run(q, asker, context, { limit, minimumCoverage, committeeId, withFilters });
    if (question.terms.length === 0 && !hasFilters) return { results: [], question, relaxed: false };
    const results = run(question, true);
    if (results.length > 0 || !hasFilters) return { results, question, relaxed: false };
    if (question.terms.length > 0) {
      // The words name the business differently where the filter points ("taxis" for Council's "Hackney Carriage
      // and Private Hire Licensing Policy"): what they find elsewhere, its titles, is looked for within the filter.
      const elsewhere = run({ ...question, filters: {} }, false).slice(0, 3).map((r) => r.title);
      if (elsewhere.length > 0) {
        const expandedText = [question.text, ...elsewhere].join(' ');
        const expanded = run({ ...question, text: expandedText, terms: termsOf(expandedText) }, true);
        if (expanded.length > 0) return { results: expanded, question, relaxed: false };
      }
    }
    // Nothing with the filters: the best matches for all the words, the filters' own included.
    const plain = understand(text, { today: context.today, committees: [], isPersonTerm: () => false }, { filters: false });
    const unfiltered = plain.terms.length > 0 ? run(plain, false) : [];
    return { results: unfiltered, question, relaxed: unfiltered.length > 0 };
  }

  /** Real suggestions when nothing was found: the nearest words the index knows, and the nearest titles. */
  suggest(text: string, asker: Asker, limit = 3): Suggestions {
    const terms = [...new Set(termsOf(text))].filter((t) => !isDateTerm(t));
    const words = new Set<string>();
    for (const term of terms.filter((t) => this.index.termId(t) === undefined && fuzziness(t) > 0)) {
      const variants = this.index.variants(term, { fuzzy: () => 2, prefix: () => term.length >= 4 });
      // The most used of the known words near it that the asker may see in some record.
      const seen = variants
        .map((v) => ({ v, df: this.index.documentFrequency(v.termId) }))
        .sort((a, b) => b.df - a.df)
        .find(({ v }) => this.visibleDocumentWith([v], asker));
      if (seen) words.add(this.vocabulary.get(seen.v.term) || seen.v.term);
    }
    const titleFields = this.maskOf(this.profile === 'titles-only' ? ['title'] : ['title', 'acronyms']);
    const titles: string[] = [];
    if (terms.length > 0) {
      const variants = terms.map((t) => this.index.variants(t, { fuzzy: (x) => (fuzziness(x) > 0 ? 2 : 0), prefix: (x) => x.length >= 3 }));
      const acc = this.index.accumulate(variants, titleFields);
      const ranked = [...acc.touched].sort((a, b) => acc.scores[b]! - acc.scores[a]!);
      this.index.clear(acc);
      for (const doc of ranked) {
        const subject = this.subjectOf[doc]!;
        const head = this.facts[subject];
        if (!head || !this.subjectMayBeFound(subject, asker)) continue;
        if (!titles.includes(head.title)) titles.push(head.title);
        if (titles.length >= limit) break;
      }
    }
    return { words: [...words].slice(0, limit), titles };
  }

  /**
   * The agenda item whose title (or its acronyms) has every word of `text`, as the item commands name one
   * ("report community safety"); typos forgiven as in search. Undefined when no item the asker may see has.
   */
  /** Whether an agenda item with this id is indexed (and the asker may see it): "report <item id>". */
  hasItem(itemId: string, asker: Asker): boolean {
    const doc = this.index.numberOf(itemDocumentId(itemId));
    return doc !== undefined && this.subjectMayBeFound(doc, asker);
  }

  itemTitled(text: string, asker: Asker): { readonly itemId: string; readonly committeeId: string } | undefined {
    const terms = [...new Set(termsOf(text))];
    if (terms.length === 0) return undefined;
    const all = terms.length >= 32 ? 0xffffffff : (1 << terms.length) - 1;
    const acc = this.index.accumulate(terms.map((t) => this.variantsFor(t, false)), this.maskOf(['title', 'acronyms']));
    const named = acc.touched.filter((doc) => (acc.matched[doc]! & all) === all).sort((a, b) => acc.scores[b]! - acc.scores[a]!);
    this.index.clear(acc);
    for (const doc of named) {
      const facts = this.facts[doc];
      if (facts?.kind === 'agenda-item' && this.subjectMayBeFound(doc, asker)) return { itemId: facts.recordId, committeeId: facts.committeeId };
    }
    return undefined;
  }

  // ---- a search ---------------------------------------------------------------------------------------------------

  private run(question: Question, asker: Asker, context: Required<AskContext>, options: { limit: number; minimumCoverage: number; committeeId?: string; withFilters: boolean }): SearchResult[] {
    const filters = options.withFilters ? question.filters : {};
    // The person filter is found first: it uses the same scratch as the question's own words.
    const personDocs = filters.person ? this.documentsNaming(filters.person.terms) : undefined;
    const terms = question.terms.filter((t, i, all) => all.indexOf(t) === i);
    const variants = terms.map((t, i) => this.variantsFor(t, i === terms.length - 1));
    /** What the filters say for a subject: 0 to leave it out, else a factor of its score (see filterFactor). */
    const admit = (doc: number): number => {
      const head = this.facts[doc]!;
      if (options.committeeId !== undefined && head.committeeId !== options.committeeId) return 0;
      if (filters.committee && head.committeeId !== filters.committee.id) return 0;
      if (!this.subjectMayBeFound(doc, asker)) return 0;
      return this.filterFactor(doc, filters, context, personDocs);
    };
    if (terms.length === 0) {
      // Filters alone ("what did Council decide last month"): the latest first.
      const top = new TopK<Candidate>(options.limit);
      for (const doc of this.filterCandidates(personDocs)) {
        const latest = this.latestDay(doc);
        if (latest < top.floor || (latest === top.floor && top.floor !== -Infinity)) continue;
        if (admit(doc) > 0) top.offer({ doc, score: latest, coverage: 1 }, latest);
      }
      return top.sorted().map((c) => this.resultOf(this.subjectAt(c.doc), c, []));
    }
    const best = this.matchingCandidates(variants, options.minimumCoverage, admit, Math.max(options.limit, PHRASE_CANDIDATES));
    return this.rank(best, question, terms, variants, options.limit);
  }

  /**
   * The variants of a question's term: typos only of a word the index does not know, prefixes only of the last,
   * and the council's own words for it (council-words.ts) at half weight.
   */
  private variantsFor(term: string, last: boolean): Variant[] {
    const variants = this.index.variants(term, {
      fuzzy: (t) => fuzziness(t),
      // As-you-type in the compose box: the last word may be unfinished.
      prefix: (t) => last && t.length >= 3 && this.index.termId(t) === undefined,
    });
    if (this.profile === 'titles-only') return variants;
    for (const related of councilTermsFor(term)) {
      const termId = this.index.termId(related);
      if (termId !== undefined && !variants.some((v) => v.termId === termId)) variants.push({ termId, term: related, weight: 0.5, exact: false });
    }
    return variants;
  }

  /**
   * The subjects matching the question's words with at least `minimumCoverage` of what it says, the `keep` best.
   * Each word weighs its inverse document frequency (BM25's), so "adapting" counts for more than "help"; a word
   * matched only as a typo of another counts half; a word no record uses tells nothing either way and weighs as
   * little as a word every record uses. The threshold is on that share; the score is BM25 times the square of the
   * share with each weight squared (the vector-space model's idf x idf), which favours the record that has the
   * question's rarest word ("homes need adapting": the grants policy, not the Local Plan's homes and needs).
   */
  private matchingCandidates(
    variants: readonly (readonly Variant[])[], minimumCoverage: number, admit: (doc: number) => number, keep: number,
  ): Candidate[] {
    const n = Math.max(1, this.index.documentCount);
    const weights = variants.map((vs) => {
      const df = Math.max(0, ...vs.map((v) => this.index.documentFrequency(v.termId)));
      return df === 0 ? 1 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const total2 = weights.reduce((a, b) => a + b * b, 0);
    // An item and its decisions add up: each record's score for the question, summed.
    const acc = this.index.accumulate(variants, 0xffff, this.subjectOf, 'sum');
    const top = new TopK<Candidate>(keep);
    for (const doc of acc.touched) {
      let [matched, matched2] = [0, 0];
      const [any, exact] = [acc.matched[doc]!, acc.exact[doc]!];
      for (let i = 0; i < weights.length && i < 32; i += 1) {
        if (!(any & (1 << i))) continue;
        const share = exact & (1 << i) ? 1 : 0.5;
        matched += share * weights[i]!;
        matched2 += share * weights[i]! * weights[i]!;
      }
      const coverage = total === 0 ? 1 : Math.min(1, matched / total);
      const emphasis = total2 === 0 ? 1 : Math.min(1, matched2 / total2);
      const score = acc.scores[doc]! * emphasis * emphasis * (this.onlyReports(doc) ? ONLY_REPORTS : 1);
      // The filters only lower a score: one that cannot beat the current top is not worth checking.
      if (coverage < minimumCoverage || score <= top.floor) continue;
      const factor = admit(doc);
      if (factor > 0) top.offer({ doc, score: score * factor, coverage }, score * factor);
    }
    this.index.clear(acc);
    return top.sorted();
  }

  /** With filters alone: every subject, or only those of the documents naming the person asked about. */
  private filterCandidates(personDocs: ReadonlySet<number> | undefined): Iterable<number> {
    if (personDocs) return new Set([...personDocs].map((d) => this.subjectOf[d]!));
    const docs: number[] = [];
    this.facts.forEach((facts, doc) => {
      if (facts && this.subjectOf[doc] === doc) docs.push(doc);
    });
    return docs;
  }

  /** Whether the subject's decisions only noted or sent it on (ONLY_REPORTS): kept per subject as its parts change. */
  private onlyReports(doc: number): boolean {
    return this.subjectReports[doc] === 1;
  }

  private refreshSubject(doc: number): void {
    const facts = this.facts[doc];
    if (!facts || this.subjectOf[doc] !== doc) return;
    const decisions = [facts, ...(this.partsOf.get(doc) ?? []).map((part) => this.facts[part]!)].filter((f) => f.kind === 'decision');
    const onlyReports = decisions.length > 0 && !decisions.some((f) => f.decides);
    if (this.subjectReports.length <= doc) {
      const bigger = new Uint8Array(Math.max(doc + 1, this.subjectReports.length * 2, 64));
      bigger.set(this.subjectReports);
      this.subjectReports = bigger;
    }
    this.subjectReports[doc] = onlyReports ? 1 : 0;
  }

  private partsOfSubject(doc: number): number[] {
    return [doc, ...(this.partsOf.get(doc) ?? [])];
  }

  private subjectAt(doc: number): Subject {
    const head = this.facts[doc]!;
    return { doc, head, parts: this.partsOfSubject(doc).map((d) => ({ doc: d, facts: this.facts[d]! })) };
  }

  private factsOf(docId: string): DocumentFacts | undefined {
    const doc = this.index.numberOf(docId);
    return doc === undefined ? undefined : this.facts[doc];
  }

  /** An item is exempt for search when it or any of its decisions is. */
  private subjectMayBeFound(doc: number, asker: Asker): boolean {
    const facts = this.facts[doc];
    if (!facts || !mayFind(asker, facts)) return false;
    for (const part of this.partsOf.get(doc) ?? []) if (!mayFind(asker, this.facts[part]!)) return false;
    return true;
  }

  private visibleDocumentWith(variants: readonly Variant[], asker: Asker): boolean {
    const acc = this.index.accumulate([variants]);
    const found = acc.touched.some((doc) => this.subjectMayBeFound(this.subjectOf[doc]!, asker));
    this.index.clear(acc);
    return found;
  }

  private maskOf(fields: readonly Field[]): number {
    return fields.reduce((mask, f) => (this.fields.includes(f) ? mask | (1 << this.fields.indexOf(f)) : mask), 0);
  }

  // ---- filters ----------------------------------------------------------------------------------------------------

  /** The latest of the subject's own dates (its meeting's, its decisions' of decision and publication), in days. */
  private latestDay(doc: number): number {
    let latest = 0;
    for (let k = 0; k < 3; k += 1) latest = Math.max(latest, this.ownDays[doc * 3 + k]!);
    for (const part of this.partsOf.get(doc) ?? []) for (let k = 0; k < 3; k += 1) latest = Math.max(latest, this.ownDays[part * 3 + k]!);
    return latest;
  }

  /** Whether the subject is dated in the period (1), only mentions it (0.5), or neither (0). */
  private periodMatch(doc: number, period: NonNullable<QuestionFilters['period']>): number {
    const [from, to] = [dayNumber(period.from), dayNumber(period.to)];
    const dated = (d: number): boolean => {
      for (let k = 0; k < 3; k += 1) {
        const day = this.ownDays[d * 3 + k]!;
        if (day !== 0 && day >= from && day <= to) return true;
      }
      return false;
    };
    if (dated(doc) || (this.partsOf.get(doc) ?? []).some(dated)) return 1;
    const [fromMonth, toMonth] = [period.from.slice(0, 7), period.to.slice(0, 7)];
    return this.partsOfSubject(doc).some((part) => this.facts[part]!.mentionedMonths.some((m) => m >= fromMonth && m <= toMonth)) ? 0.5 : 0;
  }

  /** Each outcome's status as of today: call-in-open has become effective once its period has ended. */
  private statusesOf(doc: number, context: Required<AskContext>): OutcomeStatus[] {
    const days = new Map(context.committees.map((c) => [c.id, c.callInWorkingDays ?? 5]));
    return this.partsOfSubject(doc).flatMap((part) => {
      const facts = this.facts[part]!;
      return facts.statuses.map((status) => {
        if (status !== 'call-in-open' || facts.publishedOn === undefined) return status;
        return context.today > callInDeadline(facts.publishedOn, days.get(facts.committeeId) ?? 5) ? 'effective' : status;
      });
    });
  }

  /** Documents whose people field has every term of a name. */
  private documentsNaming(terms: readonly string[]): Set<number> {
    const ids = terms.map((t) => this.index.termId(t));
    if (ids.some((id) => id === undefined)) return new Set();
    const all = (1 << terms.length) - 1;
    const acc = this.index.accumulate(ids.map((termId, i) => [{ termId: termId!, term: terms[i]!, weight: 1, exact: true }]), this.maskOf(['people']));
    const docs = new Set(acc.touched.filter((doc) => (acc.matched[doc]! & all) === all));
    this.index.clear(acc);
    return docs;
  }

  /**
   * 0 when the subject fails a filter (period, status, person; the committee is checked before), else how much the
   * filters say for it: 1, or 0.7 when it only mentions the period asked about rather than being dated in it.
   */
  private filterFactor(doc: number, filters: QuestionFilters, context: Required<AskContext>, personDocs: ReadonlySet<number> | undefined): number {
    if (personDocs && !this.partsOfSubject(doc).some((part) => personDocs.has(part))) return 0;
    if (filters.status) {
      const wanted = new Set(filters.status.statuses);
      if (!this.statusesOf(doc, context).some((s) => wanted.has(s))) return 0;
    }
    if (!filters.period) return 1;
    const period = this.periodMatch(doc, filters.period);
    return period === 1 ? 1 : period === 0 ? 0 : 0.7;
  }

  // ---- ranking ----------------------------------------------------------------------------------------------------

  /** The index terms of each question term (itself, its typos, its completions) that the subject has. */
  private presentVariants(subject: Subject, variants: readonly (readonly Variant[])[]): string[][] {
    return variants.map((vs) => vs.filter((v) => subject.parts.some(({ doc }) => this.index.contains(v.termId, doc))).map((v) => v.term));
  }

  /** How many neighbouring pairs of the question's words the subject has as neighbours too. */
  private phrasePairs(subject: Subject, sequence: readonly string[], present: ReadonlyMap<string, readonly string[]>): number {
    let pairs = 0;
    for (let i = 0; i + 1 < sequence.length; i += 1) {
      const [a, b] = [present.get(sequence[i]!) ?? [], present.get(sequence[i + 1]!) ?? []];
      if (subject.parts.some(({ doc }) => a.some((x) => b.some((y) => this.pairs.has(doc, x, y))))) pairs += 1;
    }
    return pairs;
  }

  /**
   * The best first: by score (BM25 times coverage squared, times what the filters say), the best candidates then
   * multiplied by a bonus for each neighbouring pair of the question's words that they have as neighbours too (a
   * phrase found verbatim ranks above the same words scattered). With filters alone ("what did Council decide last
   * month") the latest comes first.
   */
  private rank(candidates: Candidate[], question: Question, terms: readonly string[], variants: readonly (readonly Variant[])[], limit: number): SearchResult[] {
    const sequence = question.terms.filter((t) => !isDateTerm(t));
    const best = candidates.map((c) => {
      const subject = this.subjectAt(c.doc);
      const present = this.presentVariants(subject, variants);
      const score = c.score * (1 + PHRASE_WEIGHT * this.phrasePairs(subject, sequence, new Map(terms.map((t, i) => [t, present[i]!]))));
      return { subject, candidate: { ...c, score }, present };
    });
    best.sort((a, b) => b.candidate.score - a.candidate.score);
    return best.slice(0, limit).map(({ subject, candidate, present }) => this.resultOf(subject, candidate, present.flat()));
  }

  private resultOf(subject: Subject, { score, coverage }: Candidate, matchedTerms: readonly string[]): SearchResult {
    const { head } = subject;
    const decisions = head.kind === 'agenda-item' ? subject.parts.slice(1).map((p) => p.facts) : [head];
    const latest = [...decisions].sort((a, b) => byDate(a.decidedOn, b.decidedOn) || a.recordId.localeCompare(b.recordId))[0];
    return {
      kind: head.kind,
      ...(head.kind === 'agenda-item' ? { itemId: head.recordId } : {}),
      ...(latest ? { decisionId: latest.recordId } : {}),
      committeeId: head.committeeId,
      title: head.title,
      score,
      coverage,
      matchedTerms: [...new Set(matchedTerms)],
    };
  }

  // ---- indexing ---------------------------------------------------------------------------------------------------

  /** Fills an empty corpus, pausing (a yield) after each document it indexes. */
  private *load(items: Iterable<AgendaItem>, decisions: Iterable<Decision>, meetings: Iterable<Meeting>): Generator<void, void, undefined> {
    this.loading = true;
    this.interner = new Interner();
    for (const meeting of meetings) this.upsertMeeting(meeting);
    for (const item of items) {
      this.upsertItem(item);
      yield;
    }
    for (const decision of decisions) {
      this.upsertDecision(decision);
      yield;
    }
    this.loading = false;
    this.interner = undefined;
  }

  private put({ document, facts: built, pairs }: Indexed): void {
    this.drop(document.id);
    const doc = this.index.add(document.id, document.terms);
    // Every record's facts of the one shape; while loading, their repeated strings and values shared.
    const facts = (this.interner ?? new Interner()).facts(built);
    this.facts[doc] = facts;
    this.pairs.set(doc, pairs);
    this.subjectOf[doc] = doc;
    if (this.ownDays.length < (doc + 1) * 3) {
      const bigger = new Int32Array(Math.max((doc + 1) * 3, this.ownDays.length * 2, 192));
      bigger.set(this.ownDays);
      this.ownDays = bigger;
    }
    const meetingDate = facts.meetingId !== undefined ? this.meetingDates.get(facts.meetingId) : undefined;
    [meetingDate, facts.decidedOn, facts.publishedOn].forEach((date, k) => {
      this.ownDays[doc * 3 + k] = date ? dayNumber(date) : 0;
    });
    if (facts.kind === 'agenda-item') {
      // Its decisions, indexed before it, are now answered with it.
      const parts = [...(this.decisionsByItem.get(facts.recordId) ?? [])]
        .map((id) => this.index.numberOf(decisionDocumentId(id)))
        .filter((d): d is number => d !== undefined);
      for (const part of parts) this.subjectOf[part] = doc;
      if (parts.length > 0) this.partsOf.set(doc, parts);
    } else {
      const item = facts.agendaItemId !== undefined ? this.index.numberOf(itemDocumentId(facts.agendaItemId)) : undefined;
      if (item !== undefined) {
        this.subjectOf[doc] = item;
        this.partsOf.set(item, [...(this.partsOf.get(item) ?? []), doc]);
      }
    }
    this.refreshSubject(this.subjectOf[doc]!);
    for (const term of new Set(document.terms.people ?? [])) this.personTerms.set(term, (this.personTerms.get(term) ?? 0) + 1);
    // A build freezes once at its end; single writes between rebuilds freeze now and then.
    if (!this.loading && this.index.openSize > OPEN_SEGMENT_LIMIT) this.index.freeze();
  }

  private drop(docId: string): void {
    const doc = this.index.numberOf(docId);
    if (doc === undefined) return;
    const facts = this.facts[doc]!;
    const item = this.subjectOf[doc]!;
    // An item's decisions outlive it, each answered on its own; a decision leaves its item's parts.
    const orphans = facts.kind === 'agenda-item' ? (this.partsOf.get(doc) ?? []) : [];
    if (facts.kind === 'agenda-item') this.partsOf.delete(doc);
    else if (item !== doc) {
      const rest = (this.partsOf.get(item) ?? []).filter((d) => d !== doc);
      if (rest.length > 0) this.partsOf.set(item, rest);
      else this.partsOf.delete(item);
    }
    this.index.remove(docId);
    this.facts[doc] = undefined;
    for (const part of orphans) {
      this.subjectOf[part] = part;
      this.refreshSubject(part);
    }
    if (item !== doc) this.refreshSubject(item);
  }

}

