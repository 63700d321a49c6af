import SearchableMap from 'minisearch/SearchableMap';
import { TermDictionary } from '../../../src/services/search/term-dictionary';

/**
 * The dictionary must find what MiniSearch's SearchableMap finds, in its order (the order decides ties between equal
 * scores and which word a suggestion offers): both are built from the same terms and asked the same things.
 */
const seeded = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
};

const termsFor = (random: () => number, count: number): string[] => {
  const stems = ['hous', 'housing', 'hold', 'council', 'counsel', 'count', 'cabinet', 'car', 'cat', 'cart', 'safe', 'safeti', 'strateg', 'plan', 'planning', 'a', 'ab'];
  const letters = 'abcdefghilmnorstu';
  const terms = new Set<string>();
  while (terms.size < count) {
    const stem = stems[Math.floor(random() * stems.length)]!;
    const cut = Math.floor(random() * (stem.length + 1));
    let term = stem.slice(0, Math.max(1, cut));
    for (let k = Math.floor(random() * 4); k > 0; k -= 1) term += letters[Math.floor(random() * letters.length)];
    terms.add(term);
  }
  return [...terms];
};

const both = (terms: readonly string[]): { dictionary: TermDictionary; reference: SearchableMap<number> } => {
  const dictionary = new TermDictionary();
  const reference = new SearchableMap<number>();
  terms.forEach((term, id) => {
    dictionary.set(term, id);
    reference.set(term, id);
  });
  return { dictionary, reference };
};

describe('TermDictionary (SearchableMap in arrays)', () => {
  it('finds the same terms as SearchableMap, in the same order, by typo and by prefix', () => {
    const random = seeded(16);
    const terms = termsFor(random, 3000);
    const { dictionary, reference } = both(terms);
    dictionary.trim();
    const queries = [...terms.slice(0, 150), ...termsFor(seeded(7), 150), 'x', 'zzz', 'housin', 'counc', 'cabnet', 'ca', 'c'];
    let found = 0;
    for (const query of queries) {
      for (const distance of [1, 2]) {
        const ours = [...dictionary.fuzzyGet(query, distance)];
        expect(ours).toEqual([...reference.fuzzyGet(query, distance)]);
        found += ours.length;
      }
      for (const prefix of [query, query.slice(0, 2), query.slice(0, 3), `${query}s`]) {
        expect(dictionary.atPrefix(prefix)).toEqual([...reference.atPrefix(prefix)]);
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('keeps finding as SearchableMap does as terms are added after a trim, and splits move edges last', () => {
    const terms = ['carpet', 'cat', 'car', 'dog', 'ca', 'cart', 'doge', 'd', 'cattle', 'catalogue'];
    const { dictionary, reference } = both(terms.slice(0, 5));
    dictionary.trim();
    terms.slice(5).forEach((term, i) => {
      dictionary.set(term, 5 + i);
      reference.set(term, 5 + i);
    });
    for (const prefix of ['c', 'ca', 'car', 'cat', 'd', 'do', 'x']) expect(dictionary.atPrefix(prefix)).toEqual([...reference.atPrefix(prefix)]);
    for (const query of ['cat', 'cot', 'dgo', 'carpets']) expect([...dictionary.fuzzyGet(query, 2)]).toEqual([...reference.fuzzyGet(query, 2)]);
    expect(dictionary.atPrefix('ca').map(([term]) => term)).toEqual([...reference.atPrefix('ca').keys()]);
  });
});
