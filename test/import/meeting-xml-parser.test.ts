import { parseMeetingXml } from '../../src/import/meeting-xml-parser';
import { xmlFixture } from './fixtures';

describe('parseMeetingXml', () => {
  it('reads a GetMeeting answer: meeting, agenda items, linked documents and restrictions', () => {
    expect(parseMeetingXml(xmlFixture('getmeeting_cabinet.xml'))).toEqual({
      ok: true,
      value: {
        modernGovId: '2841',
        date: '2021-10-12',
        time: '16:30',
        committeeTitle: 'Cabinet',
        modernGovCommitteeId: '133',
        location: 'Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH',
        agendaItems: [
          {
            modernGovId: '17236', number: '1', titleAsPublished: 'APOLOGIES FOR ABSENCE', title: 'Apologies for Absence',
            isDecision: false, restricted: false, documents: [],
          },
          {
            modernGovId: '17241', number: '6',
            titleAsPublished: 'APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN',
            title: 'Approval of the Community Safety Partnership Strategic Plan',
            isDecision: true, restricted: false,
            documents: [
              {
                title: 'Community Safety Partnership Strategic Plan report',
                href: 'https://democracy.melton.gov.uk/documents/s21907/Community%20Safety%20Strategy.pdf',
                url: 'https://democracy.melton.gov.uk/documents/s21907/Community%20Safety%20Strategy.pdf',
                restricted: false,
              },
              {
                title: 'Appendix A - Community Safety Strategy 2021-24',
                href: 'https://democracy.melton.gov.uk/documents/s21908/Appendix%20A.pdf',
                url: 'https://democracy.melton.gov.uk/documents/s21908/Appendix%20A.pdf',
                restricted: false,
              },
            ],
          },
          {
            modernGovId: '17245', number: '9',
            titleAsPublished: 'Disposal of land at Snow Hill & Nottingham Street',
            title: 'Disposal of land at Snow Hill & Nottingham Street',
            isDecision: true, restricted: true,
            documents: [{
              title: 'Exempt appendix: valuation',
              href: 'https://democracy.melton.gov.uk/documents/s21950/Valuation.pdf',
              url: 'https://democracy.melton.gov.uk/documents/s21950/Valuation.pdf',
              restricted: true,
            }],
          },
        ],
      },
      warnings: [{
        code: 'restricted-or-exempt',
        where: 'agenda item 3 (ModernGov id 17245)',
        message: 'The item is marked restricted (exempt); it will only be shown to the committee.',
      }],
    });
  });

  it('finds the meeting inside a SOAP envelope, keeps ids as text and resolves relative links against the address', () => {
    const result = parseMeetingXml(xmlFixture('getmeeting_soap_envelope.xml'), 'https://democracy.melton.gov.uk/mgWebService.asmx');
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: {
        modernGovId: '0952', date: '2022-01-24', time: '18:00', committeeTitle: 'Council', modernGovCommitteeId: '128',
        agendaItems: [{
          modernGovId: '18002', number: '7',
          titleAsPublished: 'Recommendations from Cabinet: Community Safety Strategy 2021-24',
          title: 'Recommendations from Cabinet: Community Safety Strategy 2021-24',
          isDecision: true, restricted: false,
          documents: [{
            title: 'Cabinet recommendation',
            href: 'documents/s22010/Cabinet recommendation.pdf',
            url: 'https://democracy.melton.gov.uk/documents/s22010/Cabinet%20recommendation.pdf',
            restricted: false,
          }],
        }],
      },
    });
  });

  it('warns when a relative link cannot be resolved', () => {
    const result = parseMeetingXml(xmlFixture('getmeeting_soap_envelope.xml'));
    expect(result.ok && result.warnings).toEqual([{
      code: 'document-url-unresolved',
      where: 'agenda item 1, document "Cabinet recommendation"',
      message: 'The link "documents/s22010/Cabinet recommendation.pdf" is relative; give the address the answer came from (sourceUrl / --source-url) to keep it.',
    }]);
  });

  it('reads a meeting with no agenda items yet, and says so', () => {
    expect(parseMeetingXml(xmlFixture('getmeeting_no_agenda_items.xml'))).toEqual({
      ok: true,
      value: { modernGovId: '2907', date: '2022-03-15', committeeTitle: 'Cabinet', modernGovCommitteeId: '133', agendaItems: [] },
      warnings: [{ code: 'nothing-to-import', where: 'meeting/agendaitems', message: 'The meeting has no agenda items yet.' }],
    });
  });

  it('treats an HTML error page in place of XML as the error it is, naming the page', () => {
    expect(parseMeetingXml(xmlFixture('getmeeting_html_error_page.xml'))).toEqual({
      ok: false,
      error: {
        where: 'line 1',
        message: 'The server answered with an HTML page ("403 - Forbidden: Access is denied.") instead of GetMeeting XML: the web service may be switched off, or it refused a scripted client.',
      },
    });
  });

  it('locates malformed XML by line and column', () => {
    expect(parseMeetingXml(xmlFixture('getmeeting_malformed.xml'))).toEqual({
      ok: false,
      error: { where: 'line 10, column 3', message: "The answer is not well-formed XML: Expected closing tag 'agendaitems' (opened in line 5, col 5) instead of closing tag 'meeting'." },
    });
  });

  it.each([
    ['', 'line 1', 'The answer is empty.'],
    ['<GetCommitteesResult><committee><committeeid>1</committeeid></committee></GetCommitteesResult>', '<getcommitteesresult>',
      'This XML (root element <getcommitteesresult>) has no <meetingid>: it is not a GetMeeting answer.'],
    ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'line 1',
      'The XML declares a document type (<!DOCTYPE>); GetMeeting answers never do, so it was refused.'],
    ['<meeting><meetingid><b>1</b></meetingid></meeting>', 'meeting/meetingid',
      'The GetMeeting answer is not as expected at <meetingid>: Expected string, received object.'],
  ])('answers a located error for %j', (xml, where, message) => {
    expect(parseMeetingXml(xml)).toEqual({ ok: false, error: { where, message } });
  });

  it('leaves out an agenda item with no id, saying so, and reads True/1/yes booleans', () => {
    const result = parseMeetingXml(`<getmeeting><meeting><meetingid>5</meetingid><meetingdate>01/02/2027</meetingdate>
      <agendaitems><agendaitem><agendaitemtitle>No id</agendaitemtitle></agendaitem>
      <agendaitem><agendaitemid>9</agendaitemid><agendaitemtitle>Kept</agendaitemtitle><isdecision>yes</isdecision></agendaitem></agendaitems>
      </meeting></getmeeting>`);
    expect(result.ok && result.value.agendaItems).toEqual([
      { modernGovId: '9', titleAsPublished: 'Kept', title: 'Kept', isDecision: true, restricted: false, documents: [] },
    ]);
    expect(result.ok && result.warnings).toEqual([
      { code: 'nothing-to-import', where: 'agenda item 1', message: 'The agenda item has no agendaitemid; it was left out.' },
    ]);
  });
});
