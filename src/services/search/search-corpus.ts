import MiniSearch from 'minisearch';
import type { AgendaItem, Decision } from '../../domain';
import { snippetFor } from './snippet';
import { decisionDocument, decisionDocumentId, itemDocument, itemDocumentId, mayFind, type Asker, type SearchDocument } from './search-document';
import { processTerm, termsOf, tokenize } from './text';

export interface SearchResult {
  readonly kind: 'agenda-item' | 'decision';
  /** The agenda item, for kind agenda-item. */
  readonly itemId?: string;
  /** The (latest) decision taken on it, where there is one; always set for kind decision. */
  readonly decisionId?: string;
  readonly committeeId: string;
  readonly title: string;
  readonly snippet: string;
  readonly score: number;
  /** The share of the query's words that this result matched (0 to 1). */
  readonly coverage: number;
}

export interface SearchOptions {
  /** At most this many results, best first. Default 10. */
  readonly limit?: number;
  /** Only this committee's business. */
  readonly committeeId?: string;
  /**
   * Drop results that match fewer than this share of the query's words. Typo tolerance lets one stray word
   * ("crossings" ~ "across") find something; a person asking a question wants most of their words to count.
   */
  readonly minimumCoverage?: number;
}

type Field = 'title' | 'acronyms' | 'summary' | 'outcomes' | 'reasons';
const FIELDS: Field[] = ['title', 'acronyms', 'summary', 'outcomes', 'reasons'];

/** A title or acronym hit says far more about what an item is than a word somewhere in its reasons. */
const BOOST: Record<Field, number> = { title: 3, acronyms: 2.5, outcomes: 1.5, summary: 1, reasons: 0.5 };

/**
 * Typo tolerance by length: short words must be exact ("CSP" is not "CCP"), one slip in 4-5 letters,
 * two in longer words ("saftey" -> "safety" is a transposition, two edits).
 */
const fuzziness = (term: string): number | false => (term.length <= 3 ? false : term.length <= 5 ? 1 : 2);

const newMiniSearch = (): MiniSearch<SearchDocument> =>
  new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: FIELDS,
    storeFields: [],
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDocument];
      return Array.isArray(value) ? value.join('\n') : (value as string);
    },
    tokenize,
    processTerm,
    searchOptions: {
      boost: BOOST,
      fuzzy: fuzziness,
      // As-you-type in the compose box: the last word may be unfinished.
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
      combineWith: 'OR',
    },
  });

const byDecidedOn = (a: Decision, b: Decision): number =>
  (a.decidedOn ?? '').localeCompare(b.decidedOn ?? '') || a.id.localeCompare(b.id);

/**
 * The in-memory search corpus: the latest version of every agenda item and decision, and the MiniSearch index of
 * their documents. Synchronous and single-owner; SearchIndex decides when to rebuild it.
 */
export class SearchCorpus {
  private readonly items = new Map<string, AgendaItem>();
  private readonly decisions = new Map<string, Decision>();
  private readonly decisionsByItem = new Map<string, Set<string>>();
  private readonly docs = new Map<string, SearchDocument>();
  private readonly mini = newMiniSearch();

  /** A corpus of these records, each document indexed once (a rebuild must not pay for replace-per-decision). */
  static of(items: Iterable<AgendaItem>, decisions: Iterable<Decision>): SearchCorpus {
    const corpus = new SearchCorpus();
    const steps = corpus.load(items, decisions);
    while (!steps.next().done);
    return corpus;
  }

  /**
   * The same as `of`, but hands the event loop back every `yieldEvery` documents: indexing thousands of documents
   * is ~1 s of CPU, and a rebuild in the background must not hold up other requests for all of it.
   */
  static async build(items: Iterable<AgendaItem>, decisions: Iterable<Decision>, yieldEvery = 200): Promise<SearchCorpus> {
    const corpus = new SearchCorpus();
    const steps = corpus.load(items, decisions);
    for (let indexed = 1; !steps.next().done; indexed += 1) {
      if (indexed % yieldEvery === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return corpus;
  }

  get documentCount(): number {
    return this.docs.size;
  }

  itemUpdatedAt(id: string): string | undefined {
    return this.items.get(id)?.updatedAt;
  }

  decisionUpdatedAt(id: string): string | undefined {
    return this.decisions.get(id)?.updatedAt;
  }

  upsertItem(item: AgendaItem): void {
    this.items.set(item.id, item);
    // Its decisions were standalone documents while the item was unknown; they now belong to the item's document.
    for (const decisionId of this.decisionsByItem.get(item.id) ?? []) this.drop(decisionDocumentId(decisionId));
    this.reindexItem(item.id);
  }

  removeItem(itemId: string): void {
    this.items.delete(itemId);
    this.drop(itemDocumentId(itemId));
    // A decision outlives its agenda item's removal and stays findable on its own.
    for (const decisionId of this.decisionsByItem.get(itemId) ?? []) this.placeDecision(decisionId);
  }

  upsertDecision(decision: Decision): void {
    const previousItemId = this.decisions.get(decision.id)?.agendaItemId;
    if (previousItemId !== undefined && previousItemId !== decision.agendaItemId) {
      this.decisionsByItem.get(previousItemId)?.delete(decision.id);
      this.reindexItem(previousItemId);
    }
    this.decisions.set(decision.id, decision);
    this.link(decision);
    this.placeDecision(decision.id);
  }

  removeDecision(decisionId: string): void {
    const decision = this.decisions.get(decisionId);
    if (!decision) return;
    this.decisions.delete(decisionId);
    this.drop(decisionDocumentId(decisionId));
    if (decision.agendaItemId !== undefined) {
      this.decisionsByItem.get(decision.agendaItemId)?.delete(decisionId);
      this.reindexItem(decision.agendaItemId);
    }
  }

  search(query: string, asker: Asker, options: SearchOptions = {}): SearchResult[] {
    if (termsOf(query).length === 0) return [];
    const { limit = 10, committeeId, minimumCoverage = 0 } = options;
    const queryWordCount = new Set(termsOf(query)).size;
    const hits = this.mini.search(query, {
      filter: (hit) => {
        const doc = this.docs.get(hit.id as string);
        return doc !== undefined && mayFind(asker, doc) && (committeeId === undefined || doc.committeeId === committeeId);
      },
    });
    const covered = hits
      .map((hit) => ({ hit, coverage: Math.min(1, new Set(hit.queryTerms).size / queryWordCount) }))
      .filter(({ coverage }) => coverage >= minimumCoverage);
    return covered.slice(0, limit).map(({ hit, coverage }) => {
      const doc = this.docs.get(hit.id as string)!;
      const decisionId = doc.decisionIds[doc.decisionIds.length - 1];
      return {
        kind: doc.kind,
        ...(doc.itemId !== undefined && { itemId: doc.itemId }),
        ...(decisionId !== undefined && { decisionId }),
        committeeId: doc.committeeId,
        title: doc.title,
        snippet: snippetFor(doc, hit.terms),
        score: hit.score,
        coverage,
      };
    });
  }

  /** Fills an empty corpus, pausing (a yield) after each document it indexes. */
  private *load(items: Iterable<AgendaItem>, decisions: Iterable<Decision>): Generator<void, void, undefined> {
    for (const item of items) this.items.set(item.id, item);
    for (const decision of decisions) {
      this.decisions.set(decision.id, decision);
      this.link(decision);
    }
    for (const id of this.items.keys()) {
      this.reindexItem(id);
      yield;
    }
    for (const decision of this.decisions.values()) {
      if (decision.agendaItemId === undefined || !this.items.has(decision.agendaItemId)) {
        this.put(decisionDocument(decision));
        yield;
      }
    }
  }

  private link(decision: Decision): void {
    if (decision.agendaItemId === undefined) return;
    const set = this.decisionsByItem.get(decision.agendaItemId) ?? new Set<string>();
    set.add(decision.id);
    this.decisionsByItem.set(decision.agendaItemId, set);
  }

  /** A decision is indexed with its agenda item when the item is known, else as its own document. */
  private placeDecision(decisionId: string): void {
    const decision = this.decisions.get(decisionId);
    if (!decision) return;
    if (decision.agendaItemId !== undefined && this.items.has(decision.agendaItemId)) {
      this.drop(decisionDocumentId(decisionId));
      this.reindexItem(decision.agendaItemId);
    } else {
      this.put(decisionDocument(decision));
    }
  }

  private reindexItem(itemId: string): void {
    const item = this.items.get(itemId);
    if (!item) return;
    const decisions = [...(this.decisionsByItem.get(itemId) ?? [])]
      .map((id) => this.decisions.get(id))
      .filter((d): d is Decision => d !== undefined)
      .sort(byDecidedOn);
    this.put(itemDocument(item, decisions));
  }

  private put(doc: SearchDocument): void {
    if (this.mini.has(doc.id)) this.mini.replace(doc);
    else this.mini.add(doc);
    this.docs.set(doc.id, doc);
  }

  private drop(docId: string): void {
    if (this.mini.has(docId)) this.mini.discard(docId);
    this.docs.delete(docId);
  }
}
