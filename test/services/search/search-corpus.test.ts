import { SearchCorpus, type AskContext, type Asker } from '../../../src/services/search';
import { decision, item, meltonCommunitySafety, otherDecisions, otherItems } from './corpus';

const officer: Asker = { role: 'officer', committees: [] };
const cabinetMember: Asker = { role: 'councillor', committees: [{ committeeId: 'cabinet', seat: 'Member' }] };
const scrutinyMember: Asker = { role: 'councillor', committees: [{ committeeId: 'scrutiny', seat: 'Member' }] };
/** Outside a personal chat nobody is entitled to exempt business (services/conversation/asker.ts). */
const sharedConversation: Asker = { role: 'councillor', committees: [] };

const corpus = (): SearchCorpus => {
  const csp = meltonCommunitySafety();
  return SearchCorpus.of([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
};
const ids = (c: SearchCorpus, query: string, asker: Asker = officer, limit = 10): string[] =>
  c.search(query, asker, { limit }).map((r) => r.itemId ?? `decision ${r.decisionId}`);

describe('ranking', () => {
  const c = corpus();

  it('finds the Community Safety Partnership item first for "community safety", then the others that say it', () => {
    const found = ids(c, 'community safety', officer, 4);
    expect(found[0]).toBe('item-csp');
    expect(found.sort()).toEqual(['item-cctv', 'item-csp', 'item-safer-streets', 'item-scrutiny-wp']);
  });

  it('tolerates typos: "comunity saftey strategy"', () => {
    expect(ids(c, 'comunity saftey strategy', officer, 1)).toEqual(['item-csp']);
  });

  it('finds it by its acronym: "CSP strategic plan" beats the Parks Strategic Plan', () => {
    expect(ids(c, 'CSP strategic plan', officer, 2)).toEqual(['item-csp', 'item-parks']);
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
    expect(ids(c, 'leisu')).toEqual(['item-leisure']);
  });

  it('answers nothing for a query of stopwords only', () => {
    expect(c.search('what is the', officer)).toEqual([]);
  });
});

describe('results', () => {
  const c = corpus();

  it('carry the item, its decision, the committee, the title, a score, the coverage and the terms matched', () => {
    expect(c.search('community safety', officer, { limit: 1 })).toEqual([
      {
        kind: 'agenda-item', itemId: 'item-csp', decisionId: 'dec-csp', committeeId: 'cabinet',
        title: 'Approval of the Community Safety Partnership Strategic Plan',
        score: expect.any(Number), coverage: 1, matchedTerms: ['community', 'safety'],
      },
    ]);
  });

  it('include a decision that has no agenda item as a result of its own', () => {
    expect(c.search('grass cutting', officer)).toEqual([
      {
        kind: 'decision', decisionId: 'dec-grass', committeeId: 'cabinet', title: 'Award of Grass Cutting Contract',
        score: expect.any(Number), coverage: 1, matchedTerms: ['grass', 'cut'],
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

describe('every text the import keeps', () => {
  const at = (id: string, extra: Parameters<typeof decision>[6] = {}) => decision(`dec-${id}`, 'cabinet', `item-${id}`, `Item ${id}`, [['APPROVED', 'the policy']], [], extra);
  const c = SearchCorpus.of(
    [
      item('item-allocations', 'cabinet', 'Housing Allocations Policy', 'To approve the revised allocations policy.', {
        leadOfficer: { name: 'Michelle Howard', role: 'Director for Housing and Communities' },
      }),
      item('item-leisure', 'cabinet', 'Leisure Contract', 'The future of the leisure centres.'),
      item('item-parking', 'cabinet', 'Car Parking Charges', 'A review of the charges.'),
      item('item-land', 'cabinet', 'Land Disposal', 'Sale of land.'),
    ],
    [
      decision('dec-allocations', 'cabinet', 'item-allocations', 'Housing Allocations Policy', [['APPROVED', 'the Housing Allocations Policy']], [], {
        minutes: ['Members asked that the impact on armed forces applicants be monitored.'],
        discussionPoints: ['The consultation received 214 responses.'],
      }),
      decision('dec-leisure', 'cabinet', 'item-leisure', 'Leisure Contract', [['AGREED', 'to extend the contract']], ['The market has not recovered.'], {
        alternatives: ['Bringing the centres in house: rejected, because of the cost.'],
        minutes: ['Councillor Stephen Kettle asked about the pool in Hollinbridge, which would open on 1 April 2022.'],
      }),
      at('parking', { minutes: ['Members asked about armed robberies in car parks; forces were stretched.'] }),
      at('land', { documents: [{ title: 'Valuation report by Fenwick Carter', restricted: false }] }),
    ],
  );

  it('finds an item by its minutes, its reasons and its alternatives considered', () => {
    expect(ids(c, 'armed forces applicants')[0]).toBe('item-allocations');
    expect(ids(c, 'market has not recovered')).toEqual(['item-leisure']);
    expect(ids(c, 'bringing the centres in house')[0]).toBe('item-leisure');
    expect(ids(c, 'valuation report')).toEqual(['item-land']);
  });

  it('ranks a phrase found verbatim above the same words scattered', () => {
    // Both say "armed" and "forces"; only one says "armed forces".
    expect(ids(c, 'armed forces')).toEqual(['item-allocations', 'item-parking']);
  });

  it('finds people: the lead officer and whoever the minutes name', () => {
    expect(ids(c, "Michelle Howard's report")).toEqual(['item-allocations']);
    expect(ids(c, 'Cllr Kettle')).toEqual(['item-leisure']);
  });

  it('finds places, figures and dates however they are written', () => {
    expect(ids(c, 'Hollinbridge')).toEqual(['item-leisure']);
    expect(ids(c, '214 responses')).toEqual(['item-allocations']);
    expect(ids(c, 'opening on 1st April 2022')).toEqual(['item-leisure']);
    expect(ids(c, '01/04/2022')).toEqual(['item-leisure']);
  });

  it('does not need the question words to match ("what did", "the one where members asked")', () => {
    expect(ids(c, 'the one where members asked about the impact on armed forces applicants')[0]).toBe('item-allocations');
    expect(ids(c, 'what did Cllr Kettle ask about the pool')).toEqual(['item-leisure']);
  });
});

describe('questions with filters', () => {
  const context: AskContext = {
    today: '2021-07-20',
    committees: [
      { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 },
      { id: 'scrutiny', name: 'Scrutiny Committee', kind: 'scrutiny', callInWorkingDays: 0 },
      { id: 'council', name: 'Council', kind: 'council', callInWorkingDays: 0 },
    ],
  };
  const c = SearchCorpus.of(
    [
      item('item-budget', 'cabinet', 'Budget 2021/22', 'The budget.', { meetingId: 'cabinet-feb' }),
      item('item-budget-scrutiny', 'scrutiny', 'Budget Scrutiny 2021/22', 'Scrutiny of the budget.', { meetingId: 'scrutiny-feb' }),
      item('item-tenancy', 'cabinet', 'Tenancy Strategy', 'Tenancies offered in the borough.', { meetingId: 'cabinet-next' }),
      item('item-taxi', 'council', 'Hackney Carriage and Private Hire Licensing Policy', 'To adopt the policy.', { meetingId: 'council-june' }),
      item('item-taxi-draft', 'cabinet', 'Hackney Carriage and Private Hire Licensing Policy: Draft', 'Taxis, drivers and the taxi trade.', { meetingId: 'cabinet-june' }),
    ],
    [
      decision('dec-budget', 'cabinet', 'item-budget', 'Budget 2021/22', [['RECOMMENDED', 'the budget']], [], { decidedOn: '2021-02-09', publishedOn: '2021-02-10', outcomes: [{ number: 1, verb: 'RECOMMENDED', target: 'Council', text: 'the budget', status: 'awaiting-council' }] }),
      decision('dec-budget-scrutiny', 'scrutiny', 'item-budget-scrutiny', 'Budget Scrutiny 2021/22', [['NOTED', 'the budget']], [], { decidedOn: '2021-02-04' }),
      decision('dec-play', 'cabinet', undefined, 'Play Areas', [['APPROVED', 'new play areas']], [], {
        decidedOn: '2021-07-13', publishedOn: '2021-07-15', outcomes: [{ number: 1, verb: 'APPROVED', text: 'new play areas', status: 'call-in-open' }],
        minutes: ['Councillor Alan Pearson, Portfolio Holder for Housing and Communities, introduced the report.'],
      }),
      decision('dec-bins', 'cabinet', undefined, 'Waste Collection', [['APPROVED', 'the waste contract']], [], {
        decidedOn: '2021-05-11', publishedOn: '2021-05-12', outcomes: [{ number: 1, verb: 'APPROVED', text: 'the waste contract', status: 'call-in-open' }],
      }),
    ],
    {
      meetings: [
        { id: 'cabinet-feb', committeeId: 'cabinet', startsAt: '2021-02-09T18:30:00.000Z', status: 'held' },
        { id: 'scrutiny-feb', committeeId: 'scrutiny', startsAt: '2021-02-04T18:00:00.000Z', status: 'held' },
        { id: 'cabinet-next', committeeId: 'cabinet', startsAt: '2021-07-27T17:30:00.000Z', status: 'scheduled' },
        { id: 'council-june', committeeId: 'council', startsAt: '2021-06-23T18:00:00.000Z', status: 'held' },
        { id: 'cabinet-june', committeeId: 'cabinet', startsAt: '2021-06-15T17:30:00.000Z', status: 'held' },
      ],
    },
  );
  const ask = (q: string) => c.ask(q, officer, context);
  const answer = (q: string) => ask(q).results.map((r) => r.itemId ?? `decision ${r.decisionId}`);

  it('reads a committee only where the words make it one', () => {
    expect(answer('what did Scrutiny decide about the budget')).toEqual(['item-budget-scrutiny']);
    expect(answer("Cabinet's budget")).toEqual(['item-budget']);
    expect(ask('what did Scrutiny decide about the budget').question.filters.committee).toEqual({ id: 'scrutiny', name: 'Scrutiny Committee' });
    // "to Council" is where a recommendation goes, not who decided.
    expect(ask('budget recommended to Council').question.filters.committee).toBeUndefined();
  });

  it('reads a period: a month, "last month", "next week"', () => {
    expect(answer('decisions in May 2021')).toEqual(['decision dec-bins']);
    expect(answer('what did Cabinet decide last month')).toEqual(['item-taxi-draft']);
    expect(answer('is Cabinet deciding anything on tenancies next week')).toEqual(['item-tenancy']);
    expect(ask('what did Cabinet decide last month').question.filters.period).toEqual({ from: '2021-06-01', to: '2021-06-30', label: 'last month (June 2021)' });
  });

  it('reads a status, as of today: call-in open until its deadline, then in effect', () => {
    expect(answer('what is in call-in')).toEqual(['decision dec-play']);
    expect(answer('which budget is awaiting Council')).toEqual(['item-budget']);
    expect(answer('effective decisions')).toEqual(['decision dec-bins']);
  });

  it('reads a person in the forms that make one a filter', () => {
    expect(answer("Cllr Pearson's decisions")).toEqual(['decision dec-play']);
    expect(ask("Cllr Pearson's decisions").question.filters.person).toEqual({ terms: ['pearson'], label: 'Cllr Pearson' });
  });

  it('looks within the filter for what the words find elsewhere when the business is named otherwise there', () => {
    // Council's page never says "taxi": what "taxis" finds elsewhere (the draft's title) is found within Council.
    const found = ask('Council decision on taxis');
    expect(found.results.map((r) => r.itemId)).toEqual(['item-taxi']);
    expect(found.relaxed).toBe(false);
  });

  it('answers without the filters, and says so, when nothing passes them', () => {
    const found = ask('what did Scrutiny decide about play areas');
    expect(found.results[0]?.decisionId).toBe('dec-play');
    expect(found.relaxed).toBe(true);
  });
});

describe('where things stand', () => {
  it('ranks the decision that acted above a report only noted or sent on, with the same words', () => {
    const c = SearchCorpus.of(
      [item('item-report', 'scrutiny', 'Repairs Performance', 'Damp and mould in council flats.'), item('item-plan', 'cabinet', 'Repairs Plan', 'Damp and mould in council flats.')],
      [
        decision('dec-report', 'scrutiny', 'item-report', 'Repairs Performance', [['NOTED', 'the damp and mould figures'], ['RECOMMENDED', 'a plan']]),
        decision('dec-plan', 'cabinet', 'item-plan', 'Repairs Plan', [['APPROVED', 'the damp and mould protocol']]),
      ],
    );
    expect(ids(c, 'damp and mould in council flats')).toEqual(['item-plan', 'item-report']);
  });

  it('does not lessen an item not yet decided', () => {
    const c = SearchCorpus.of(
      [item('item-tenancy', 'cabinet', 'Tenancy Strategy', 'The tenancy strategy.'), item('item-homes', 'cabinet', 'Homelessness Strategy', 'Homelessness.')],
      [decision('dec-homes', 'cabinet', 'item-homes', 'Homelessness Strategy', [['ADOPTED', 'the strategy']], [], { minutes: ['The end of a private tenancy.'] })],
    );
    expect(ids(c, 'tenancy strategy')[0]).toBe('item-tenancy');
  });
});

describe('exempt items', () => {
  const c = corpus();

  it('are found by officers and by members of their committee', () => {
    for (const asker of [officer, cabinetMember, { role: 'admin', committees: [] } as Asker]) {
      expect(ids(c, 'cctv contract', asker)[0]).toBe('item-cctv');
    }
  });

  it('are never found by others, nor in a shared conversation', () => {
    for (const asker of [scrutinyMember, sharedConversation]) {
      expect(ids(c, 'cctv contract', asker)).not.toContain('item-cctv');
      expect(ids(c, 'commercially sensitive information', asker)).toEqual([]);
      expect(ids(c, 'community safety', asker, 3).sort()).toEqual(['item-csp', 'item-safer-streets', 'item-scrutiny-wp']);
    }
  });

  it('include an item whose decision is exempt, by any of its words: minutes, people, figures', () => {
    const c2 = SearchCorpus.of(
      [item('item-land', 'cabinet', 'Land at Asfordby Road', 'Options for the site.')],
      [decision('dec-land', 'cabinet', 'item-land', 'Land at Asfordby Road', [['AGREED', 'to sell the land']], [], {
        exempt: true, minutes: ['Paul Higgins, Estates Manager said Rowan Homes offered £1.85 million.'],
      })],
    );
    for (const q of ['asfordby', 'Rowan Homes', 'Paul Higgins', '£1.85 million', 'Higgins']) {
      expect(ids(c2, q, scrutinyMember)).toEqual([]);
      expect(ids(c2, q, sharedConversation)).toEqual([]);
      expect(ids(c2, q, cabinetMember)).toEqual(['item-land']);
    }
    // Nor do suggestions give away an exempt title or an exempt record's words.
    expect(c2.suggest('asfordbie', scrutinyMember)).toEqual({ words: [], titles: [] });
    expect(c2.suggest('asfordbie', cabinetMember)).toEqual({ words: ['asfordby'], titles: ['Land at Asfordby Road'] });
  });
});

describe('suggestions when nothing is found', () => {
  const c = corpus();

  it('offer the nearest words the index knows and the nearest titles', () => {
    expect(c.search('homelessnes strtegy', officer, { minimumCoverage: 0.9 })).toEqual([]);
    expect(c.suggest('homelessnes strtegy', officer)).toEqual({
      words: ['homelessness', 'strategy'],
      titles: expect.arrayContaining(['Homelessness and Rough Sleeping Strategy']),
    });
  });

  it('offer nothing made up for words near nothing', () => {
    expect(c.suggest('xylophone', officer)).toEqual({ words: [], titles: [] });
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

  it('answer the same after many single writes as after a build of the same records', () => {
    const csp = meltonCommunitySafety();
    const built = SearchCorpus.of([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
    const written = SearchCorpus.of([], []);
    for (const i of [csp.item, ...otherItems()]) written.upsertItem(i);
    for (const d of [csp.decision, ...otherDecisions()]) written.upsertDecision(d);
    for (const query of ['community safety', 'comunity saftey strategy', 'hra', 'cctv', 'grass cutting']) {
      expect(ids(written, query)).toEqual(ids(built, query));
    }
  });
});

describe('minimum coverage', () => {
  const c = corpus();
  it('drops results that match only a stray word of a question', () => {
    // "crossings" is a slip of "across" in the CSP summary: one word of three, and a typo, is not an answer.
    expect(c.search('zebra crossings in atlantis', officer).map((r) => r.itemId)).toContain('item-csp');
    expect(c.search('zebra crossings in atlantis', officer, { minimumCoverage: 0.3 })).toEqual([]);
  });
  it('keeps results that match most of the words, a typo counting half', () => {
    const results = c.search('comunity saftey strategy', officer, { minimumCoverage: 0.5 });
    expect(results[0]?.itemId).toBe('item-csp');
    expect(results[0]?.coverage).toBeGreaterThan(0.5);
    expect(results[0]?.coverage).toBeLessThan(1);
  });
});

describe('the titles-only profile (the benchmark baseline)', () => {
  it('finds titles and nothing else', () => {
    const csp = meltonCommunitySafety();
    const c = SearchCorpus.of([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()], { profile: 'titles-only' });
    expect(ids(c, 'community safety partnership', officer, 1)).toEqual(['item-csp']);
    expect(ids(c, 'Perpetrator')).toEqual([]);
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
    const built = await SearchCorpus.build(items, decisions, { yieldEvery: 5 });
    counting = false;
    const whole = SearchCorpus.of(items, decisions);
    expect(built.documentCount).toBe(whole.documentCount);
    for (const query of ['community safety', 'comunity saftey strategy', 'hra', 'cctv']) {
      expect(built.search(query, officer)).toEqual(whole.search(query, officer));
    }
    expect(turns).toBeGreaterThanOrEqual(3); // 45 documents in slices of 5
  });
});
