import { indexDecision, indexItem, Interner } from '../../../src/services/search/search-document';
import { decision, item } from './corpus';

describe('Interner (a loaded corpus shares its facts\' repeated strings and values)', () => {
  const decisions = [
    decision('dec-1', 'cabinet', 'item-1', 'Leisure Strategy', [['APPROVED', 'the strategy'], ['NOTED', 'the consultation']]),
    decision('dec-2', 'cabinet', 'item-2', 'Housing Plan', [['APPROVED', 'the plan'], ['NOTED', 'the responses']]),
  ];

  it('gives facts equal to those it was given, whatever the record', () => {
    const intern = new Interner();
    const records = [
      indexItem(item('item-1', 'cabinet', 'Leisure Strategy', 'A summary.', { number: '7', meetingId: 'm-1' }), '2021-06-15').facts,
      indexItem(item('item-2', 'scrutiny', 'Housing', 'Homes.', { withdrawnAt: '2021-06-01T00:00:00.000Z' }), undefined).facts,
      ...decisions.map((d) => indexDecision(d).facts),
    ];
    for (const facts of records) expect(intern.facts(facts)).toEqual(facts);
  });

  it('makes equal lists and listing parts one shared, frozen value', () => {
    const intern = new Interner();
    const [a, b] = decisions.map((d) => intern.facts(indexDecision(d).facts));
    expect(a!.statuses).toBe(b!.statuses);
    expect(a!.mentionedMonths).toBe(b!.mentionedMonths);
    expect(a!.listing.kind === 'decision' && b!.listing.kind === 'decision' && a!.listing.decision === b!.listing.decision).toBe(true);
    expect(Object.isFrozen(a!.statuses)).toBe(true);
    // Different values stay different.
    const other = intern.facts(indexDecision(decision('dec-3', 'cabinet', undefined, 'Other', [['NOTED', 'x']])).facts);
    expect(other.statuses).not.toBe(a!.statuses);
    expect(other.statuses).toEqual(['noted']);
  });

  it('keeps lists of strings apart that a join alone would confuse', () => {
    const intern = new Interner();
    const lists = [[], [''], ['', ''], ['a\u0000b'], ['a', 'b'], ['a\u0000', 'b'], ['a', '\u0000b']];
    const shared = lists.map((list) => intern.shared(list));
    shared.forEach((list, i) => expect(list).toEqual(lists[i]));
    expect(new Set(shared).size).toBe(lists.length);
    expect(intern.shared(['a', 'b'])).toBe(shared[4]);
  });
});
