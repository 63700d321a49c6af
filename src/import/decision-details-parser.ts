import type { CheerioAPI } from 'cheerio';
import type { DecisionType } from '../domain';
import { findExemptMention } from './exempt-mention';
import { decisionTypeWarnings, documentYearWarnings, outcomeOrderWarnings, unknownVerbWarnings } from './import-checks';
import { warning, type ImportWarning } from './import-warning';
import { loadHtml, modernGovPageKind, pageTitle, resolveLink, textOf } from './moderngov-html';
import { readOutcomes, type ParsedOutcome } from './outcome-line';
import { parseError, parsed, type ParseResult } from './parse-result';
import { normaliseSpaces } from './plain-text';
import { readableTitle } from './title-case';
import { readUkDate } from './uk-date';

export interface LinkedDocument {
  readonly title: string;
  /** The link as the page writes it (often relative: "documents/s7942/polc2 - 23.09.2015.pdf"). */
  readonly href: string;
  /** Absolute, when the page's own address is known. */
  readonly url?: string;
  readonly restricted: boolean;
}

/** "Decided at meeting: 19/10/2015 - Policy Committee", linking to ieListDocuments.aspx?CId=151&MID=4832. */
export interface DecidedAtMeeting {
  readonly text: string;
  readonly date?: string;
  readonly committeeName?: string;
  /** ModernGov's meeting id (MID) and committee id (CId), from the link. */
  readonly modernGovMeetingId?: string;
  readonly modernGovCommitteeId?: string;
  readonly url?: string;
}

/** What a ModernGov decision-details page (ieDecisionDetails.aspx) says. */
export interface DecisionDetailsPage {
  readonly titleAsPublished: string;
  readonly title: string;
  /** From "Decision Maker:", or else the committee of "Decided at meeting:". */
  readonly decisionMaker?: string;
  /** ModernGov's status line: "Recommendations Approved". */
  readonly status?: string;
  readonly decisionType?: Exclude<DecisionType, 'unknown'>;
  readonly subjectToCallIn?: boolean;
  readonly purpose: string[];
  /** Every paragraph of the "Decision:" block. */
  readonly decisionText: string[];
  /** The decision text as outcomes: its numbered paragraphs, or the whole text as one DECIDED outcome. */
  readonly outcomes: ParsedOutcome[];
  /** "Reasons for the decision:", where the page has it. */
  readonly reasons: string[];
  /** "Alternative options considered:", where the page has it. */
  readonly alternatives: string[];
  readonly publishedOn?: string;
  readonly decidedOn?: string;
  readonly meeting?: DecidedAtMeeting;
  readonly documents: LinkedDocument[];
  readonly exemptReason?: string;
}

interface Labelled {
  readonly value: string;
  readonly href?: string;
}

/** Each "span.mgLabel" with the rest of its paragraph as the value: "Is Key decision?: " + "Yes". */
function readLabels($: CheerioAPI): Map<string, Labelled> {
  const labels = new Map<string, Labelled>();
  $('span.mgLabel').each((_, el) => {
    const label = textOf($, el).replace(/:$/, '').trim().toLowerCase();
    const container = $(el).parent().clone();
    container.find('.mgLabel').remove();
    const href = $(el).parent().find('a[href]').first().attr('href');
    if (!labels.has(label)) labels.set(label, { value: normaliseSpaces(container.text()), ...(href ? { href } : {}) });
  });
  return labels;
}

const readYesNo = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : /^yes\b/i.test(value) ? true : /^no\b/i.test(value) ? false : undefined;

/** The paragraphs of the Word-generated block after a heading such as "Decision:" or "Purpose:". */
function readBlock($: CheerioAPI, heading: string): string[] | undefined {
  const h3 = $('h3.mgSubSubTitleTxt').filter((_, el) => textOf($, el).replace(/:$/, '').toLowerCase() === heading).first();
  if (h3.length === 0) return undefined;
  const block = h3.nextUntil('h3, p:has(.mgLabel), p.mgLabel, ul.mgBulletList');
  const paragraphs: string[] = [];
  block.each((_, el) => {
    const leaves = $(el).find('p, li').filter((__, leaf) => $(leaf).find('p, li').length === 0);
    if (leaves.length === 0) paragraphs.push(textOf($, el));
    else leaves.each((__, leaf) => { paragraphs.push(textOf($, leaf)); });
  });
  return paragraphs.filter((p) => p !== '');
}

function readMeeting(labelled: Labelled | undefined, base: string | undefined): DecidedAtMeeting | undefined {
  if (!labelled || labelled.value === '') return undefined;
  const [datePart, ...rest] = labelled.value.split(/\s+-\s+/);
  const date = readUkDate(datePart ?? '');
  const committeeName = rest.join(' - ').trim() || undefined;
  const url = labelled.href ? resolveLink(labelled.href, base) : undefined;
  // The query string is read as data, not markup: ModernGov's meeting link carries MID (meeting) and CId (committee).
  const params = labelled.href ? new URLSearchParams(labelled.href.split('?')[1] ?? '') : undefined;
  const param = (name: string): string | undefined =>
    [...(params?.entries() ?? [])].find(([k]) => k.toLowerCase() === name)?.[1] || undefined;
  // ModernGov's ids are digits; a link with anything else in their place links nothing we can match.
  const digits = (value: string | undefined): string | undefined => (value !== undefined && /^\d{1,12}$/.test(value) ? value : undefined);
  const mid = digits(param('mid'));
  const cid = digits(param('cid'));
  return {
    text: labelled.value,
    ...(date ? { date } : {}),
    ...(committeeName ? { committeeName } : {}),
    ...(mid ? { modernGovMeetingId: mid } : {}),
    ...(cid ? { modernGovCommitteeId: cid } : {}),
    ...(url ? { url } : {}),
  };
}

function readDocuments($: CheerioAPI, base: string | undefined): LinkedDocument[] {
  const documents: LinkedDocument[] = [];
  $('ul.mgBulletList li').each((_, li) => {
    const link = $(li).find('a[href]').first();
    const restricted = findExemptMention(textOf($, li)) !== undefined;
    if (link.length === 0) {
      const title = textOf($, li);
      if (title) documents.push({ title, href: '', restricted });
      return;
    }
    const name = link.clone();
    name.find('.mgFileSize, .mgHide').remove();
    const title = normaliseSpaces(name.text()) || normaliseSpaces(link.attr('title') ?? '');
    const href = link.attr('href') ?? '';
    const url = resolveLink(href, base);
    if (title) documents.push({ title, href, ...(url ? { url } : {}), restricted });
  });
  return documents;
}

/**
 * Reads a ModernGov decision-details page. `baseUrl` is the page's own address, to make its links absolute.
 * Answers an error for a page that is not a decision-details page, naming what it is instead.
 */
export function parseDecisionDetailsHtml(html: string, baseUrl?: string): ParseResult<DecisionDetailsPage> {
  const $ = loadHtml(html);
  const kind = modernGovPageKind($);
  if (kind !== 'decision-details') {
    const title = pageTitle($);
    const what = kind === 'decisions-list' ? 'a ModernGov decisions list' : kind === 'other-moderngov' ? 'a ModernGov page of another kind' : 'not a ModernGov page';
    return parseError('page', `This is ${what}${title ? ` ("${title}")` : ''}, not a decision-details page (ieDecisionDetails.aspx).`);
  }
  const titleText = textOf($, $('h2.mgSubTitleTxt').first());
  if (!titleText) return parseError('h2.mgSubTitleTxt', 'The decision page has an empty title.');

  const labels = readLabels($);
  const warnings: ImportWarning[] = [];
  const readDate = (label: string): string | undefined => {
    const value = labels.get(label)?.value;
    if (value === undefined || value === '') return undefined;
    const date = readUkDate(value);
    if (!date) warnings.push(warning('date-unreadable', `"${label}"`, `"${value}" is not a date written dd/mm/yyyy; it was left out.`));
    return date;
  };
  const publishedOn = readDate('publication date');
  const decidedOn = readDate('date of decision');
  const meeting = readMeeting(labels.get('decided at meeting'), baseUrl);
  const decisionMaker = labels.get('decision maker')?.value || meeting?.committeeName;
  const status = labels.get('decision status')?.value || undefined;
  const key = readYesNo(labels.get('is key decision?')?.value);
  const decisionType = key === undefined ? undefined : key ? 'key' : 'non-key';
  const subjectToCallIn = readYesNo(labels.get('is subject to call in?')?.value);
  const purpose = readBlock($, 'purpose') ?? [];
  const decisionText = readBlock($, 'decision') ?? [];
  const outcomes = readOutcomes(decisionText);
  const reasons = readBlock($, 'reasons for the decision') ?? readBlock($, 'reasons for the decisions') ?? readBlock($, 'reason for the decision') ?? [];
  const alternatives = readBlock($, 'alternative options considered') ?? readBlock($, 'alternatives considered') ?? [];
  const documents = readDocuments($, baseUrl);
  const content = $('.mgContent').length > 0 ? $('.mgContent') : $('body');
  const exemptReason = findExemptMention(normaliseSpaces(content.text()));

  warnings.push(
    ...decisionTypeWarnings(decisionType, '"Is Key decision?"'),
    ...outcomeOrderWarnings(outcomes),
    ...unknownVerbWarnings(outcomes),
    ...documentYearWarnings([
      { where: 'title', text: titleText },
      ...purpose.map((text, i) => ({ where: `purpose paragraph ${i + 1}`, text })),
      ...decisionText.map((text, i) => ({ where: `decision paragraph ${i + 1}`, text })),
    ]),
  );
  if (decisionText.length === 0) {
    warnings.push(warning('nothing-to-import', '"Decision:"', 'The page has no decision text; the decision was imported without outcomes.'));
  }
  documents.forEach((d, i) => {
    if (d.href && !d.url) {
      warnings.push(warning('document-url-unresolved', `document ${i + 1} ("${d.title}")`,
        `The link "${d.href}" is relative; give the page's address (sourceUrl / --source-url) to keep it.`));
    }
  });
  if (exemptReason || documents.some((d) => d.restricted)) {
    warnings.push(warning('restricted-or-exempt', exemptReason ? 'page' : 'documents',
      `The decision is marked restricted or exempt${exemptReason ? ` ("${exemptReason}")` : ''}; it will only be shown to the committee.`));
  }

  return parsed<DecisionDetailsPage>({
    titleAsPublished: titleText,
    title: readableTitle(titleText),
    ...(decisionMaker ? { decisionMaker } : {}),
    ...(status ? { status } : {}),
    ...(decisionType ? { decisionType } : {}),
    ...(subjectToCallIn !== undefined ? { subjectToCallIn } : {}),
    purpose,
    decisionText,
    outcomes,
    reasons,
    alternatives,
    ...(publishedOn ? { publishedOn } : {}),
    ...(decidedOn ? { decidedOn } : {}),
    ...(meeting ? { meeting } : {}),
    documents,
    ...(exemptReason ? { exemptReason } : {}),
  }, warnings);
}
