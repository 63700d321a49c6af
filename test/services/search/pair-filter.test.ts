import { hasPair, PairCollector, PairFilters } from '../../../src/services/search/pair-filter';
import { analyse } from '../../../src/services/search/text';

const filterOf = (text: string): Uint8Array => {
  const pairs = new PairCollector();
  analyse(text, pairs.add);
  return pairs.filter();
};

describe('pair filter', () => {
  it('never says no to a pair the text has', () => {
    const text = 'Members asked that the impact on armed forces applicants be monitored and reported to the Scrutiny Committee annually.';
    const filter = filterOf(text);
    const seen: [string, string][] = [];
    analyse(text, (a, b) => seen.push([a, b]));
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const [a, b] of seen) expect(hasPair(filter, a, b)).toBe(true);
  });

  it('rarely says yes to a pair the text does not have', () => {
    const filter = filterOf('Members asked that the impact on armed forces applicants be monitored.');
    const absent = Array.from({ length: 1000 }, (_, i) => hasPair(filter, `word${i}`, `other${i}`)).filter(Boolean).length;
    expect(absent).toBeLessThan(50);
    expect(hasPair(filter, 'forc', 'arm')).toBe(false); // order counts
  });
});

describe('PairFilters (every record\'s filter in one array)', () => {
  const texts = ['impact on armed forces applicants', 'community safety partnership plan', 'damp and mould in council flats'];
  const pairsOf = (text: string): [string, string][] => {
    const seen: [string, string][] = [];
    analyse(text, (a, b) => seen.push([a, b]));
    return seen;
  };

  it('answers for each document as its own filter does, and no for a document with none', () => {
    const filters = new PairFilters();
    texts.forEach((text, doc) => filters.set(doc * 2, filterOf(text)));
    texts.forEach((text, doc) => {
      for (const [a, b] of pairsOf(text)) expect(filters.has(doc * 2, a, b)).toBe(true);
    });
    expect(filters.has(0, 'forc', 'arm')).toBe(false);
    expect(filters.has(1, 'impact', 'on')).toBe(false); // no filter of its own
    expect(filters.has(99, 'impact', 'on')).toBe(false);
  });

  it('answers with the newest filter of a document written again, and the same after a snapshot', () => {
    const filters = new PairFilters();
    filters.set(0, filterOf(texts[0]!));
    filters.set(1, filterOf(texts[1]!));
    filters.set(0, filterOf(texts[2]!));
    const loaded = PairFilters.fromSnapshot(filters.snapshot(3));
    for (const f of [filters, loaded]) {
      for (const [a, b] of pairsOf(texts[2]!)) expect(f.has(0, a, b)).toBe(true);
      for (const [a, b] of pairsOf(texts[1]!)) expect(f.has(1, a, b)).toBe(true);
      expect(f.has(0, 'arm', 'forc')).toBe(false);
      expect(f.has(2, 'damp', 'mould')).toBe(false);
    }
    // The snapshot keeps only the filters in use.
    expect(filters.snapshot(3).bytes.length).toBe(filterOf(texts[2]!).length + filterOf(texts[1]!).length);
  });
});
