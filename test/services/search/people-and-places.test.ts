import { peopleIn, placesIn } from '../../../src/services/search/people-and-places';

describe('peopleIn', () => {
  it('finds people by their titles and by their posts, without the titles', () => {
    expect(peopleIn('Andrew Cotton, Director for Housing and Communities introduced the report. Mr. Cotton advised that ...').sort())
      .toEqual(['Andrew Cotton', 'Cotton']);
    expect(peopleIn('Councillor Alan Pearson, Portfolio Holder for Housing and Communities commented that ...')).toEqual(['Alan Pearson']);
    expect(peopleIn('Sharon Pritchard, Housing Services Manager introduced the report')).toEqual(['Sharon Pritchard']);
    expect(peopleIn('requested by Councillors Donald Hewson, Stephen Kettle and Nicola Chandler.')).toEqual(['Donald Hewson', 'Stephen Kettle', 'Nicola Chandler']);
    expect(peopleIn('Inspector Mark Rowlands of the police said ...')).toEqual(['Mark Rowlands']);
  });

  it('does not take bodies or the start of a sentence for people', () => {
    expect(peopleIn('The Council, Cabinet and Members agreed. Portfolio Holder for Growth, the Leader commented.')).toEqual([]);
  });
});

describe('placesIn', () => {
  it('finds places by a place word at their end or a preposition before them', () => {
    expect(placesIn('lighting on the riverside path through Brook Meadow Park and eight flats at Station Approach')).toEqual(['Brook Meadow Park', 'Station Approach']);
    expect(placesIn('fly-tipping around Saxby Cross, Long Easton and Dalby Wolds')).toEqual(['Saxby Cross', 'Long Easton', 'Dalby Wolds']);
    expect(placesIn('a food waste trial in Hollinbridge from September 2022')).toEqual(['Hollinbridge']);
  });

  it('does not take bodies, months or money for places', () => {
    expect(placesIn('agreed in March 2022 with Rowan Homes Ltd and the Aquila Leisure Trust in Band B')).toEqual([]);
  });
});
