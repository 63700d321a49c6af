import { documentYearWarnings } from '../../src/import/import-checks';
import { readOutcomeLine } from '../../src/import/outcome-line';
import { readableTitle } from '../../src/import/title-case';
import { readUkDate } from '../../src/import/uk-date';

describe('readableTitle', () => {
  it.each([
    ['APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN', 'Approval of the Community Safety Partnership Strategic Plan'],
    ['THE COUNCIL\'S BUDGET 2027-28: A NEW APPROACH TO ASB', 'The Council\'s Budget 2027-28: A New Approach to ASB'],
    ['NON-KEY DECISIONS  FOR   CCTV', 'Non-Key Decisions for CCTV'],
    ['Minutes of Previous Meeting', 'Minutes of Previous Meeting'],
    ['To enable the Council\'s waste treatment contractor', 'To enable the Council\'s waste treatment contractor'],
    ['2027', '2027'],
  ])('%s -> %s', (published, readable) => {
    expect(readableTitle(published)).toBe(readable);
  });
});

describe('readUkDate', () => {
  it.each([
    ['22/10/2015', '2015-10-22'],
    ['22&#47;10&#47;2015', '2015-10-22'],
    ['1/2/2027', '2027-02-01'],
    ['2021-10-12T00:00:00', '2021-10-12'],
    ['31/02/2021', undefined],
    ['13/13/2021', undefined],
    ['next Tuesday', undefined],
  ])('%s -> %s', (text, date) => {
    expect(readUkDate(text)).toBe(date);
  });
});

describe('readOutcomeLine', () => {
  it.each([
    ['1)\u00a0\u00a0\u00a0 NOTED the report;', { number: 1, verb: 'NOTED', text: 'the report' }],
    ['2. RECOMMENDED to Full Council that the plan be adopted.', { number: 2, verb: 'RECOMMENDED', target: 'Full Council', text: 'that the plan be adopted.' }],
    ['(3) REFERRED to the Scrutiny Committee for review', { number: 3, verb: 'REFERRED', target: 'Scrutiny Committee', text: 'for review' }],
    ['4) Approve the budget; and', { number: 4, verb: 'APPROVED', text: 'the budget' }],
    ['5) DELEGATED authority to the Director for Growth to agree terms.', { number: 5, verb: 'DELEGATED', text: 'authority to the Director for Growth to agree terms.' }],
    ['6) That the report be noted.', { number: 6, text: 'That the report be noted.' }],
  ])('%j', (line, outcome) => {
    expect(readOutcomeLine(line)).toEqual(outcome);
  });

  it.each(['NOTED the report', '1.5 million was approved', '2021-24 strategy'])('is not an outcome: %j', (line) => {
    expect(readOutcomeLine(line)).toBeUndefined();
  });
});

describe('documentYearWarnings', () => {
  it('names a document with two different years once, listing every place', () => {
    expect(documentYearWarnings([
      { where: 'summary', text: 'adopt the proposed Community Safety Strategy 2021-23, providing' },
      { where: 'decision outcome 2', text: 'that the proposed Community Safety Strategy 2021–24 be approved.' },
      { where: 'reasons', text: 'The Council’s Corporate Strategy 2020-24 commits; the Community Safety Strategy 2021-23 again' },
    ])).toEqual([{
      code: 'document-year-mismatch',
      where: 'summary; decision outcome 2',
      message: '"Community Safety Strategy" is named with different years: 2021-23 (summary, reasons) and 2021-24 (decision outcome 2). Check which is right with the report\'s author.',
    }]);
  });

  it('does not take dates, bracketed years or different documents for a mismatch', () => {
    expect(documentYearWarnings([
      { where: 'a', text: 'at its meeting on Tuesday, 27 July 2021 and on 3 July 2022' },
      { where: 'b', text: 'replace the existing strategy (2017-20); the Corporate Strategy 2020-24 and the Housing Strategy 2021-26' },
    ])).toEqual([]);
  });

  it('names a document whose name runs up to a long stretch of text, and reads no further back than a name can be', () => {
    const filler = 'x'.repeat(10_000);
    expect(documentYearWarnings([
      { where: 'a', text: `${filler} the Local Plan 2020-35 and the Local Plan 2020-36` },
    ])[0]?.message).toMatch(/^"Local Plan" is named with different years: 2020-35 \(a\) and 2020-36 \(a\)/);
    // A window that starts inside a word does not read its tail as a name.
    expect(documentYearWarnings([{ where: 'b', text: `Abcdefgh${'y'.repeat(193)} 2020-35 Abcdefgh${'y'.repeat(193)} 2020-36` }])).toEqual([]);
  });

  it('names a few places of each variant and counts the rest, however often the document is named', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => ({ where: `paragraph ${i + 1}`, text: 'Strategy 2021-23 Strategy 2021-24' }));
    const [found, ...others] = documentYearWarnings(parts);
    expect(others).toEqual([]);
    expect(found?.where).toBe('paragraph 1; paragraph 1');
    expect(found?.message).toBe('"Strategy" is named with different years: 2021-23 (paragraph 1, paragraph 2, paragraph 3 and 4997 more) and 2021-24 (paragraph 1, paragraph 2, paragraph 3 and 4997 more). Check which is right with the report\'s author.');
  });
});
