import { buildDecisionView, buildFoundView, renderCard } from '../../src/cards';
import * as s from './fixtures/samples';
import { allObjects } from './support/card-checks';

describe('buildFoundView', () => {
  it('marks the matched words bold, says where they are from and which filters were applied', () => {
    expect(buildFoundView({
      passage: { label: 'In the minutes', runs: [{ text: 'members asked that the impact on ', matched: false }, { text: 'armed', matched: true }, { text: ' ', matched: false }, { text: 'forces', matched: true }] },
      filters: ['Cabinet', 'in June 2021'],
    })).toEqual({
      foundLabel: 'In the minutes: ',
      foundRuns: [
        { text: 'members asked that the impact on ', weight: 'default' }, { text: 'armed', weight: 'bolder' }, { text: ' ', weight: 'default' }, { text: 'forces', weight: 'bolder' },
      ],
      filtersText: 'Filtered: Cabinet · in June 2021',
    });
  });

  it('says when the filters found nothing and the card is the best match without them', () => {
    expect(buildFoundView({ filters: ['Scrutiny Committee'], relaxed: true }).filtersText).toBe('Nothing matched Scrutiny Committee: this is the best match without.');
  });

  it('is empty for a card that does not answer a search', () => {
    expect(buildFoundView(undefined)).toEqual({ foundLabel: '', foundRuns: [], filtersText: '' });
  });
});

it('the decision card shows the passage as TextRuns, the matched words bolder', () => {
  const card = renderCard('decision', buildDecisionView({
    decision: s.decision, statuses: s.statuses,
    found: { passage: { label: 'In the reasons', runs: [{ text: 'the ', matched: false }, { text: 'Corporate Strategy', matched: true }] } },
  }));
  const runs = allObjects(card).filter((o) => o.type === 'TextRun').map((o) => [o.text, o.weight]);
  expect(runs).toEqual(expect.arrayContaining([['In the reasons: ', undefined], ['the ', 'default'], ['Corporate Strategy', 'bolder']]));
});
