import { parseCommitteesXml } from '../../src/import/committees-xml-parser';
import { parseMeetingsXml } from '../../src/import/meetings-xml-parser';
import { moderngovFixture, xmlFixture } from './fixtures';

describe('parseCommitteesXml', () => {
  it('reads the real GetCommittees answer (Manchester): ids, titles, categories, the expired one marked', () => {
    expect(parseCommitteesXml(moderngovFixture('lgsf_webservice_getcommittees.xml'))).toEqual({
      ok: true,
      warnings: [],
      value: [
        { modernGovId: '312', title: 'Appointment Sub Committee for Director of Adult Social Services', expired: true, deleted: false, category: 'Governance and Decision Making Committees' },
        { modernGovId: '163', title: 'Art Galleries Committee', expired: false, deleted: false, category: 'Governance and Decision Making Committees' },
        { modernGovId: '144', title: 'Audit Committee', expired: false, deleted: false, category: 'Governance and Decision Making Committees' },
      ],
    });
  });

  it.each([
    ['a GetMeeting answer', moderngovFixture('lgsf_webservice_getmeeting.xml'), '<meeting>', 'This XML (root element <meeting>) is not a GetCommittees answer (<committees>).'],
    ['an HTML error page', xmlFixture('getmeeting_html_error_page.xml'), 'line 1',
      'The server answered with an HTML page ("403 - Forbidden: Access is denied.") instead of GetCommittees XML: the web service may be switched off, or it refused a scripted client.'],
  ])('refuses %s with a located error', (_what, xml, where, message) => {
    expect(parseCommitteesXml(xml)).toEqual({ ok: false, error: { where, message } });
  });

  it('leaves out a committee without an id, saying so', () => {
    const result = parseCommitteesXml('<committees><committee><committeetitle>No id</committeetitle></committee></committees>');
    expect(result).toEqual({ ok: true, value: [], warnings: [{ code: 'nothing-to-import', where: 'committee 1', message: 'The committee has no ModernGov id (digits) or no title; it was left out.' }] });
  });
});

describe('parseMeetingsXml', () => {
  it('reads the real GetMeetings answer (Manchester Audit Committee): ids, dates and statuses', () => {
    expect(parseMeetingsXml(moderngovFixture('lgsf_webservice_getmeetings.xml'))).toEqual({
      ok: true,
      warnings: [],
      value: [
        { modernGovId: '4966', modernGovCommitteeId: '144', date: '2026-01-13', status: 'Cancelled' },
        { modernGovId: '4967', modernGovCommitteeId: '144', date: '2026-02-10', status: 'Confirmed' },
      ],
    });
  });

  it('reads a committee with no meetings in the window', () => {
    const xml = '<getmeetings><meetingscount>0</meetingscount><committee><committeeid>144</committeeid><committeemeetings></committeemeetings></committee></getmeetings>';
    expect(parseMeetingsXml(xml)).toEqual({ ok: true, value: [], warnings: [] });
  });

  it('locates a truncated answer', () => {
    const text = moderngovFixture('lgsf_webservice_getmeetings.xml');
    const result = parseMeetingsXml(text.slice(0, text.indexOf('<meetingstatus>Confirmed')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^The answer is not well-formed XML: /);
    expect(!result.ok && result.error.where).toMatch(/^line \d+, column \d+$/);
  });
});
