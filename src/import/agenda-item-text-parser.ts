import type { DecisionType, PersonInRole } from '../domain';
import { findExemptMention } from './exempt-mention';
import {
  decisionTypeWarnings, documentYearWarnings, outcomeOrderWarnings, outcomeWhere, unknownVerbWarnings, type LocatedText,
} from './import-checks';
import { warning, type ImportWarning } from './import-warning';
import { OutcomeCollector, readOutcomeLine, type ParsedOutcome } from './outcome-line';
import { parseError, parsed, type ParseResult } from './parse-result';
import { isBullet, normaliseSpaces, splitLines, stripBullet } from './plain-text';
import { readableTitle } from './title-case';

/** What a ModernGov agenda-item page (mgAi.aspx, as plain text) says. */
export interface AgendaItemTextPage {
  readonly number?: string;
  readonly titleAsPublished: string;
  /** Readable title case, for cards. */
  readonly title: string;
  readonly summary: string[];
  /** "Portfolio Holder for Housing and Communities". */
  readonly portfolioHolder?: string;
  /** The officer the minutes say introduced the report. */
  readonly leadOfficer?: PersonInRole;
  /** "Cabinet"; undefined before the meeting has decided. */
  readonly decisionMaker?: string;
  readonly outcomes: ParsedOutcome[];
  /** From the "DECISIONS (NON-KEY)" heading; undefined when the page does not say. */
  readonly decisionType?: Exclude<DecisionType, 'unknown'>;
  readonly minutes: string[];
  /** The "·" bullets of the minutes. */
  readonly discussionPoints: string[];
  /** Reasons for the decisions, each paragraph and each bullet its own entry. */
  readonly reasons: string[];
  /** "Alternative options considered", each paragraph and each bullet its own entry. */
  readonly alternatives: string[];
  readonly documents: { readonly title: string; readonly url?: string }[];
  /** The sentence that marks the item exempt, where one does. */
  readonly exemptReason?: string;
}

interface Paragraph {
  readonly text: string;
  readonly line: number;
}

type Section = 'preamble' | 'decision' | 'minutes' | 'decisions' | 'reasons' | 'alternatives' | 'documents';

interface Heading {
  readonly section: Exclude<Section, 'preamble'> | 'header';
  readonly itemNumber?: string;
  readonly decisionType?: Exclude<DecisionType, 'unknown'>;
}

/** The page's own headings, as ModernGov prints them; each must be a whole line. */
function readHeading(text: string): Heading | undefined {
  const header = /^agenda item(?:\s*(?:no\.?|number)?\s*[:.–-]?\s*(\d{1,3}[a-z]?))?\s*:?$/i.exec(text);
  if (header) return { section: 'header', ...(header[1] ? { itemNumber: header[1] } : {}) };
  if (/^decisions?\s*:?$/i.test(text)) return { section: 'decision' };
  if (/^minutes\s*:?$/i.test(text)) return { section: 'minutes' };
  const typed = /^(?:decisions?\s*\(\s*(non[-\s]?key|key)(?:\s+decisions?)?\s*\)|(non[-\s]?key|key)\s+decisions?)\s*:?$/i.exec(text);
  if (typed) {
    const kind = (typed[1] ?? typed[2] ?? '').toLowerCase();
    return { section: 'decisions', decisionType: kind === 'key' ? 'key' : 'non-key' };
  }
  if (/^reasons?(?:\(s\))?\s+for\s+(?:the\s+)?decisions?(?:\(s\))?\s*:?$/i.test(text)) return { section: 'reasons' };
  if (/^(?:(?:other\s+)?alternative\s+options?(?:\s+considered)?|alternatives\s+considered)(?:\s+and\s+rejected)?\s*:?$/i.test(text)) return { section: 'alternatives' };
  if (/^supporting\s+documents?\s*:?$/i.test(text)) return { section: 'documents' };
  return undefined;
}

/** "Cabinet" or "Cabinet:" alone on its line, before the numbered outcomes. */
const readDecisionMaker = (text: string): string => text.replace(/\s*:$/, '');

/** "Andrew Cotton, Director for Housing and Communities introduced the report ..." */
const PRESENTER = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+),\s+([^,]{3,120}?)\s+(?:introduced|presented|submitted)\b/u;
/** "Portfolio Holder for Housing and Communities" (the office, not the person). */
const PORTFOLIO = /Portfolio Holder for (\p{Lu}[\p{L}'’-]*(?:,?\s+(?:(?:and|&|of|the)\s+)?\p{Lu}[\p{L}'’-]*)*)/u;
/** A supporting document line, as the page's text shows it: "Strategy 2021-24, item 5. PDF 1 MB". */
const FILE_SIZE = /\s*(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+[\d.,]+\s*[KMG]B\s*$/i;

function findLeadOfficer(minutes: readonly string[]): PersonInRole | undefined {
  for (const paragraph of minutes) {
    const match = PRESENTER.exec(paragraph);
    if (match) return { name: match[1]!, role: match[2]! };
  }
  return undefined;
}

function readDocument(text: string): { title: string; url?: string } | undefined {
  const url = /\bhttps?:\/\/\S+/.exec(text)?.[0];
  const title = normaliseSpaces(text.replace(url ?? '', '').replace(FILE_SIZE, '').replace(/[\s,:–-]+$/, ''));
  if (!title) return undefined;
  return url ? { title, url } : { title };
}

const sameOutcomes = (a: readonly ParsedOutcome[], b: readonly ParsedOutcome[]): boolean =>
  a.length === b.length &&
  a.every((o, i) => o.number === b[i]!.number && o.verb === b[i]!.verb && o.target === b[i]!.target && o.text === b[i]!.text);

/**
 * Reads the plain text of a ModernGov agenda-item page. The page is a run of paragraphs under headings
 * ("Decision:", "Minutes:", "DECISIONS (NON-KEY)", "Reason for the decisions", "Supporting documents:");
 * the first paragraph after "Agenda item" is the title and those before the first heading the summary.
 */
export function parseAgendaItemText(text: string): ParseResult<AgendaItemTextPage> {
  const paragraphs: Paragraph[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() !== '') paragraphs.push({ text: raw, line: i + 1 });
  });
  if (paragraphs.length === 0) return parseError('line 1', 'The page is empty: paste or save the whole agenda-item page.');
  if (/^\s*</.test(paragraphs[0]!.text)) {
    return parseError(`line ${paragraphs[0]!.line}`, 'This looks like markup, not the text of an agenda-item page: send HTML as text/html.');
  }

  let section: Section = 'preamble';
  let itemNumber: string | undefined;
  let title: Paragraph | undefined;
  let decisionType: Exclude<DecisionType, 'unknown'> | undefined;
  let decisionMaker: string | undefined;
  let headings = 0;
  const summary: Paragraph[] = [];
  const decisionCollector = new OutcomeCollector();
  const typedCollector = new OutcomeCollector();
  /** Unnumbered decision text ("RESOLVED that the report be noted."), read as one outcome when nothing is numbered. */
  const decisionProse: Paragraph[] = [];
  const minutes: Paragraph[] = [];
  const discussionPoints: string[] = [];
  const reasons: Paragraph[] = [];
  const alternatives: string[] = [];
  const documents: { title: string; url?: string }[] = [];

  for (const paragraph of paragraphs) {
    const content = normaliseSpaces(paragraph.text);
    const heading = readHeading(content);
    if (heading) {
      headings++;
      if (heading.section === 'header') itemNumber = heading.itemNumber ?? itemNumber;
      else section = heading.section;
      if (heading.decisionType) decisionType = heading.decisionType;
      continue;
    }
    switch (section) {
      case 'preamble':
        if (title) summary.push({ text: content, line: paragraph.line });
        else title = { text: content, line: paragraph.line };
        break;
      case 'decision':
      case 'decisions': {
        const outcomes = section === 'decision' ? decisionCollector : typedCollector;
        const outcome = readOutcomeLine(content, paragraph.line);
        if (outcome) outcomes.add(outcome);
        else if (outcomes.continueLast(content)) break;
        else if (decisionMaker === undefined && content.length <= 100) decisionMaker = readDecisionMaker(content);
        else decisionProse.push({ text: content, line: paragraph.line });
        break;
      }
      case 'minutes':
        if (isBullet(paragraph.text)) discussionPoints.push(stripBullet(paragraph.text));
        else minutes.push({ text: content, line: paragraph.line });
        break;
      case 'reasons':
        reasons.push({ text: isBullet(paragraph.text) ? stripBullet(paragraph.text) : content, line: paragraph.line });
        break;
      case 'alternatives':
        alternatives.push(isBullet(paragraph.text) ? stripBullet(paragraph.text) : content);
        break;
      case 'documents': {
        const document = readDocument(content);
        if (document) documents.push(document);
        break;
      }
    }
  }

  if (!title) return parseError(`line ${paragraphs[0]!.line}`, 'The page has no title before its first heading.');
  if (headings === 0) {
    return parseError(`line ${title.line}`,
      'This does not look like a ModernGov agenda-item page: it has none of the headings "Agenda item", "Decision:", "Minutes:", "Reason for the decisions" or "Supporting documents:".');
  }

  const decisionOutcomes = decisionCollector.outcomes();
  const typedOutcomes = typedCollector.outcomes();
  const prose = decisionProse[0]
    ? readOutcomeLine(`1) ${decisionProse.map((p) => p.text).join('\n')}`, decisionProse[0].line)
    : undefined;
  const outcomes = decisionOutcomes.length > 0 ? decisionOutcomes : typedOutcomes.length > 0 ? typedOutcomes : prose ? [prose] : [];
  const summaryText = summary.map((p) => p.text);
  const minutesText = minutes.map((p) => p.text);
  const reasonsText = reasons.map((p) => p.text);
  const exemptReason = findExemptMention([title.text, ...summaryText, ...minutesText].join('\n'));

  const warnings: ImportWarning[] = [
    ...documentYearWarnings([
      { where: `title (line ${title.line})`, text: title.text },
      ...summary.map((p): LocatedText => ({ where: `summary (line ${p.line})`, text: p.text })),
      ...outcomes.map((o): LocatedText => ({ where: outcomeWhere(o), text: o.text })),
      ...minutes.map((p, i): LocatedText => ({ where: `minutes paragraph ${i + 1} (line ${p.line})`, text: p.text })),
      ...reasons.map((p): LocatedText => ({ where: `reasons for the decisions (line ${p.line})`, text: p.text })),
    ]),
    ...outcomeOrderWarnings(outcomes),
    ...unknownVerbWarnings(outcomes),
    ...(outcomes.length > 0 ? decisionTypeWarnings(decisionType, `decision (line ${outcomes[0]!.line})`) : []),
  ];
  if (decisionOutcomes.length > 0 && typedOutcomes.length > 0 && !sameOutcomes(decisionOutcomes, typedOutcomes)) {
    warnings.push(warning('outcomes-differ', `DECISIONS (line ${typedOutcomes[0]!.line})`,
      'The outcomes under "Decision:" and under "DECISIONS" differ; the ones under "Decision:" were imported.'));
  }
  if (exemptReason) {
    warnings.push(warning('restricted-or-exempt', 'page',
      `The item appears to be exempt ("${exemptReason}"); it will only be shown to the committee.`));
  }

  const portfolioHolder = PORTFOLIO.exec([...summaryText, ...minutesText].join('\n'))?.[0];
  const leadOfficer = findLeadOfficer(minutesText);
  return parsed<AgendaItemTextPage>({
    ...(itemNumber ? { number: itemNumber } : {}),
    titleAsPublished: title.text,
    title: readableTitle(title.text),
    summary: summaryText,
    ...(portfolioHolder ? { portfolioHolder } : {}),
    ...(leadOfficer ? { leadOfficer } : {}),
    ...(decisionMaker ? { decisionMaker } : {}),
    outcomes,
    ...(decisionType ? { decisionType } : {}),
    minutes: minutesText,
    discussionPoints,
    reasons: reasonsText,
    alternatives,
    documents,
    ...(exemptReason ? { exemptReason } : {}),
  }, warnings);
}
