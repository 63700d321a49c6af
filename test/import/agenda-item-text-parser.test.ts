import { parseAgendaItemText } from '../../src/import/agenda-item-text-parser';
import { moderngovFixture, valueOf } from './fixtures';

const NBSP = '\u00a0';

describe('parseAgendaItemText: the Melton Cabinet community safety page', () => {
  const result = parseAgendaItemText(moderngovFixture('melton_cabinet_agenda_item_community_safety.txt'));
  const page = valueOf(result);

  it('reads the title as published and in readable title case', () => {
    expect(page.titleAsPublished).toBe('APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN');
    expect(page.title).toBe('Approval of the Community Safety Partnership Strategic Plan');
    expect(page.number).toBeUndefined();
  });

  it('reads the summary, portfolio holder and presenting officer', () => {
    expect(page.summary).toEqual([
      'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed Community Safety Strategy 2021-23, providing an overview of the issues impacting on communities across the borough and setting out how the Council and partner agencies seek to resolve long standing issues.',
    ]);
    expect(page.portfolioHolder).toBe('Portfolio Holder for Housing and Communities');
    expect(page.leadOfficer).toEqual({ name: 'Andrew Cotton', role: 'Director for Housing and Communities' });
  });

  it('reads the decision maker, the decision type and each numbered outcome with verb, target and text', () => {
    expect(page.decisionMaker).toBe('Cabinet');
    expect(page.decisionType).toBe('non-key');
    expect(page.outcomes).toEqual([
      {
        number: 1,
        verb: 'NOTED',
        text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership',
        line: 13,
      },
      {
        number: 2,
        verb: 'RECOMMENDED',
        target: 'Council',
        text: 'that the proposed Community Safety Strategy 2021-24 be approved.',
        line: 17,
      },
    ]);
  });

  it('reads the minutes as paragraphs and the bullets as discussion points, with no non-breaking spaces left', () => {
    expect(page.minutes).toHaveLength(6);
    expect(page.minutes[0]).toBe('Andrew Cotton, Director for Housing and Communities introduced the report, the purpose of which was to seek approval to adopt the proposed Community Safety Strategy 2021-23, provide an overview of the issues impacting on communities across the borough and set out how the Council and partner agencies seek to resolve long standing issues.');
    expect(page.minutes[1]).toContain('anti-social behaviour. The Strategy sought');
    expect(page.minutes[3]).toContain('progress would be reported to Scrutiny Committee annually.');
    expect(page.minutes[5]).toBe('During discussion the following points were noted:');
    expect(page.discussionPoints).toEqual([
      'Members thanks the Director for Housing and Communities, his team and Councillor Pearson for their work.',
      'Members were pleased with the work undertaken by the Council as part of the Community Safety Partnership.',
      'Crime had a huge impact on the victim and on the community.',
      'Promoting community safety was important to the public.',
      'Domestic violence had increased and it was important to encourage victims to report this crime and ensure their safety.',
    ]);
    expect([...page.minutes, ...page.discussionPoints].join('')).not.toContain(NBSP);
  });

  it('reads the reasons with their bullets as their own entries, curly quotes kept', () => {
    expect(page.reasons).toHaveLength(9);
    expect(page.reasons.slice(0, 3)).toEqual([
      'The Council’s Corporate Strategy 2020-24 commits to two key priorities which impact upon the Community Safety Strategy:',
      'Excellent services impacting positively on our communities (Priority one);',
      'Connected and led by our community (Priority six)',
    ]);
    expect(page.reasons[8]).toBe('The strategy also seeks to cement the relationship of partner organisations under one defining approach to service delivery, one of localised services with a strong engagement philosophy.');
  });

  it('reads the (empty) supporting documents and finds nothing exempt', () => {
    expect(page.documents).toEqual([]);
    expect(page.exemptReason).toBeUndefined();
  });

  it('warns, with where, that the strategy is named 2021-23 and 2021-24', () => {
    expect(result.ok && result.warnings).toEqual([{
      code: 'document-year-mismatch',
      where: 'summary (line 5); decision outcome 2 (line 17)',
      message: '"Community Safety Strategy" is named with different years: 2021-23 (summary (line 5), minutes paragraph 1 (line 21)) and 2021-24 (decision outcome 2 (line 17)). Check which is right with the report\'s author.',
    }]);
  });
});

/** A small page in the same shape as the fixture, for the variations real pages show. */
const page = (decision: string, extra = ''): string => [
  'Agenda item 7', '', 'BUDGET MONITORING', '', 'To consider the budget.', '', 'Decision:', '', 'Cabinet', '', decision, '', extra,
].join('\n');

describe('parseAgendaItemText: variations', () => {
  it('reads an item number on the header line and a key decision heading', () => {
    const value = valueOf(parseAgendaItemText(page(`1)${NBSP}${NBSP} APPROVED the budget;`, 'DECISIONS (KEY)')));
    expect(value.number).toBe('7');
    expect(value.decisionType).toBe('key');
    expect(value.outcomes).toEqual([{ number: 1, verb: 'APPROVED', text: 'the budget', line: 11 }]);
  });

  it('warns when the decision has no type', () => {
    const result = parseAgendaItemText(page('1) APPROVED the budget.'));
    expect(result.ok && result.warnings).toEqual([{
      code: 'decision-type-missing',
      where: 'decision (line 11)',
      message: 'The page does not say whether this is a key or a non-key decision; it was imported as "unknown". Set it before publishing.',
    }]);
  });

  it('warns when outcomes are numbered out of order, naming the first that is wrong', () => {
    const result = parseAgendaItemText(page('1) NOTED the report;\n\n3) AGREED the plan;\n\n2) DELEGATED authority to the Director.', 'DECISIONS (NON-KEY)'));
    expect(result.ok && result.warnings.map((w) => [w.code, w.where])).toEqual([['outcomes-out-of-order', 'decision outcome 3 (line 13)']]);
  });

  it('warns about an outcome with no known verb and imports it without one', () => {
    const result = parseAgendaItemText(page('1) That the budget be noted.', 'DECISIONS (NON-KEY)'));
    const value = valueOf(result);
    expect(value.outcomes).toEqual([{ number: 1, text: 'That the budget be noted.', line: 11 }]);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['outcome-verb-unknown']);
  });

  it('reads unnumbered decision text as one outcome', () => {
    const value = valueOf(parseAgendaItemText(page('RESOLVED that the report be noted and the budget approved.', 'DECISIONS (KEY)')));
    expect(value.outcomes).toEqual([{ number: 1, verb: 'RESOLVED', text: 'that the report be noted and the budget approved.', line: 11 }]);
  });

  it('reads the alternative options considered, each paragraph and bullet its own entry, apart from the reasons', () => {
    const value = valueOf(parseAgendaItemText(page('1) AGREED the plan.', [
      'DECISIONS (KEY)', '', 'Reason for the decisions', '', 'The plan is needed.', '',
      'Alternative options considered', '', 'To do nothing: rejected because the duty is statutory.', '', '·         To buy in the service.', '',
      'Supporting documents:',
    ].join('\n'))));
    expect(value.reasons).toEqual(['The plan is needed.']);
    expect(value.alternatives).toEqual(['To do nothing: rejected because the duty is statutory.', 'To buy in the service.']);
  });

  it.each(['Alternative options considered:', 'ALTERNATIVE OPTIONS', 'Alternatives considered and rejected', 'Other alternative options considered'])(
    'knows the heading "%s"',
    (heading) => {
      expect(valueOf(parseAgendaItemText(page('1) AGREED the plan.', `${heading}\n\nTo do nothing.`))).alternatives).toEqual(['To do nothing.']);
    },
  );

  it('appends an unnumbered paragraph to the outcome before it', () => {
    const value = valueOf(parseAgendaItemText(page('1) AGREED the following:\n\n(a) the plan; and', 'DECISIONS (KEY)')));
    expect(value.outcomes).toEqual([{ number: 1, verb: 'AGREED', text: 'the following:\n(a) the plan', line: 11 }]);
  });

  it('keeps every one of thousands of paragraphs that continue an outcome, each tidied, in order', () => {
    const clauses = Array.from({ length: 20_000 }, (_, i) => `clause  ${i};`);
    const value = valueOf(parseAgendaItemText(page(`1) AGREED the following:\n\n${clauses.join('\n\n')}`, 'DECISIONS (KEY)')));
    const lines = value.outcomes[0]!.text.split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines.slice(0, 3)).toEqual(['the following:', 'clause 0', 'clause 1']);
    expect(lines[20_000]).toBe('clause 19999');
  });

  it('warns when the Decision: and DECISIONS blocks differ', () => {
    const result = parseAgendaItemText(page('1) APPROVED the budget.', 'DECISIONS (KEY)\n\nCabinet:\n\n1) APPROVED the revised budget.'));
    expect(result.ok && result.warnings.map((w) => [w.code, w.where])).toEqual([['outcomes-differ', 'DECISIONS (line 17)']]);
    expect(valueOf(result).outcomes[0]!.text).toBe('the budget.');
  });

  it('marks an exempt item and warns', () => {
    const text = page('1) APPROVED the disposal.', 'DECISIONS (KEY)').replace('To consider the budget.',
      'This report contains exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.');
    const result = parseAgendaItemText(text);
    expect(valueOf(result).exemptReason).toBe('This report contains exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.');
    expect(result.ok && result.warnings.map((w) => [w.code, w.where])).toEqual([['restricted-or-exempt', 'page']]);
  });

  it('reads supporting documents, dropping the file size and keeping a link', () => {
    const value = valueOf(parseAgendaItemText(page('1) NOTED the report.', 'DECISIONS (NON-KEY)\n\nSupporting documents:\n\nBudget report PDF 245 KB\n\nAppendix A https://democracy.example.gov.uk/documents/s1/A.pdf')));
    expect(value.documents).toEqual([
      { title: 'Budget report' },
      { title: 'Appendix A', url: 'https://democracy.example.gov.uk/documents/s1/A.pdf' },
    ]);
  });

  it('reads an agenda item published before the meeting: title and summary, no decision', () => {
    const value = valueOf(parseAgendaItemText('Agenda item\n\nCOUNCIL TAX BASE 2027-28\n\nTo set the tax base.\n\nSupporting documents:\n'));
    expect(value).toEqual({
      titleAsPublished: 'COUNCIL TAX BASE 2027-28', title: 'Council Tax Base 2027-28', summary: ['To set the tax base.'],
      outcomes: [], minutes: [], discussionPoints: [], reasons: [], alternatives: [], documents: [],
    });
  });

  it.each([
    ['', 'line 1', 'The page is empty: paste or save the whole agenda-item page.'],
    [`\n${NBSP}\n  \n`, 'line 1', 'The page is empty: paste or save the whole agenda-item page.'],
    ['Dear councillor,\n\nPlease find attached.', 'line 1', 'This does not look like a ModernGov agenda-item page: it has none of the headings "Agenda item", "Decision:", "Minutes:", "Reason for the decisions" or "Supporting documents:".'],
    ['<html><body>Decision:</body></html>', 'line 1', 'This looks like markup, not the text of an agenda-item page: send HTML as text/html.'],
    ['Agenda item\n\nDecision:\n', 'line 1', 'The page has no title before its first heading.'],
  ])('answers a located error for %j', (text, where, message) => {
    expect(parseAgendaItemText(text)).toEqual({ ok: false, error: { where, message } });
  });
});
