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

/** Two independent hashes of the pair (a, b), for double hashing. */
const pairHashes = (a: string, b: string): [number, number] => {
  const [ha, hb] = [fnv1a(a), fnv1a(b)];
  const h1 = (Math.imul(ha ^ 0x9e3779b9, 0x85ebca6b) ^ hb) >>> 0;
  const h2 = (Math.imul(hb ^ 0xc2b2ae35, 0x27d4eb2f) ^ Math.imul(ha, 0x165667b1)) | 1;
  return [h1, h2];
};

const bitsOf = (h1: number, h2: number, bits: number, visit: (bit: number) => void): void => {
  for (let i = 0; i < HASHES; i += 1) visit(((h1 + Math.imul(i, h2)) >>> 0) % bits);
};

/** Collects a record's pairs (analyse() calls `add` for each), then makes its filter. */
export class PairCollector {
  private readonly hashes: number[] = [];
  readonly add = (a: string, b: string): void => {
    const [h1, h2] = pairHashes(a, b);
    this.hashes.push(h1, h2);
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
export const hasPair = (filter: Uint8Array, a: string, b: string): boolean => {
  const [h1, h2] = pairHashes(a, b);
  let all = true;
  bitsOf(h1, h2, filter.length * 8, (bit) => {
    if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) all = false;
  });
  return all;
};
