import { describeFilters, understand, type QuestionContext } from '../../../src/services/search/question';
import { processTerm } from '../../../src/services/search/text';

const context: QuestionContext = {
  today: '2022-03-28', // a Monday
  committees: [
    { id: 'cabinet', name: 'Cabinet', kind: 'cabinet' },
    { id: 'council', name: 'Council', kind: 'council' },
    { id: 'scrutiny', name: 'Scrutiny Committee', kind: 'scrutiny' },
    { id: 'licensing', name: 'Licensing Committee', kind: 'regulatory' },
    { id: 'director-housing', name: 'Director for Housing and Communities', kind: 'other' },
  ],
  // As the index's people field has them: processed terms.
  isPersonTerm: (term) => ['pearson', 'alan', 'michelle', 'howard', 'quinn'].map(processTerm).includes(term),
};
const read = (text: string) => understand(text, context);

describe('understand: the words to search for', () => {
  it.each([
    ['what did we decide about the car parking charges', 'car parking charges'],
    ['the one where members asked about armed forces applicants', 'armed forces applicants'],
    ['when does the new bin contract start', 'new bin contract start'],
    ['what is the council doing to cut its carbon emissions', 'cut carbon emissions'],
    ['has the council agreed to build new council houses', 'build new council houses'],
    ['£396,000 bid', '£396,000 bid'],
  ])('%j -> %j', (question, words) => {
    expect(read(question).text).toBe(words);
  });
});

describe('understand: committees, where the words make one a filter', () => {
  it.each([
    ['what did Scrutiny decide about leisure', 'scrutiny', 'leisure'],
    ["Cabinet's decisions on housing", 'cabinet', 'housing'],
    ['Council decision on taxis', 'council', 'taxis'],
    ['what did the Licensing Committee decide about taxis', 'licensing', 'taxis'],
    ['what did full council approve', 'council', ''],
    ['decisions by the Director for Housing and Communities', 'director-housing', ''],
    ['what was decided at Cabinet about parking', 'cabinet', 'parking'],
  ])('%j -> %s', (question, committeeId, words) => {
    expect(read(question).filters.committee?.id).toBe(committeeId);
    expect(read(question).text).toBe(words);
  });

  it.each([
    'report to scrutiny committee annually',
    'recommended to Council that the strategy be approved',
    'has the council agreed the budget',
    'council tax support',
    'council houses at Station Approach',
    'scrutiny of the budget',
  ])('not in %j', (question) => {
    expect(read(question).filters.committee).toBeUndefined();
  });
});

describe('understand: periods', () => {
  it.each([
    ['what did Council decide last month', '2022-02-01', '2022-02-28', 'last month (February 2022)'],
    ['decisions this month', '2022-03-01', '2022-03-31', 'this month (March 2022)'],
    ['is Cabinet deciding anything on tenancies next week', '2022-04-04', '2022-04-10', 'next week (4 April 2022 to 10 April 2022)'],
    ['what did Scrutiny decide in November', '2021-11-01', '2021-11-30', 'in November 2021'],
    ['reports in December 2021', '2021-12-01', '2021-12-31', 'in December 2021'],
    ['what was agreed on 7 December 2021 about repairs', '2021-12-07', '2021-12-07', 'on 7 December 2021'],
    ['decisions in 2021', '2021-01-01', '2021-12-31', 'in 2021'],
    ['anything since April 2021', '2021-04-01', '2022-03-28', 'since April 2021'],
  ])('%j', (question, from, to, label) => {
    expect(read(question).filters.period).toEqual({ from, to, label });
  });

  it('leaves a date without a preposition of time to the search ("from 1 April 2022", "June 2021 report")', () => {
    expect(read('what takes effect from 1 April 2022').filters.period).toBeUndefined();
    expect(read('the June 2021 report').filters.period).toBeUndefined();
    expect(read('what may happen').filters.period).toBeUndefined();
  });
});

describe('understand: statuses', () => {
  it.each([
    ['which recommendation on pay is awaiting Council', ['awaiting-council'], 'awaiting Council', 'recommendation pay'],
    ['what is in call-in at the moment', ['call-in-open'], 'in call-in', ''],
    ['decisions in call in', ['call-in-open'], 'in call-in', ''],
    ['effective decisions on car parks', ['effective', 'confirmed', 'approved-by-council', 'amended-by-council'], 'in effect', 'car parks'],
  ])('%j', (question, statuses, label, words) => {
    expect(read(question).filters.status).toEqual({ statuses, label });
    expect(read(question).text).toBe(words);
  });
});

describe('understand: people', () => {
  it.each([
    ["Cllr Pearson's decisions", ['pearson'], 'Cllr Pearson'],
    ['cllr pearsons decisions', ['pearson'], 'cllr pearsons'],
    ["Michelle Howard's report", ['michell', 'howard'], 'Michelle Howard'],
    ['reports presented by Michelle Howard', ['michell', 'howard'], 'Michelle Howard'],
    ['what did Councillor Quinn ask about the taxi trade', ['quinn'], 'Councillor Quinn'],
  ])('%j', (question, terms, label) => {
    expect(read(question).filters.person).toEqual({ terms, label });
  });

  it('leaves a bare name to the search (and its people field)', () => {
    expect(read('Michelle Howard housing').filters.person).toBeUndefined();
    expect(read('Michelle Howard housing').text).toBe('Michelle Howard housing');
  });
});

describe('describeFilters', () => {
  it('says in words which filters a question applied', () => {
    expect(describeFilters(read("what did Scrutiny decide about Cllr Pearson's reports last month awaiting council").filters)).toEqual([
      'Scrutiny Committee', 'last month (February 2022)', 'awaiting Council', 'with Cllr Pearson',
    ]);
  });
});
