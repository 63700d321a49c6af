import fc from 'fast-check';
import { parseAgendaItemText } from '../../src/import/agenda-item-text-parser';
import { parseDecisionDetailsHtml } from '../../src/import/decision-details-parser';
import { parseDecisionsListHtml } from '../../src/import/decisions-list-parser';
import { parseCommitteesXml } from '../../src/import/committees-xml-parser';
import { parseMeetingXml } from '../../src/import/meeting-xml-parser';
import { parseMeetingsXml } from '../../src/import/meetings-xml-parser';
import type { ParseResult } from '../../src/import/parse-result';
import { readModernGovPage } from '../../src/import/read-page';
import { moderngovFixture, xmlFixture } from './fixtures';

/** A parse result is either a value with well-formed warnings or a located error with a message: never anything else. */
function expectWellFormed(result: ParseResult<unknown>): void {
  if (result.ok) {
    expect(result.value).toBeDefined();
    for (const w of result.warnings) {
      expect(w.code).toMatch(/^[a-z-]+$/);
      expect(w.message.length).toBeGreaterThan(0);
      expect(w.where.length).toBeGreaterThan(0);
    }
  } else {
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.where.length).toBeGreaterThan(0);
  }
}

/** Answers within a bound: a parser that backtracks badly on some input fails here instead of hanging a request. */
function timed<T>(parse: () => T): T {
  const started = process.hrtime.bigint();
  const result = parse();
  expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  return result;
}

const PAGE_WORDS = [
  'Agenda item', 'Decision:', 'Minutes:', 'DECISIONS (NON-KEY)', 'DECISIONS (KEY)', 'Reason for the decisions', 'Supporting documents:',
  'Cabinet', '1) NOTED the report;', '2) RECOMMENDED to Council that', '3) ', '·\u00a0\u00a0 a point', '\u00a0', 'Strategy 2021-23',
  'Strategy 2021-24', 'Schedule 12A', '((((', '1)', 'Portfolio Holder for', ', Director for X introduced the report',
];
const MARKUP = [
  '<div id="modgov">', '</div>', '<h2 class="mgSubTitleTxt">', '</h2>', '<p><span class="mgLabel">Decision Maker: </span>', '</p>',
  '<span class="mgLabel">Is Key decision?: </span>', 'Yes', '<h3 class="mgSubSubTitleTxt">Decision:</h3>', '<div class="mgWordPara">',
  '<ul class="mgBulletList"><li><a href="documents/x.pdf">', '</a></li></ul>', '<table class="mgTabTable"><tbody><tr><td>',
  '<a href="ieDecisionDetails.aspx?ID=1">', '</td></tr></tbody></table>', '&#47;', '&nbsp;', '<!--', '-->', '<', '>', '&', '"',
  '<a href="javascript:alert(1)">', '<a href="http://[bad">', '22&#47;10&#47;2015', '<script>', '</script>',
];
const XML_BITS = [
  '<?xml version="1.0"?>', '<getmeeting>', '</getmeeting>', '<meeting>', '</meeting>', '<meetingid>', '</meetingid>', '12',
  '<meetingdate>', '</meetingdate>', '01/02/2027', '<agendaitems>', '</agendaitems>', '<agendaitem>', '</agendaitem>',
  '<agendaitemid>', '</agendaitemid>', '<agendaitemtitle>', '</agendaitemtitle>', '<linkeddocuments>', '<linkeddoc>',
  '<title>', '</title>', '<url>', '</url>', '<isrestricted>True</isrestricted>', '<!DOCTYPE html>', '<html>', '<![CDATA[', ']]>',
  '&amp;', '&', '<', '<soap:Envelope xmlns:soap="s">', '</soap:Envelope>', '<x a="1"/>',
  // The real answer's shape (Manchester): status, escaped Word HTML, printed numbers, attendees in attributes.
  '<meetingstatus>Cancelled</meetingstatus>', '<meetingstatus>Postponed</meetingstatus>', '<agendapublished>True</agendapublished>',
  '<agendatext>', '</agendatext>', '&lt;p class="MsoNormal"&gt;', '&lt;/p&gt;', '&lt;br&gt;', '&lt;span style=""&gt;', '&lt;table&gt;&lt;td&gt;',
  '<minutesnonemptyhtmlbody>', '</minutesnonemptyhtmlbody>', '<decisionnonemptyhtmlbody>', '</decisionnonemptyhtmlbody>',
  '<isdecisionpublished>True</isdecisionpublished>', '<fulldisplaynumberformat>9.</fulldisplaynumberformat>', '<publicationdate>02/02/2026</publicationdate>',
  '<committees>', '</committees>', '<committee>', '</committee>', '<committeeid>144</committeeid>', '<committeeexpired>True</committeeexpired>',
  '<getmeetings>', '</getmeetings>', '<committeemeetings>', '</committeemeetings>', '<meetingstatus>Confirmed</meetingstatus>',
  '<attendees>', '</attendees>', '<attendee memberid="192" name="Cllr A" roledescription="Chair">', '</attendee>', '<attendee memberid="x"/>',
];

const pieces = (words: readonly string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...words), fc.string(), fc.constantFrom('\n', '\n\n', '\r\n', ' ')), { maxLength: 60 }).map((p) => p.join(''));

/** Arbitrary text, and text built from the pieces real pages are made of (so the parsers' deeper paths are reached). */
const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), pieces(PAGE_WORDS));
const anyMarkup = fc.oneof(fc.string({ maxLength: 2000 }), pieces(MARKUP), pieces(XML_BITS));
const anyXml = fc.oneof(fc.string({ maxLength: 2000 }), pieces(XML_BITS), pieces(MARKUP));

/** Real pages cut at a random point or with a random piece spliced in: the nearest thing to a damaged download. */
const damaged = (page: string) =>
  fc.tuple(fc.nat({ max: page.length }), fc.nat({ max: page.length }), fc.string({ maxLength: 50 }))
    .map(([a, b, insert]) => page.slice(0, Math.min(a, b)) + insert + page.slice(Math.max(a, b)));

const RUNS = { numRuns: 300 };

describe('every parser answers a result or a located error for any input, never throwing or hanging', () => {
  it('parseAgendaItemText', () => {
    fc.assert(fc.property(fc.oneof(anyText, damaged(moderngovFixture('melton_cabinet_agenda_item_community_safety.txt'))), (text) => {
      expectWellFormed(timed(() => parseAgendaItemText(text)));
    }), RUNS);
  });

  it('parseDecisionDetailsHtml', () => {
    fc.assert(fc.property(fc.oneof(anyMarkup, damaged(moderngovFixture('lgsf_modgov_decision_detail.html'))), fc.option(fc.webUrl()), (html, base) => {
      expectWellFormed(timed(() => parseDecisionDetailsHtml(html, base ?? undefined)));
    }), RUNS);
  });

  it('parseDecisionsListHtml', () => {
    fc.assert(fc.property(fc.oneof(anyMarkup, damaged(moderngovFixture('lgsf_modgov_decisions_list.html'))), (html) => {
      expectWellFormed(timed(() => parseDecisionsListHtml(html, 'https://democracy.example.gov.uk/')));
    }), RUNS);
  });

  it('parseMeetingXml', () => {
    fc.assert(fc.property(fc.oneof(
      anyXml, damaged(xmlFixture('getmeeting_cabinet.xml')), damaged(moderngovFixture('lgsf_webservice_getmeeting.xml')),
      damaged(moderngovFixture('lgsf_webservice_getmeeting_cancelled.xml')),
    ), (xml) => {
      expectWellFormed(timed(() => parseMeetingXml(xml)));
    }), RUNS);
  });

  it('parseCommitteesXml and parseMeetingsXml', () => {
    fc.assert(fc.property(fc.oneof(
      anyXml, damaged(moderngovFixture('lgsf_webservice_getcommittees.xml')), damaged(moderngovFixture('lgsf_webservice_getmeetings.xml')),
    ), (xml) => {
      expectWellFormed(timed(() => parseCommitteesXml(xml)));
      expectWellFormed(timed(() => parseMeetingsXml(xml)));
    }), RUNS);
  });

  it('readModernGovPage, whatever the media type', () => {
    fc.assert(fc.property(fc.oneof(anyText, anyMarkup, anyXml), fc.constantFrom('text/plain', 'text/html', 'application/xml', 'text/xml' as const), (body, type) => {
      expectWellFormed(timed(() => readModernGovPage(body, type)));
    }), RUNS);
  });

  it('answers the deepest nesting and the longest line quickly', () => {
    for (const text of ['<a>'.repeat(20_000), '('.repeat(100_000), `1) ${'A '.repeat(100_000)}`, `Decision:\n${'1) NOTED x\n'.repeat(5_000)}`]) {
      expectWellFormed(timed(() => parseAgendaItemText(text)));
      expectWellFormed(timed(() => parseDecisionDetailsHtml(text)));
      expectWellFormed(timed(() => parseMeetingXml(text)));
    }
  });
});
