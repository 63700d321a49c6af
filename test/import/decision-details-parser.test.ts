import { parseDecisionDetailsHtml } from '../../src/import/decision-details-parser';
import { moderngovFixture, valueOf } from './fixtures';

describe('parseDecisionDetailsHtml: the LGSF decision-details fixtures', () => {
  it('reads the Policy Committee decision, its meeting and its document, resolving the link against the page address', () => {
    const result = parseDecisionDetailsHtml(moderngovFixture('lgsf_modgov_decision_detail.html'), 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=7001');
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: {
        titleAsPublished: 'Minutes of Previous Meeting',
        title: 'Minutes of Previous Meeting',
        decisionMaker: 'Policy Committee',
        status: 'Recommendations Approved',
        decisionType: 'non-key',
        subjectToCallIn: false,
        purpose: [],
        decisionText: ['The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record.'],
        outcomes: [{ number: 1, verb: 'DECIDED', text: 'The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record.' }],
        reasons: [],
        alternatives: [],
        publishedOn: '2015-10-22',
        decidedOn: '2015-10-19',
        meeting: {
          text: '19/10/2015 - Policy Committee',
          date: '2015-10-19',
          committeeName: 'Policy Committee',
          modernGovMeetingId: '4832',
          modernGovCommitteeId: '151',
          url: 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=151&MID=4832',
        },
        documents: [{
          title: 'polc2 - 23.09.2015',
          href: 'documents/s7942/polc2 - 23.09.2015.pdf',
          url: 'https://democracy.example.gov.uk/documents/s7942/polc2%20-%2023.09.2015.pdf',
          restricted: false,
        }],
      },
    });
  });

  it('warns that a relative document link cannot be kept when the page address is unknown', () => {
    const result = parseDecisionDetailsHtml(moderngovFixture('lgsf_modgov_decision_detail.html'));
    expect(valueOf(result).documents).toEqual([{ title: 'polc2 - 23.09.2015', href: 'documents/s7942/polc2 - 23.09.2015.pdf', restricted: false }]);
    expect(result.ok && result.warnings).toEqual([{
      code: 'document-url-unresolved',
      where: 'document 1 ("polc2 - 23.09.2015")',
      message: 'The link "documents/s7942/polc2 - 23.09.2015.pdf" is relative; give the page\'s address (sourceUrl / --source-url) to keep it.',
    }]);
  });

  it('reads a key decision subject to call-in, with its purpose and no documents', () => {
    expect(parseDecisionDetailsHtml(moderngovFixture('lgsf_modgov_decision_detail_no_documents.html'))).toEqual({
      ok: true,
      warnings: [],
      value: {
        titleAsPublished: 'To enable the Council\'s waste treatment contractor to consult on alternative processing arrangements',
        title: 'To enable the Council\'s waste treatment contractor to consult on alternative processing arrangements',
        decisionMaker: 'Strategic Director for Environment',
        status: 'Recommendations Approved',
        decisionType: 'key',
        subjectToCallIn: true,
        purpose: ['To seek approval for alternative processing arrangements.'],
        decisionText: ['That approval be given to enable the contractor to consult on alternative processing arrangements, subject to employee consultation outcomes.'],
        outcomes: [{ number: 1, verb: 'DECIDED', text: 'That approval be given to enable the contractor to consult on alternative processing arrangements, subject to employee consultation outcomes.' }],
        reasons: [],
        alternatives: [],
        publishedOn: '2026-08-05',
        decidedOn: '2026-08-04',
        documents: [],
      },
    });
  });

  it('keeps every paragraph of a multi-paragraph officer decision, dropping the empty one', () => {
    const page = valueOf(parseDecisionDetailsHtml(moderngovFixture('lgsf_modgov_decision_multi_paragraph.html')));
    expect(page).toEqual({
      titleAsPublished: 'Appointment of contractor to demolish Holme Park Court',
      title: 'Appointment of contractor to demolish Holme Park Court',
      decisionMaker: 'Service Director - Homes & Neighbourhoods',
      status: 'Recommendations Approved',
      decisionType: 'non-key',
      subjectToCallIn: false,
      purpose: [],
      decisionText: [
        'The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.',
        'This decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.',
      ],
      outcomes: [{
        number: 1,
        verb: 'DECIDED',
        text: 'The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.\n\nThis decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.',
      }],
      reasons: [],
      alternatives: [],
      publishedOn: '2025-12-10',
      decidedOn: '2021-07-27',
      documents: [],
    });
  });
});

const decisionPage = (body: string): string =>
  `<div id="modgov"><div class="mgSubTitle"><h2 class="mgSubTitleTxt">BUDGET 2027-28</h2></div><div class="mgContent">${body}</div></div>`;

describe('parseDecisionDetailsHtml: variations and errors', () => {
  it('reads numbered outcomes in the decision text, warns on a missing type and an unreadable date', () => {
    const result = parseDecisionDetailsHtml(decisionPage(`
      <p><span class="mgLabel">Decision Maker: </span>Cabinet</p>
      <p><span class="mgLabel">Date of decision: </span>31&#47;02&#47;2027</p>
      <h3 class="mgSubSubTitleTxt">Decision:</h3>
      <div class="mgWordPara"><p>1) APPROVED the Budget 2027-28;</p><p>2) RECOMMENDED to Full Council that the Budget 2027-29 be adopted.</p></div>`));
    const page = valueOf(result);
    expect(page.title).toBe('Budget 2027-28');
    expect(page.decidedOn).toBeUndefined();
    expect(page.outcomes).toEqual([
      { number: 1, verb: 'APPROVED', text: 'the Budget 2027-28' },
      { number: 2, verb: 'RECOMMENDED', target: 'Full Council', text: 'that the Budget 2027-29 be adopted.' },
    ]);
    expect(result.ok && result.warnings.map((w) => [w.code, w.where])).toEqual([
      ['date-unreadable', '"date of decision"'],
      ['decision-type-missing', '"Is Key decision?"'],
      ['document-year-mismatch', 'title; decision paragraph 2'],
    ]);
  });

  it('reads the reasons for the decision and the alternative options considered', () => {
    const page = valueOf(parseDecisionDetailsHtml(decisionPage(`
      <p><span class="mgLabel">Decision Maker: </span>Cabinet</p><p><span class="mgLabel">Is Key decision?: </span>No</p>
      <h3 class="mgSubSubTitleTxt">Decision:</h3><div class="mgWordPara"><p>AGREED the Budget 2027-28.</p></div>
      <h3 class="mgSubSubTitleTxt">Reasons for the decision:</h3><div class="mgWordPara"><p>A balanced budget is a legal duty.</p></div>
      <h3 class="mgSubSubTitleTxt">Alternative options considered:</h3><div class="mgWordPara"><p>A 4.99% rise, rejected.</p><p>No rise, rejected.</p></div>
      <p><span class="mgLabel">Date of decision: </span>01&#47;03&#47;2027</p>`)));
    expect(page.reasons).toEqual(['A balanced budget is a legal duty.']);
    expect(page.alternatives).toEqual(['A 4.99% rise, rejected.', 'No rise, rejected.']);
    expect(page.decisionText).toEqual(['AGREED the Budget 2027-28.']); // the blocks after it are not decision text
  });

  it('marks a decision with a restricted enclosure as exempt', () => {
    const result = parseDecisionDetailsHtml(decisionPage(`
      <p><span class="mgLabel">Decision Maker: </span>Cabinet</p><p><span class="mgLabel">Is Key decision?: </span>No</p>
      <h3 class="mgSubSubTitleTxt">Decision:</h3><div class="mgWordPara"><p>AGREED the sale.</p></div>
      <ul class="mgBulletList"><li>Restricted enclosure View the reasons why document is restricted</li></ul>`));
    expect(valueOf(result).documents).toEqual([{ title: 'Restricted enclosure View the reasons why document is restricted', href: '', restricted: true }]);
    expect(result.ok && result.warnings.map((w) => [w.code, w.where])).toEqual([['restricted-or-exempt', 'page']]);
  });

  it.each([
    ['lgsf_modgov_decisions_list.html', 'This is a ModernGov decisions list, not a decision-details page (ieDecisionDetails.aspx).'],
  ])('names what %s is instead', (fixture, message) => {
    expect(parseDecisionDetailsHtml(moderngovFixture(fixture))).toEqual({ ok: false, error: { where: 'page', message } });
  });

  it('says an ordinary web page is not a ModernGov page, with its title', () => {
    expect(parseDecisionDetailsHtml('<html><head><title>Access denied</title></head><body><p>No.</p></body></html>')).toEqual({
      ok: false, error: { where: 'page', message: 'This is not a ModernGov page ("Access denied"), not a decision-details page (ieDecisionDetails.aspx).' },
    });
  });
});
