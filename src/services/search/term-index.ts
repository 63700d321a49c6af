import { TermDictionary } from './term-dictionary';

/**
 * The inverted index behind search: for every term, the documents that have it and how strongly (BM25F over weighted
 * fields), in typed arrays. The term dictionary is MiniSearch's radix tree (minisearch/SearchableMap) kept in arrays
 * (term-dictionary.ts), which does the hard part: exact, prefix and typo-tolerant (Levenshtein) lookups of terms.
 *
 * Scoring is BM25F (Robertson, Zaragoza and Taylor, 2004): per term, idf times a saturated sum of the document's
 * field-weighted, length-normalised frequencies.
 *
 * Why not MiniSearch's index itself: it keeps a JavaScript Map entry for every (term, field, document), about 50
 * bytes each. A council's 20,000 items with their minutes have some two million term-document pairs, which would be
 * about 100 MB of heap, built in 4-7 s, and its result objects for common words made a question's p99 several times
 * the 50 ms target (docs/BENCHMARKS.md section 1). Here a pair costs 8 bytes (document, weight, fields), a question
 * adds up into a reused array, and the build is a sort.
 *
 * Two segments, as search engines keep them: a frozen one (compressed sparse rows: per term, a slice of documents in
 * order) built in one go, and an open one for documents added since, merged in by the next freeze. A removed
 * document is marked deleted and left out of answers at once, and out of the arrays at the next freeze.
 */

export interface TermIndexOptions {
  /** Field names, in the order of the bits of a posting's field mask (at most 16). */
  readonly fields: readonly string[];
  /** Each field's weight in the score. */
  readonly boosts: readonly number[];
}

/** One way a question's term is found in the index: itself, a typo of it, or a word it begins. */
export interface Variant {
  readonly termId: number;
  readonly term: string;
  /** 1 for the term itself, less for a prefix or a typo (as MiniSearch weighs them). */
  readonly weight: number;
  readonly exact: boolean;
}

export interface VariantOptions {
  /** Edits allowed for a term the dictionary does not have (0: none). */
  readonly fuzzy: (term: string) => number;
  /** Whether this term may stand for longer words it begins. */
  readonly prefix: (term: string) => boolean;
}

/** What a search adds up, per document, in arrays the index reuses: read them before the next search. */
export interface Accumulated {
  /** Document numbers with a score, each once. */
  readonly touched: readonly number[];
  readonly scores: Float64Array;
  /** Bit i: question term i matched (any variant). */
  readonly matched: Uint32Array;
  /** Bit i: question term i matched as itself. */
  readonly exact: Uint32Array;
}

// BM25F: a term's frequencies in a document's fields, each weighted by the field's boost and normalised by its
// length, add up before they saturate, so that a word repeated in five fields does not count five times; with
// BM25+'s lower bound, as MiniSearch uses it.
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
const saturate = (pseudoFrequency: number): number => (pseudoFrequency * (K1 + 1)) / (pseudoFrequency + K1) + DELTA;
/** Weights are stored as 1/256ths in 16 bits: precise to 0.004, up to 255. */
const WEIGHT_SCALE = 256;
const MAX_WEIGHT = 0xffff;

/**
 * A frozen index as plain data (typed arrays and strings), to persist and load again (search-snapshot.ts): the term
 * dictionary is given as its terms in id order and rebuilt on load.
 */
export interface TermIndexSnapshot {
  readonly fields: readonly string[];
  readonly terms: readonly string[];
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly weights: Uint16Array;
  readonly masks: Uint16Array;
  /** Document ids by number; '' for a number whose document was removed. */
  readonly ids: readonly string[];
  readonly lengths: Uint16Array;
  readonly totalLengths: readonly number[];
}

const grow = <A extends Uint16Array | Uint32Array | Int32Array | Uint8Array | Float64Array>(array: A, size: number, make: (n: number) => A): A => {
  if (array.length >= size) return array;
  const bigger = make(Math.max(size, array.length * 2, 64));
  bigger.set(array);
  return bigger;
};

/** The end of a term's chain of open postings. */
const NONE = -1;
const noneFilled = (n: number): Int32Array => new Int32Array(n).fill(NONE);

/**
 * The array in a buffer of its own. v8.deserialize makes typed arrays that are views into the bytes deserialised:
 * kept as they are, any one of them keeps all of those bytes (the whole snapshot, 40 MB at 20,000 items) alive.
 */
export const ownCopy = <A extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: A): A =>
  (array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : array.slice()) as A;

export class TermIndex {
  /** For typos and prefixes; exact lookups, most of them, go to `ids` (a Map is several times faster). */
  private readonly dictionary = new TermDictionary();
  private readonly termIds = new Map<string, number>();
  private readonly termsById: string[] = [];
  /**
   * Scratch for add(), by term id: the term's frequency in the field being added, and the terms it has so far in the
   * order they first came. Counting on an array by id looks each token up once (in `termIds`); a Map of
   * frequencies by term hashed every token a second time, and with the open segment's Map of lists made add() a
   * fifth of a full build's time (profiled at 20,000 items).
   */
  private fieldFrequencies = new Uint32Array(0);
  private readonly fieldTerms: number[] = [];
  private readonly fieldCount: number;

  // The frozen segment: postings of term t are [offsets[t], offsets[t + 1]), documents in increasing order.
  private offsets: Uint32Array = new Uint32Array(1);
  private docs: Uint32Array = new Uint32Array(0);
  private weights: Uint16Array = new Uint16Array(0);
  private masks: Uint16Array = new Uint16Array(0);
  private frozenTerms = 0;
  /**
   * The open segment: postings (term, document, field, term frequency) in flat arrays in the order added, grown by
   * doubling, where a list per term (a Map of arrays) made millions of short-lived objects in a full build, and most
   * of its garbage collection.
   */
  private openTerms = new Uint32Array(0);
  private openDocs = new Uint32Array(0);
  private openFields = new Uint8Array(0);
  private openFrequencies = new Uint32Array(0);
  private openPostings = 0;
  /**
   * For searches, each term's open postings chained from its first to its last through `openNext` (so in the order
   * added, a document's fields together), up to posting `chained`. Linked when a search first needs them (chainOpen),
   * not as postings are added: a full build is not searched before it freezes, and linking its millions of postings,
   * each a jump to its term's last, was a cache miss per posting for nothing.
   */
  private openNext = new Int32Array(0);
  private chained = 0;
  // By term id: its first and last chained postings (NONE: none), and how many documents they are of.
  private openFirst = noneFilled(0);
  private openLast = noneFilled(0);
  private openDocCounts = new Uint32Array(0);

  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  private deleted = new Uint8Array(0);
  /** Whether a document was removed since the last freeze (which then has postings to drop). */
  private removedSinceFreeze = false;
  private liveCount = 0;
  /** Per document and field, its length in terms (for BM25's length normalisation). */
  private lengths: Uint16Array = new Uint16Array(0);
  private readonly totalLengths: number[];

  // Scratch for searches, grown with the documents.
  private scores = new Float64Array(0);
  private best = new Float64Array(0);
  private docBest = new Float64Array(0);
  private matchedBits = new Uint32Array(0);
  private exactBits = new Uint32Array(0);

  constructor(private readonly options: TermIndexOptions) {
    if (options.fields.length > 16) throw new Error('at most 16 fields');
    this.fieldCount = options.fields.length;
    this.totalLengths = options.fields.map(() => 0);
  }

  /** Documents in the index (removed ones not counted). */
  get documentCount(): number {
    return this.liveCount;
  }

  /** Document numbers ever given (removed included): the size of per-document arrays. */
  get documentSlots(): number {
    return this.ids.length;
  }

  /** Distinct terms ever indexed. */
  get termCount(): number {
    return this.termsById.length;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(docNumber: number): string {
    return this.ids[docNumber]!;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  term(termId: number): string {
    return this.termsById[termId]!;
  }

  /** Adds a document (an id already indexed is replaced); its fields' terms must already be processed. */
  add(id: string, fields: Readonly<Partial<Record<string, readonly string[]>>>): number {
    if (this.numbers.has(id)) this.remove(id);
    const doc = this.ids.length;
    this.ids.push(id);
    this.numbers.set(id, doc);
    this.liveCount += 1;
    this.deleted = grow(this.deleted, doc + 1, (n) => new Uint8Array(n));
    this.lengths = grow(this.lengths, (doc + 1) * this.fieldCount, (n) => new Uint16Array(n));
    for (let f = 0; f < this.fieldCount; f += 1) {
      const terms = fields[this.options.fields[f]!] ?? [];
      const length = Math.min(terms.length, 0xffff);
      this.lengths[doc * this.fieldCount + f] = length;
      this.totalLengths[f]! += length;
      // Terms are numbered, and posted, in the order they first come (the dictionary's order decides ties).
      for (const term of terms) {
        const termId = this.termIds.get(term) ?? this.newTerm(term);
        const before = this.fieldFrequencies[termId]!;
        this.fieldFrequencies[termId] = before + 1;
        if (before === 0) this.fieldTerms.push(termId);
      }
      for (const termId of this.fieldTerms) {
        this.post(termId, doc, f, this.fieldFrequencies[termId]!);
        this.fieldFrequencies[termId] = 0;
      }
      this.fieldTerms.length = 0;
    }
    return doc;
  }

  private newTerm(term: string): number {
    const termId = this.termsById.length;
    this.termsById.push(term);
    this.termIds.set(term, termId);
    this.dictionary.set(term, termId);
    this.makeRoomForTerms(termId + 1);
    return termId;
  }

  /** Grows the arrays by term id to hold this many terms. */
  private makeRoomForTerms(count: number): void {
    this.fieldFrequencies = grow(this.fieldFrequencies, count, (n) => new Uint32Array(n));
    this.openFirst = grow(this.openFirst, count, noneFilled);
    this.openLast = grow(this.openLast, count, noneFilled);
    this.openDocCounts = grow(this.openDocCounts, count, (n) => new Uint32Array(n));
  }

  /** Adds a posting to the open segment. */
  private post(termId: number, doc: number, field: number, frequency: number): void {
    const p = this.openPostings;
    this.openPostings += 1;
    if (p >= this.openDocs.length) {
      this.openTerms = grow(this.openTerms, p + 1, (n) => new Uint32Array(n));
      this.openDocs = grow(this.openDocs, p + 1, (n) => new Uint32Array(n));
      this.openFields = grow(this.openFields, p + 1, (n) => new Uint8Array(n));
      this.openFrequencies = grow(this.openFrequencies, p + 1, (n) => new Uint32Array(n));
    }
    this.openTerms[p] = termId;
    this.openDocs[p] = doc;
    this.openFields[p] = field;
    this.openFrequencies[p] = frequency;
  }

  /** Links the open postings added since the last search into their terms' chains (see `openNext`). */
  private chainOpen(): void {
    if (this.chained === this.openPostings) return;
    this.openNext = grow(this.openNext, this.openPostings, (n) => new Int32Array(n));
    const { openTerms, openDocs, openNext, openFirst, openLast, openDocCounts } = this;
    for (let p = this.chained; p < this.openPostings; p += 1) {
      const termId = openTerms[p]!;
      const last = openLast[termId]!;
      openNext[p] = NONE;
      if (last === NONE) openFirst[termId] = p;
      else openNext[last] = p;
      openLast[termId] = p;
      if (last === NONE || openDocs[last] !== openDocs[p]) openDocCounts[termId]! += 1;
    }
    this.chained = this.openPostings;
  }

  /**
   * Empties the open segment (a freeze has merged it in). Its arrays go too: after a full build they hold millions of
   * postings, and the few that single writes add later grow them again in a few doublings.
   */
  private clearOpen(): void {
    this.openTerms = new Uint32Array(0);
    this.openDocs = new Uint32Array(0);
    this.openFields = new Uint8Array(0);
    this.openFrequencies = new Uint32Array(0);
    this.openNext = new Int32Array(0);
    this.openPostings = 0;
    this.chained = 0;
    this.openFirst.fill(NONE);
    this.openLast.fill(NONE);
    this.openDocCounts.fill(0);
  }

  /** Leaves the document out of every answer from now on. */
  remove(id: string): void {
    const doc = this.numbers.get(id);
    if (doc === undefined) return;
    this.numbers.delete(id);
    this.deleted[doc] = 1;
    this.removedSinceFreeze = true;
    this.liveCount -= 1;
    for (let f = 0; f < this.fieldCount; f += 1) this.totalLengths[f]! -= this.lengths[doc * this.fieldCount + f]!;
  }

  /** The index as plain data; freezes first, so that everything is in the arrays. */
  snapshot(): TermIndexSnapshot {
    this.freeze();
    return {
      fields: this.options.fields,
      terms: this.termsById,
      offsets: this.offsets,
      docs: this.docs,
      weights: this.weights,
      masks: this.masks,
      ids: this.ids.map((id, doc) => (this.deleted[doc] ? '' : id)),
      lengths: this.lengths.slice(0, this.ids.length * this.fieldCount),
      totalLengths: this.totalLengths,
    };
  }

  /** An index as it was snapshotted, with these weights for its fields (which must be the same fields). */
  static fromSnapshot(snapshot: TermIndexSnapshot, options: TermIndexOptions): TermIndex {
    if (snapshot.fields.join() !== options.fields.join()) throw new Error('the snapshot indexes other fields');
    const index = new TermIndex(options);
    snapshot.terms.forEach((term, termId) => {
      index.termsById.push(term);
      index.termIds.set(term, termId);
      index.dictionary.set(term, termId);
    });
    index.dictionary.trim();
    index.makeRoomForTerms(snapshot.terms.length);
    index.offsets = ownCopy(snapshot.offsets);
    index.docs = ownCopy(snapshot.docs);
    index.weights = ownCopy(snapshot.weights);
    index.masks = ownCopy(snapshot.masks);
    index.frozenTerms = snapshot.terms.length;
    index.deleted = new Uint8Array(snapshot.ids.length);
    snapshot.ids.forEach((id, doc) => {
      index.ids.push(id);
      if (id === '') index.deleted[doc] = 1;
      else {
        index.numbers.set(id, doc);
        index.liveCount += 1;
      }
    });
    index.lengths = ownCopy(snapshot.lengths);
    snapshot.totalLengths.forEach((total, f) => {
      index.totalLengths[f] = total;
    });
    return index;
  }

  /** Postings waiting in the open segment (a freeze is worth it when there are many). */
  get openSize(): number {
    return this.openPostings;
  }

  /**
   * Merges the open segment into a new frozen one, dropping removed documents, with every weight computed from the
   * final field lengths (so a full build weighs its first documents like its last).
   */
  freeze(): void {
    // Nothing to merge and nothing to drop: the arrays are already what a freeze would make (snapshot() freezes a
    // corpus its build has just frozen; copying its millions of postings again was work for nothing).
    if (this.openPostings === 0 && !this.removedSinceFreeze) return;
    const averages = this.averageLengths();
    const terms = this.termsById.length;
    const { openTerms, openDocs, openFields, openFrequencies, openPostings, deleted } = this;
    // A counting sort of the open postings by term, read in the order added: a term's documents come in increasing
    // order, a document's fields together. Read that way, not term by term as a search follows them, because after a
    // full build that jumps all over arrays of millions of postings, where this reads them in order and writes each
    // term's postings one after the other.
    const lastDoc = noneFilled(terms);
    // Sizes first, then fill: one allocation of each array.
    const offsets = new Uint32Array(terms + 1);
    for (let t = 0; t < this.frozenTerms; t += 1) {
      for (let q = this.offsets[t]!; q < this.offsets[t + 1]!; q += 1) if (!deleted[this.docs[q]!]) offsets[t + 1]! += 1;
    }
    for (let p = 0; p < openPostings; p += 1) {
      const [t, doc] = [openTerms[p]!, openDocs[p]!];
      if (doc === lastDoc[t]) continue;
      lastDoc[t] = doc;
      if (!deleted[doc]) offsets[t + 1]! += 1;
    }
    for (let t = 0; t < terms; t += 1) offsets[t + 1]! += offsets[t]!;
    const size = offsets[terms]!;
    const docs = new Uint32Array(size);
    const weights = new Uint16Array(size);
    const masks = new Uint16Array(size);
    /** By term: where its next posting goes; after the frozen ones, where its open ones start. */
    const next = offsets.slice(0, terms);
    for (let t = 0; t < this.frozenTerms; t += 1) {
      for (let q = this.offsets[t]!; q < this.offsets[t + 1]!; q += 1) {
        if (deleted[this.docs[q]!]) continue;
        const p = next[t]!;
        docs[p] = this.docs[q]!;
        weights[p] = this.weights[q]!;
        masks[p] = this.masks[q]!;
        next[t] = p + 1;
      }
    }
    const openStarts = next.slice();
    // A document's fields' weighted frequencies add up (in field order) before they saturate (BM25F).
    const pseudo = new Float64Array(size);
    lastDoc.fill(NONE);
    for (let q = 0; q < openPostings; q += 1) {
      const [t, doc, field] = [openTerms[q]!, openDocs[q]!, openFields[q]!];
      if (deleted[doc]) continue;
      const frequency = this.weightedFrequency(doc, field, openFrequencies[q]!, averages);
      if (doc === lastDoc[t]) {
        const p = next[t]! - 1;
        masks[p]! |= 1 << field;
        pseudo[p]! += frequency;
        continue;
      }
      lastDoc[t] = doc;
      const p = next[t]!;
      docs[p] = doc;
      masks[p] = 1 << field;
      pseudo[p] = frequency;
      next[t] = p + 1;
    }
    for (let t = 0; t < terms; t += 1) {
      for (let p = openStarts[t]!; p < offsets[t + 1]!; p += 1) weights[p] = Math.min(MAX_WEIGHT, Math.round(saturate(pseudo[p]!) * WEIGHT_SCALE));
    }
    this.offsets = offsets;
    this.docs = docs;
    this.weights = weights;
    this.masks = masks;
    this.frozenTerms = terms;
    this.removedSinceFreeze = false;
    this.clearOpen();
  }

  /** How many live documents have the term (deleted ones are counted until the next freeze). */
  documentFrequency(termId: number): number {
    this.chainOpen();
    const frozen = termId < this.frozenTerms ? this.offsets[termId + 1]! - this.offsets[termId]! : 0;
    return frozen + this.openDocCounts[termId]!;
  }

  /** The terms of the dictionary that stand for a question's term: itself, or its typos and the words it begins. */
  variants(term: string, options: VariantOptions): Variant[] {
    const exactId = this.termIds.get(term);
    const found = new Map<number, Variant>();
    if (exactId !== undefined) found.set(exactId, { termId: exactId, term, weight: 1, exact: true });
    const edits = exactId === undefined ? options.fuzzy(term) : 0;
    if (edits > 0) {
      for (const [other, [termId, distance]] of this.dictionary.fuzzyGet(term, edits)) {
        if (!found.has(termId)) found.set(termId, { termId, term: other, weight: (0.45 * other.length) / (other.length + distance), exact: false });
      }
    }
    if (options.prefix(term)) {
      for (const [other, termId] of this.dictionary.atPrefix(term)) {
        if (found.has(termId)) continue;
        const extra = other.length - term.length;
        found.set(termId, { termId, term: other, weight: (0.375 * other.length) / (other.length + 0.3 * extra), exact: false });
      }
    }
    return [...found.values()];
  }

  /**
   * Adds up the score of every document for a question's terms (each with its variants): the sum over terms of the
   * best of idf x the document's BM25F weight x the variant's weight. With `fieldMask`, only postings in those fields
   * count. With `groupOf`, documents add up by group (an item with its decisions): per term, the group's best
   * document, or with `within: 'sum'` the sum of its documents' scores. Question terms past the 32nd are scored but
   * not tracked in the masks.
   */
  accumulate(termVariants: readonly (readonly Variant[])[], fieldMask = 0xffff, groupOf?: ArrayLike<number>, within: 'best' | 'sum' = 'best'): Accumulated {
    this.scores = grow(this.scores, this.ids.length, (n) => new Float64Array(n));
    this.best = grow(this.best, this.ids.length, (n) => new Float64Array(n));
    this.docBest = grow(this.docBest, this.ids.length, (n) => new Float64Array(n));
    this.matchedBits = grow(this.matchedBits, this.ids.length, (n) => new Uint32Array(n));
    this.exactBits = grow(this.exactBits, this.ids.length, (n) => new Uint32Array(n));
    const { scores, best, docBest, matchedBits, exactBits } = this;
    this.chainOpen();
    const touched: number[] = [];
    const averages = this.averageLengths();
    const n = Math.max(1, this.liveCount);
    termVariants.forEach((variants, i) => {
      const bit = i < 32 ? 1 << i : 0;
      // Per question term, a document counts its best variant once: a record that has both "safety" and "safer" for
      // "saftey" is not matched twice. A group takes its best document, or (`within: 'sum'`) the sum of its documents'.
      const touchedByTerm: number[] = [];
      const summing = groupOf !== undefined && within === 'sum';
      const docsByTerm: number[] = [];
      for (const v of variants) {
        const df = this.documentFrequency(v.termId);
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const visit = (doc: number, weight: number): void => {
          if (this.deleted[doc]) return;
          const at = groupOf ? groupOf[doc]! : doc;
          const score = idf * weight * v.weight;
          if (scores[at] === 0 && matchedBits[at] === 0 && best[at] === 0) touched.push(at);
          if (best[at] === 0) touchedByTerm.push(at);
          if (summing) {
            // The group's sum of each document's best variant.
            const before = docBest[doc]!;
            if (before === 0) docsByTerm.push(doc);
            if (score > before) {
              docBest[doc] = score;
              best[at]! += score - before;
            }
          } else best[at] = Math.max(best[at]!, score);
          matchedBits[at]! |= bit;
          if (v.exact) exactBits[at]! |= bit;
        };
        if (v.termId < this.frozenTerms) {
          for (let p = this.offsets[v.termId]!; p < this.offsets[v.termId + 1]!; p += 1) {
            if (this.masks[p]! & fieldMask) visit(this.docs[p]!, this.weights[p]! / WEIGHT_SCALE);
          }
        }
        // A document's fields are together in the term's open postings: their frequencies add up before saturating (BM25F).
        for (let q = this.openFirst[v.termId]!; q !== NONE;) {
          const doc = this.openDocs[q]!;
          let [pseudo, inMask] = [0, false];
          for (; q !== NONE && this.openDocs[q] === doc; q = this.openNext[q]!) {
            pseudo += this.weightedFrequency(doc, this.openFields[q]!, this.openFrequencies[q]!, averages);
            if ((1 << this.openFields[q]!) & fieldMask) inMask = true;
          }
          if (inMask) visit(doc, saturate(pseudo));
        }
      }
      for (const at of touchedByTerm) {
        scores[at]! += best[at]!;
        best[at] = 0;
      }
      for (const doc of docsByTerm) docBest[doc] = 0;
    });
    return { touched, scores, matched: matchedBits, exact: exactBits };
  }


  /** Clears what accumulate() added up (only where it touched). */
  clear(accumulated: Accumulated): void {
    for (const doc of accumulated.touched) {
      this.scores[doc] = 0;
      this.matchedBits[doc] = 0;
      this.exactBits[doc] = 0;
    }
  }

  /** Whether the document has the term (in any field, or in `fieldMask`). */
  contains(termId: number, doc: number, fieldMask = 0xffff): boolean {
    this.chainOpen();
    if (termId < this.frozenTerms) {
      let [lo, hi] = [this.offsets[termId]!, this.offsets[termId + 1]! - 1];
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const d = this.docs[mid]!;
        if (d === doc) return (this.masks[mid]! & fieldMask) !== 0;
        if (d < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    for (let q = this.openFirst[termId]!; q !== NONE; q = this.openNext[q]!) {
      if (this.openDocs[q] === doc && ((1 << this.openFields[q]!) & fieldMask)) return true;
    }
    return false;
  }

  private averageLengths(): number[] {
    const n = Math.max(1, this.liveCount);
    return this.totalLengths.map((total) => Math.max(1, total / n));
  }

  /** A field's term frequency, weighted by the field's boost and normalised by its length (BM25F). */
  private weightedFrequency(doc: number, field: number, tf: number, averages: readonly number[]): number {
    const length = this.lengths[doc * this.fieldCount + field]!;
    return (this.options.boosts[field]! * tf) / (1 - B + (B * length) / averages[field]!);
  }
}
