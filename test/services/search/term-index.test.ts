import { TermIndex, type Variant } from '../../../src/services/search/term-index';

const fields = ['title', 'body'];
const make = (): TermIndex => new TermIndex({ fields, boosts: [3, 1] });
const exact = (index: TermIndex, ...terms: string[]): Variant[][] =>
  terms.map((term) => [{ termId: index.termId(term)!, term, weight: 1, exact: true }]);
/** Document ids by score, from accumulate(). */
const ranked = (index: TermIndex, variants: Variant[][], fieldMask?: number): string[] => {
  const acc = index.accumulate(variants, fieldMask);
  const order = [...acc.touched].sort((a, b) => acc.scores[b]! - acc.scores[a]!).map((d) => index.idOf(d));
  index.clear(acc);
  return order;
};

describe('TermIndex', () => {
  const index = make();
  index.add('a', { title: ['housing', 'policy'], body: ['housing', 'tenant', 'band'] });
  index.add('b', { title: ['leisure', 'contract'], body: ['housing', 'pool'] });
  index.add('c', { title: ['parking'], body: ['charge', 'charge', 'charge', 'town'] });
  index.freeze();

  it('scores by BM25 over weighted fields: a title word counts for more than the same word in the body', () => {
    expect(ranked(index, exact(index, 'housing'))).toEqual(['a', 'b']);
  });

  it('tracks which of the question terms each document matched, and whether as itself', () => {
    const acc = index.accumulate(exact(index, 'housing', 'pool'));
    const b = index.numberOf('b')!;
    expect(acc.matched[b]).toBe(0b11);
    expect(acc.exact[b]).toBe(0b11);
    index.clear(acc);
    expect(index.accumulate([]).touched).toEqual([]);
  });

  it('restricts to fields by mask', () => {
    expect(ranked(index, exact(index, 'housing'), 0b01)).toEqual(['a']);
    expect(ranked(index, exact(index, 'housing'), 0b10).sort()).toEqual(['a', 'b']);
  });

  it('finds variants: the term itself, typos of an unknown term, and the words a term begins', () => {
    const terms = (term: string, fuzzy: number, prefix: boolean) =>
      index.variants(term, { fuzzy: () => fuzzy, prefix: () => prefix }).map((v) => [v.term, v.exact]);
    expect(terms('housing', 2, false)).toEqual([['housing', true]]);
    expect(terms('housng', 1, false)).toEqual([['housing', false]]);
    expect(terms('leis', 0, true)).toEqual([['leisure', false]]);
    expect(terms('nothing', 2, true)).toEqual([]);
  });

  it('says whether a document has a term', () => {
    expect(index.contains(index.termId('pool')!, index.numberOf('b')!)).toBe(true);
    expect(index.contains(index.termId('pool')!, index.numberOf('a')!)).toBe(false);
    expect(index.contains(index.termId('housing')!, index.numberOf('b')!, 0b01)).toBe(false);
  });

  it('counts documents per term', () => {
    expect(index.documentFrequency(index.termId('housing')!)).toBe(2);
    expect(index.documentFrequency(index.termId('charge')!)).toBe(1);
    expect(index.documentCount).toBe(3);
  });
});

describe('TermIndex updates', () => {
  it('answers for documents added after a freeze and for removed ones at once, and the same after the next freeze', () => {
    const index = make();
    index.add('a', { title: ['budget'], body: ['reserves'] });
    index.freeze();
    index.add('b', { title: ['budget', 'monitoring'], body: [] });
    index.add('a', { title: ['treasury'], body: ['investments'] }); // replaces a
    const before = { budget: ranked(index, exact(index, 'budget')), treasury: ranked(index, exact(index, 'treasury')) };
    expect(before).toEqual({ budget: ['b'], treasury: ['a'] });
    expect(index.openSize).toBeGreaterThan(0);
    index.freeze();
    expect(index.openSize).toBe(0);
    expect({ budget: ranked(index, exact(index, 'budget')), treasury: ranked(index, exact(index, 'treasury')) }).toEqual(before);
    index.remove('b');
    expect(ranked(index, exact(index, 'budget'))).toEqual([]);
    expect(index.documentCount).toBe(1);
    expect(index.has('b')).toBe(false);
  });

  it('gives a document added one at a time the same scores as one built in one go', () => {
    const docs: [string, Record<string, string[]>][] = [
      ['x', { title: ['waste', 'contract'], body: ['bin', 'bin', 'recycling'] }],
      ['y', { title: ['waste'], body: ['fleet'] }],
      ['z', { title: ['contract'], body: ['waste', 'bin'] }],
    ];
    const built = make();
    for (const [id, f] of docs) built.add(id, f);
    built.freeze();
    const open = make();
    for (const [id, f] of docs) open.add(id, f);
    const scores = (index: TermIndex) => {
      const acc = index.accumulate(exact(index, 'waste', 'bin'));
      const result = Object.fromEntries(acc.touched.map((d) => [index.idOf(d), Math.round(acc.scores[d]! * 100) / 100]));
      index.clear(acc);
      return result;
    };
    expect(scores(open)).toEqual(scores(built));
  });

  it('keeps its arrays when a freeze has nothing to merge or drop, and makes them anew when it has', () => {
    const index = make();
    index.add('a', { title: ['budget'], body: ['reserves'] });
    index.freeze();
    const frozen = index.snapshot().docs;
    expect(index.snapshot().docs).toBe(frozen);
    index.remove('a');
    expect(index.snapshot().docs).not.toBe(frozen);
    expect(index.snapshot().docs).toEqual(new Uint32Array(0));
  });
});

describe('TermIndex.accumulate by group', () => {
  const index = make();
  index.add('item', { title: ['waste'], body: [] });
  index.add('decision', { title: [], body: ['waste', 'safety'] });
  index.add('other', { title: ['waste'], body: [] });
  index.freeze();
  const groupOf = [0, 0, 2]; // the item and its decision are one group
  const score = (within: 'best' | 'sum', variants: Variant[][]) => {
    const acc = index.accumulate(variants, 0xffff, groupOf, within);
    const result = Object.fromEntries(acc.touched.map((g) => [g, acc.scores[g]!]));
    index.clear(acc);
    return result;
  };

  it('takes the best document of a group for each term, or their sum', () => {
    const best = score('best', exact(index, 'waste'));
    const sum = score('sum', exact(index, 'waste'));
    expect(Object.keys(best).sort()).toEqual(['0', '2']);
    expect(best[0]).toBeCloseTo(best[2]!); // the item's title, as good as the other's
    expect(sum[0]).toBeGreaterThan(best[0]!); // the decision's body adds to it
  });

  it('counts a document once per question term, whichever of its variants it matches', () => {
    const waste = index.termId('waste')!;
    const twice: Variant[][] = [[{ termId: waste, term: 'waste', weight: 1, exact: true }, { termId: waste, term: 'waste', weight: 0.5, exact: false }]];
    expect(score('sum', twice)).toEqual(score('sum', exact(index, 'waste')));
  });
});
