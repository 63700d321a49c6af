import { parseMeetingXml } from '../../src/import/meeting-xml-parser';
import { moderngovFixture, xmlFixture } from './fixtures';

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
        statusAsPublished: 'Published',
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
        attendees: [],
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
        attendees: [],
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
      value: { modernGovId: '2907', date: '2022-03-15', committeeTitle: 'Cabinet', modernGovCommitteeId: '133', agendaItems: [], attendees: [] },
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

  describe('the real GetMeeting answers (Manchester, recorded)', () => {
    const SERVICE = 'https://democracy.manchester.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4967';
    const ATTENDEE = { modernGovMemberId: '192', name: 'Councillor Basil Curley', role: 'Committee Member', attendance: 'Expected' };

    it('reads every field the bot uses: no committee named, Word HTML as plain text, printed numbers, document dates, attendees', () => {
      expect(parseMeetingXml(moderngovFixture('lgsf_webservice_getmeeting.xml'), SERVICE)).toEqual({
        ok: true,
        warnings: [],
        value: {
          modernGovId: '4967',
          date: '2026-02-10',
          time: '10:00',
          location: 'Council Antechamber, Level 2, Town Hall Extension',
          statusAsPublished: 'Confirmed',
          agendaPublished: true,
          agendaItems: [
            {
              modernGovId: '18831', number: '1', titleAsPublished: 'Minutes', title: 'Minutes',
              isDecision: false, restricted: false, decisionPublished: false,
              text: 'To approve as a correct record the minutes of the meeting held on 25 November 2025.',
              minutes: 'To approve the minutes of the meeting held on 25 November 2025 as a correct record.',
              documents: [{
                title: '6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025',
                href: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860',
                url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860',
                restricted: false,
                publishedOn: '2026-02-02',
              }],
            },
            {
              modernGovId: '18833', number: '9', titleAsPublished: 'Work Programme', title: 'Work Programme',
              isDecision: false, restricted: false, decisionPublished: false,
              text: 'The report of the Governance and Scrutiny Support Unit, attached.',
              minutes: 'The Committee considered a report of the Governance and Scrutiny Support Unit which set out its future Work Programme for the remainder of 2025/26 municipal year.',
              documents: [{
                title: 'DRAFT WP FEBRUARY 2026',
                href: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909',
                url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909',
                restricted: false,
                publishedOn: '2026-02-02',
              }],
            },
          ],
          attendees: [ATTENDEE],
        },
      });
    });

    it('reads a cancelled meeting: its state, no agenda published, no items', () => {
      expect(parseMeetingXml(moderngovFixture('lgsf_webservice_getmeeting_cancelled.xml'))).toEqual({
        ok: true,
        warnings: [{ code: 'nothing-to-import', where: 'meeting/agendaitems', message: 'The meeting has no agenda items yet.' }],
        value: {
          modernGovId: '4966', date: '2026-01-13', time: '10:00', location: 'Council Antechamber, Level 2, Town Hall Extension',
          statusAsPublished: 'Cancelled', state: 'cancelled', agendaPublished: false, agendaItems: [], attendees: [ATTENDEE],
        },
      });
    });

    it.each([['Postponed', 'postponed'], ['Cancelled', 'cancelled'], ['Confirmed', undefined], ['Provisional', undefined]])(
      'reads meetingstatus %s as state %s', (status, state) => {
        const xml = moderngovFixture('lgsf_webservice_getmeeting.xml').replace('<meetingstatus>Confirmed</meetingstatus>', `<meetingstatus>${status}</meetingstatus>`);
        const result = parseMeetingXml(xml);
        expect(result.ok && result.value.state).toBe(state);
        expect(result.ok && result.value.statusAsPublished).toBe(status);
      });

    it('marks an isrestricted item exempt and its restricted documents restricted, with a warning', () => {
      const xml = moderngovFixture('lgsf_webservice_getmeeting.xml')
        .replace(/<isrestricted>False<\/isrestricted>\s*<isdisplayallowed>True<\/isdisplayallowed>\s*<meetingdate>10\/02\/2026<\/meetingdate>\s*<meetingtime>10.00 am<\/meetingtime>\s*<minutesitemnumber>9/,
          (m) => m.replace('<isrestricted>False</isrestricted>', '<isrestricted>True</isrestricted>'))
        .replace('<isrestricted>False</isrestricted>\n          <restrictionsRef>\n          </restrictionsRef>\n          <itemnum>1</itemnum>\n          <publicationdate>02/02/2026</publicationdate>\n          <meetingdate>10/02/2026</meetingdate>\n          <decisiondate>10/02/2026</decisiondate>\n          <committeetitle>Audit Committee</committeetitle>\n          <isdecisionattachment>False</isdecisionattachment>\n          <ownertitle>Work Programme</ownertitle>',
          '<isrestricted>True</isrestricted>\n          <restrictionsRef>\n          </restrictionsRef>\n          <itemnum>1</itemnum>\n          <publicationdate>02/02/2026</publicationdate>\n          <meetingdate>10/02/2026</meetingdate>\n          <decisiondate>10/02/2026</decisiondate>\n          <committeetitle>Audit Committee</committeetitle>\n          <isdecisionattachment>False</isdecisionattachment>\n          <ownertitle>Work Programme</ownertitle>');
      const result = parseMeetingXml(xml);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.agendaItems.map((i) => [i.modernGovId, i.restricted, i.documents.map((d) => d.restricted)])).toEqual([
        ['18831', false, [false]],
        ['18833', true, [true]],
      ]);
      expect(result.warnings).toEqual([{ code: 'restricted-or-exempt', where: 'agenda item 2 (ModernGov id 18833)', message: 'The item is marked restricted (exempt); it will only be shown to the committee.' }]);
    });

    it('reads a published decision and its text, and keeps line breaks written as <br>', () => {
      const xml = moderngovFixture('lgsf_webservice_getmeeting.xml').replace('<isdecisionpublished>False</isdecisionpublished>',
        '<isdecisionpublished>True</isdecisionpublished><decisionnonemptyhtmlbody>&lt;p&gt;1) NOTED the report.&lt;br&gt;2) APPROVED the&#160;plan.&lt;/p&gt;&lt;p&gt;Reason: good.&lt;/p&gt;</decisionnonemptyhtmlbody>');
      const result = parseMeetingXml(xml);
      expect(result.ok && result.value.agendaItems[0]).toMatchObject({ decisionPublished: true, decisionText: '1) NOTED the report.\n2) APPROVED the plan.\n\nReason: good.' });
    });
  });
});
