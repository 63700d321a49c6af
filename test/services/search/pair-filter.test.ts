import { hasPair, PairCollector } from '../../../src/services/search/pair-filter';
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
