/**
 * Which pairs of neighbouring terms a record has, as a Bloom filter: about 10 bits a pair, so a record with
 * 300 pairs costs ~380 bytes where keeping its text would cost kilobytes. A phrase of a question is in a record when
 * each of its neighbouring pairs is ("impact on armed forces" -> (impact, arm), (arm, forc)); a Bloom filter can say
 * yes wrongly (about 1% of pairs at this size, far less for two pairs together) but never no wrongly.
 */
const BITS_PER_PAIR = 10;
const HASHES = 4;

/** FNV-1a, 32 bits. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

// Two independent hashes of the pair (a, b), for double hashing, from the terms' own hashes.
const firstHash = (ha: number, hb: number): number => (Math.imul(ha ^ 0x9e3779b9, 0x85ebca6b) ^ hb) >>> 0;
const secondHash = (ha: number, hb: number): number => (Math.imul(hb ^ 0xc2b2ae35, 0x27d4eb2f) ^ Math.imul(ha, 0x165667b1)) | 1;
const pairHashes = (a: string, b: string): [number, number] => {
  const [ha, hb] = [fnv1a(a), fnv1a(b)];
  return [firstHash(ha, hb), secondHash(ha, hb)];
};

const bitsOf = (h1: number, h2: number, bits: number, visit: (bit: number) => void): void => {
  for (let i = 0; i < HASHES; i += 1) visit(((h1 + Math.imul(i, h2)) >>> 0) % bits);
};

/** Collects a record's pairs (analyse() calls `add` for each), then makes its filter. */
export class PairCollector {
  private readonly hashes: number[] = [];
  // Text gives pairs in a chain, (a, b) then (b, c): the hash of the last pair's second term is the next one's first.
  private lastTerm: string | undefined;
  private lastHash = 0;
  readonly add = (a: string, b: string): void => {
    const ha = a === this.lastTerm ? this.lastHash : fnv1a(a);
    const hb = fnv1a(b);
    this.hashes.push(firstHash(ha, hb), secondHash(ha, hb));
    [this.lastTerm, this.lastHash] = [b, hb];
  };

  filter(): Uint8Array {
    const pairs = this.hashes.length / 2;
    const bytes = Math.max(8, Math.ceil((pairs * BITS_PER_PAIR) / 8));
    const filter = new Uint8Array(bytes);
    for (let i = 0; i < this.hashes.length; i += 2) {
      bitsOf(this.hashes[i]!, this.hashes[i + 1]!, bytes * 8, (bit) => {
        filter[bit >>> 3]! |= 1 << (bit & 7);
      });
    }
    return filter;
  }
}

/** Whether the record may have `a` followed by `b` (never false when it has). */
export const hasPair = (filter: Uint8Array, a: string, b: string): boolean => hasPairAt(filter, 0, filter.length, a, b);

/** hasPair for the filter at bytes [start, start + length). */
const hasPairAt = (bytes: Uint8Array, start: number, length: number, a: string, b: string): boolean => {
  if (length === 0) return false;
  const [h1, h2] = pairHashes(a, b);
  let all = true;
  bitsOf(h1, h2, length * 8, (bit) => {
    if ((bytes[start + (bit >>> 3)]! & (1 << (bit & 7))) === 0) all = false;
  });
  return all;
};

/** PairFilters as plain data (search-snapshot.ts): the filters end to end, and where each document's starts and ends. */
export interface PairFiltersSnapshot {
  readonly bytes: Uint8Array;
  /** By document number: its filter is bytes [starts[doc], starts[doc + 1]) (empty for a document with none). */
  readonly starts: Uint32Array;
}

/**
 * Every document's pair filter in one array, by document number. A filter of its own per record (a Uint8Array, an
 * ArrayBuffer and a separate allocation each, some 150 bytes before its ~400 of bits) was 36,000 objects at 20,000
 * items. A document written again gets a new filter at the end; its old one stays, unused, until the next rebuild
 * (as a removed document's postings stay in the term index's arrays until it freezes).
 */
export class PairFilters {
  private bytes: Uint8Array = new Uint8Array(0);
  private size = 0;
  /** By document number: where its filter starts and ends in `bytes` (0, 0: none). */
  private starts: Uint32Array = new Uint32Array(0);
  private ends: Uint32Array = new Uint32Array(0);

  set(doc: number, filter: Uint8Array): void {
    if (this.size + filter.length > this.bytes.length) this.bytes = grown(this.bytes, this.size + filter.length);
    if (doc >= this.starts.length) {
      this.starts = grown(this.starts, doc + 1);
      this.ends = grown(this.ends, doc + 1);
    }
    this.bytes.set(filter, this.size);
    this.starts[doc] = this.size;
    this.size += filter.length;
    this.ends[doc] = this.size;
  }

  /** Whether the document may have `a` followed by `b` (never false when it has; false for a document with none). */
  has(doc: number, a: string, b: string): boolean {
    if (doc >= this.starts.length) return false;
    return hasPairAt(this.bytes, this.starts[doc]!, this.ends[doc]! - this.starts[doc]!, a, b);
  }

  /** The filters of documents 0 to documents - 1, with no unused bytes between them. */
  snapshot(documents: number): PairFiltersSnapshot {
    const starts = new Uint32Array(documents + 1);
    for (let doc = 0; doc < documents; doc += 1) starts[doc + 1] = starts[doc]! + this.lengthOf(doc);
    const bytes = new Uint8Array(starts[documents]!);
    for (let doc = 0; doc < documents; doc += 1) bytes.set(this.bytes.subarray(this.starts[doc], this.ends[doc]), starts[doc]);
    return { bytes, starts };
  }

  static fromSnapshot(snapshot: PairFiltersSnapshot): PairFilters {
    const filters = new PairFilters();
    const documents = snapshot.starts.length - 1;
    filters.bytes = snapshot.bytes;
    filters.size = snapshot.bytes.length;
    filters.starts = snapshot.starts.slice(0, documents);
    filters.ends = snapshot.starts.slice(1);
    return filters;
  }

  private lengthOf(doc: number): number {
    return doc < this.starts.length ? this.ends[doc]! - this.starts[doc]! : 0;
  }
}

/** A copy at least `size` long (doubling, so that appends cost amortised constant time). */
const grown = <A extends Uint8Array | Uint32Array>(array: A, size: number): A => {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(size, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
};
