import { findModernGovLinks, hostMatches, parseModernGovLink } from '../../../src/services/commands/moderngov-link';

describe('ModernGov links', () => {
  it('recognises an agenda item page', () => {
    expect(parseModernGovLink('https://democracy.melton.gov.uk/mgAi.aspx?ID=123')).toEqual({
      kind: 'agenda-item', externalId: '123', url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=123',
    });
  });

  it('recognises a decision page, in any letter case and with other parameters', () => {
    expect(parseModernGovLink('see HTTPS://Democracy.Kirklees.gov.uk/ieDecisionDetails.aspx?AIId=99&id=456&Opt=3 thanks')).toEqual({
      kind: 'decision', externalId: '456', url: 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?AIId=99&id=456&Opt=3',
    });
    expect(parseModernGovLink('http://cmis.example.org/moderngov/IEDECISIONDETAILS.ASPX?Id=7')).toEqual({
      kind: 'decision', externalId: '7', url: 'http://cmis.example.org/moderngov/IEDECISIONDETAILS.ASPX?Id=7',
    });
  });

  it('accepts a link pasted without its scheme, and stops at closing punctuation', () => {
    expect(parseModernGovLink('(democracy.melton.gov.uk/mgAi.aspx?ID=5).')).toEqual({
      kind: 'agenda-item', externalId: '5', url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=5',
    });
  });

  it('reads a link Teams wrapped in an anchor once, with &amp; decoded', () => {
    const text = '<a href="https://democracy.melton.gov.uk/mgAi.aspx?ID=123&amp;MId=9">https://democracy.melton.gov.uk/mgAi.aspx?ID=123&amp;MId=9</a>';
    expect(findModernGovLinks(text)).toEqual([
      { kind: 'agenda-item', externalId: '123', url: 'https://democracy.melton.gov.uk/mgAi.aspx?ID=123&MId=9' },
    ]);
  });

  it('finds every distinct link in order', () => {
    const text = 'compare https://a.gov.uk/mgAi.aspx?ID=1 with https://a.gov.uk/ieDecisionDetails.aspx?ID=2 and https://b.gov.uk/mgAi.aspx?ID=1';
    expect(findModernGovLinks(text).map((l) => `${l.kind} ${l.externalId} ${new URL(l.url).host}`)).toEqual([
      'agenda-item 1 a.gov.uk', 'decision 2 a.gov.uk', 'agenda-item 1 b.gov.uk',
    ]);
  });

  it('ignores other pages, links without a numeric ID, and text without links', () => {
    expect(parseModernGovLink('https://democracy.melton.gov.uk/mgIssueHistoryHome.aspx?IId=123')).toBeUndefined();
    expect(parseModernGovLink('https://democracy.melton.gov.uk/mgAi.aspx?MId=123')).toBeUndefined();
    expect(parseModernGovLink('https://democracy.melton.gov.uk/mgAi.aspx?ID=abc')).toBeUndefined();
    expect(parseModernGovLink('https://example.com/notmgAi.aspx?ID=1')).toBeUndefined();
    expect(parseModernGovLink('status community safety')).toBeUndefined();
  });

  it('reads a decision linked by its agenda item (ieDecisionDetails.aspx?AIId=), preferring the decision id when both are there', () => {
    expect(parseModernGovLink('https://democracy.melton.gov.uk/ieDecisionDetails.aspx?AIId=17241')).toEqual({
      kind: 'decision-by-item', externalId: '17241', url: 'https://democracy.melton.gov.uk/ieDecisionDetails.aspx?AIId=17241',
    });
    expect(parseModernGovLink('https://democracy.melton.gov.uk/ieDecisionDetails.aspx?aiid=17241&Opt=1')?.kind).toBe('decision-by-item');
    expect(parseModernGovLink('https://democracy.melton.gov.uk/ieDecisionDetails.aspx?AIId=17241&ID=4321')).toMatchObject({ kind: 'decision', externalId: '4321' });
    expect(parseModernGovLink('https://democracy.melton.gov.uk/ieDecisionDetails.aspx?AIId=x')).toBeUndefined();
  });

  it('matches hosts as Teams reads link domains: exactly, or *. for exactly one label', () => {
    expect(hostMatches('democracy.melton.gov.uk', 'democracy.melton.gov.uk')).toBe(true);
    expect(hostMatches('DEMOCRACY.Melton.gov.uk', 'democracy.melton.gov.uk')).toBe(true);
    expect(hostMatches('democracy.melton.gov.uk', '*.melton.gov.uk')).toBe(true);
    expect(hostMatches('a.democracy.melton.gov.uk', '*.melton.gov.uk')).toBe(false);
    expect(hostMatches('melton.gov.uk', '*.melton.gov.uk')).toBe(false);
    expect(hostMatches('democracy.othercouncil.gov.uk', 'democracy.melton.gov.uk')).toBe(false);
    expect(hostMatches('evilmelton.gov.uk', '*.melton.gov.uk')).toBe(false);
    expect(hostMatches('democracy.melton.gov.uk.example.org', 'democracy.melton.gov.uk')).toBe(false);
  });
});
