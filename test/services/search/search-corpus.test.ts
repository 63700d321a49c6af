import { SearchCorpus, type Asker } from '../../../src/services/search';
import { decision, item, meltonCommunitySafety, otherDecisions, otherItems } from './corpus';

const officer: Asker = { role: 'officer', committees: [] };
const cabinetMember: Asker = { role: 'councillor', committees: [{ committeeId: 'cabinet', seat: 'Member' }] };
const scrutinyMember: Asker = { role: 'councillor', committees: [{ committeeId: 'scrutiny', seat: 'Member' }] };

const corpus = (): SearchCorpus => {
  const csp = meltonCommunitySafety();
  return SearchCorpus.of([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
};
const ids = (c: SearchCorpus, query: string, asker: Asker = officer, limit = 10): string[] =>
  c.search(query, asker, { limit }).map((r) => r.itemId ?? `decision ${r.decisionId}`);

describe('ranking', () => {
  const c = corpus();

  it('finds the Community Safety Partnership item first for "community safety"', () => {
    expect(ids(c, 'community safety', officer, 4)).toEqual(['item-csp', 'item-cctv', 'item-safer-streets', 'item-scrutiny-wp']);
  });

  it('tolerates typos: "comunity saftey strategy"', () => {
    expect(ids(c, 'comunity saftey strategy', officer, 3)).toEqual(['item-csp', 'item-corporate', 'item-safer-streets']);
  });

  it('finds it by its acronym: "CSP strategic plan" beats the Parks Strategic Plan', () => {
    expect(ids(c, 'CSP strategic plan', officer, 3)).toEqual(['item-csp', 'item-parks', 'item-climate']);
    expect(ids(c, 'csp', officer)).toEqual(['item-csp']);
  });

  it('finds acronyms that appear only as initials in the title: HRA', () => {
    expect(ids(c, 'HRA budget')).toEqual(['item-hra', 'item-scrutiny-wp']);
    expect(ids(c, 'housing revenue account', officer, 1)).toEqual(['item-hra']);
  });

  it('matches stemmed forms and one-letter slips', () => {
    expect(ids(c, 'communities safety', officer, 1)).toEqual(['item-csp']);
    expect(ids(c, 'homelesness')).toEqual(['item-homeless']);
    expect(ids(c, 'safer streets')).toEqual(['item-safer-streets']);
    expect(ids(c, 'domestic violence')).toEqual(['item-domestic-abuse']);
  });

  it('completes the last word as it is typed', () => {
    expect(ids(c, 'climat')).toEqual(['item-climate']);
  });

  it('answers nothing for a query of stopwords only', () => {
    expect(c.search('what is the', officer)).toEqual([]);
  });
});

describe('results', () => {
  const c = corpus();

  it('carry the item, its decision, the committee, the title, a snippet and a score', () => {
    expect(c.search('community safety', officer, { limit: 1 })).toEqual([
      {
        kind: 'agenda-item',
        coverage: 1,
        itemId: 'item-csp',
        decisionId: 'dec-csp',
        committeeId: 'cabinet',
        title: 'Approval of the Community Safety Partnership Strategic Plan',
        snippet:
          'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed Community Safety Strategy 2021-23, providing an overview of the issues impacting on…',
        score: expect.any(Number),
      },
    ]);
  });

  it('take the snippet from the sentence that matched', () => {
    const [, csp] = c.search('ASB', officer);
    expect(csp).toMatchObject({
      itemId: 'item-csp',
      snippet:
        'NOTED the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership',
    });
  });

  it('include a decision that has no agenda item as a result of its own', () => {
    expect(c.search('grass cutting', officer)).toEqual([
      {
        kind: 'decision',
        coverage: 1,
        decisionId: 'dec-grass',
        committeeId: 'cabinet',
        title: 'Award of Grass Cutting Contract',
        snippet: 'AGREED to award the grounds maintenance and grass cutting contract for parks and verges for three years',
        score: expect.any(Number),
      },
    ]);
  });

  it('are ordered by score and limited', () => {
    const results = c.search('strategy', officer, { limit: 4 });
    expect(results).toHaveLength(4);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('can be kept to one committee', () => {
    expect(c.search('community safety', officer, { committeeId: 'scrutiny' }).map((r) => r.itemId)).toEqual(['item-scrutiny-wp']);
  });
});

describe('exempt items', () => {
  const c = corpus();

  it('are found by officers and by members of their committee', () => {
    const all = ['item-cctv', 'decision dec-grass', 'item-waste', 'item-leisure', 'item-safer-streets'];
    expect(ids(c, 'cctv contract', officer)).toEqual(all);
    expect(ids(c, 'cctv contract', cabinetMember)).toEqual(all);
    expect(ids(c, 'cctv contract', { role: 'admin', committees: [] })).toEqual(all);
  });

  it('are never found by others', () => {
    expect(ids(c, 'cctv contract', scrutinyMember)).toEqual(['decision dec-grass', 'item-waste', 'item-leisure', 'item-safer-streets']);
    expect(ids(c, 'community safety', scrutinyMember, 3)).toEqual(['item-csp', 'item-safer-streets', 'item-scrutiny-wp']);
  });

  it('include an item whose decision is exempt', () => {
    const c2 = SearchCorpus.of(
      [item('item-land', 'cabinet', 'Land at Asfordby Road', 'Options for the site.')],
      [decision('dec-land', 'cabinet', 'item-land', 'Land at Asfordby Road', [['AGREED', 'to sell the land']], [], { exempt: true })],
    );
    expect(ids(c2, 'asfordby', scrutinyMember)).toEqual([]);
    expect(ids(c2, 'asfordby', cabinetMember)).toEqual(['item-land']);
  });
});

describe('updates', () => {
  it('re-index a changed item: old words no longer match, new ones do', () => {
    const c = corpus();
    const dfg = otherItems().find((i) => i.id === 'item-dfg')!;
    expect(ids(c, 'disabled grants')).toEqual(['item-dfg']);
    c.upsertItem({ ...dfg, title: 'Home Adaptations Policy', summary: 'Adaptations so that older residents can stay in their homes.' });
    expect(ids(c, 'disabled grants')).toEqual([]);
    expect(ids(c, 'adaptations')).toEqual(['item-dfg']);
  });

  it('drop a removed item, and keep its decision findable on its own', () => {
    const c = corpus();
    c.removeItem('item-hra');
    expect(c.search('housing revenue account', officer, { limit: 1 })).toEqual([
      expect.objectContaining({ kind: 'decision', decisionId: 'dec-hra', title: 'Housing Revenue Account Budget 2021/22' }),
    ]);
    c.removeDecision('dec-hra');
    expect(ids(c, 'HRA')).toEqual([]);
  });

  it('fold a decision into its agenda item once the item arrives, whichever comes first', () => {
    const c = SearchCorpus.of([], []);
    c.upsertDecision(decision('dec-allot', 'cabinet', 'item-allot', 'Allotments Strategy', [['APPROVED', 'the allotments strategy']]));
    expect(c.search('allotments', officer).map((r) => r.kind)).toEqual(['decision']);
    c.upsertItem(item('item-allot', 'cabinet', 'Allotments Strategy', 'Provision of allotments.'));
    expect(c.search('allotments', officer)).toEqual([expect.objectContaining({ kind: 'agenda-item', itemId: 'item-allot', decisionId: 'dec-allot' })]);
    expect(c.documentCount).toBe(1);
  });

  it('move a decision that is re-linked to another item', () => {
    const c = SearchCorpus.of(
      [item('item-a', 'cabinet', 'Item A', 'First.'), item('item-b', 'cabinet', 'Item B', 'Second.')],
      [decision('dec-x', 'cabinet', 'item-a', 'Item A', [['APPROVED', 'the zebra crossing']])],
    );
    expect(ids(c, 'zebra')).toEqual(['item-a']);
    c.upsertDecision(decision('dec-x', 'cabinet', 'item-b', 'Item B', [['APPROVED', 'the zebra crossing']]));
    expect(ids(c, 'zebra')).toEqual(['item-b']);
  });
});

describe('minimum coverage', () => {
  const c = corpus();
  it('drops results that match only a stray word of a question', () => {
    // "crossings" is within two edits of "across" in the CSP summary: one word of three is not an answer.
    expect(c.search('zebra crossings in atlantis', officer).map((r) => r.itemId)).toContain('item-csp');
    expect(c.search('zebra crossings in atlantis', officer, { minimumCoverage: 0.5 })).toEqual([]);
  });
  it('keeps results that match most of the words, typos included', () => {
    const results = c.search('comunity saftey strategy', officer, { minimumCoverage: 0.5 });
    expect(results[0]?.itemId).toBe('item-csp');
    expect(results[0]?.coverage).toBe(1);
  });
});

describe('SearchCorpus.build (the rebuild in slices)', () => {
  it('indexes the same documents as SearchCorpus.of, handing the event loop back between slices', async () => {
    const csp = meltonCommunitySafety();
    const items = [csp.item, ...otherItems()];
    const decisions = [csp.decision, ...otherDecisions()];
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const built = await SearchCorpus.build(items, decisions, 5);
    counting = false;
    const whole = SearchCorpus.of(items, decisions);
    expect(built.documentCount).toBe(whole.documentCount);
    for (const query of ['community safety', 'comunity saftey strategy', 'hra', 'cctv']) {
      expect(built.search(query, officer)).toEqual(whole.search(query, officer));
    }
    expect(turns).toBeGreaterThanOrEqual(3); // 21 documents in slices of 5
  });
});
