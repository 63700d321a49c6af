import { parseAgendaItemText, type AgendaItemTextPage } from './agenda-item-text-parser';
import { parseDecisionDetailsHtml, type DecisionDetailsPage } from './decision-details-parser';
import { parseDecisionsListHtml, type DecisionsListPage } from './decisions-list-parser';
import type { ImportDraft } from './import-draft';
import { parseCommitteesXml, type ModernGovCommittee } from './committees-xml-parser';
import { parseMeetingXml, type MeetingXml } from './meeting-xml-parser';
import { parseMeetingsXml, type ModernGovMeetingListed } from './meetings-xml-parser';
import { parseError, type ParseResult } from './parse-result';
import { readModernGovPage, type PageMediaType } from './read-page';

/**
 * Every kind of ModernGov page the bot reads, by name, so that one worker pool can parse any of them: the import
 * of an uploaded page (any supported media type, read into an import draft) and each page the ModernGov sync
 * fetches (an agenda item's text, a decision's details, a decisions list, GetCommittees, GetMeetings and GetMeeting answers).
 */
export type PageRequest =
  | { readonly kind: 'import-draft'; readonly text: string; readonly mediaType: PageMediaType; readonly sourceUrl?: string }
  | { readonly kind: 'agenda-item-text'; readonly text: string }
  | { readonly kind: 'decision-details'; readonly text: string; readonly sourceUrl?: string }
  | { readonly kind: 'decisions-list'; readonly text: string; readonly sourceUrl?: string }
  | { readonly kind: 'meeting-xml'; readonly text: string; readonly sourceUrl?: string }
  | { readonly kind: 'committees-xml'; readonly text: string }
  | { readonly kind: 'meetings-xml'; readonly text: string };

export type PageKind = PageRequest['kind'];

/** What each kind of page reads into. */
export interface PageValues {
  readonly 'import-draft': ImportDraft;
  readonly 'agenda-item-text': AgendaItemTextPage;
  readonly 'decision-details': DecisionDetailsPage;
  readonly 'decisions-list': DecisionsListPage;
  readonly 'meeting-xml': MeetingXml;
  readonly 'committees-xml': ModernGovCommittee[];
  readonly 'meetings-xml': ModernGovMeetingListed[];
}

export type PageRequestOf<K extends PageKind> = Extract<PageRequest, { readonly kind: K }>;

function dispatch(request: PageRequest): ParseResult<PageValues[PageKind]> {
  switch (request.kind) {
    case 'import-draft':
      return readModernGovPage(request.text, request.mediaType, request.sourceUrl);
    case 'agenda-item-text':
      return parseAgendaItemText(request.text);
    case 'decision-details':
      return parseDecisionDetailsHtml(request.text, request.sourceUrl);
    case 'decisions-list':
      return parseDecisionsListHtml(request.text, request.sourceUrl);
    case 'meeting-xml':
      return parseMeetingXml(request.text, request.sourceUrl);
    case 'committees-xml':
      return parseCommitteesXml(request.text);
    case 'meetings-xml':
      return parseMeetingsXml(request.text);
  }
}

const MAX_ERROR_CHARS = 500;
const clipped = (text: string): string => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text);

/**
 * Parses one page, synchronously, on whatever thread calls it (tests call it directly; the bot calls it through
 * a worker pool, see src/parse-pool/). The parsers answer errors as values; what they cannot (a page nested so
 * deeply that reading it overflows the stack) is answered as a located error here, never thrown.
 */
export function parsePage<K extends PageKind>(request: PageRequestOf<K>): ParseResult<PageValues[K]> {
  try {
    const result = dispatch(request) as ParseResult<PageValues[K]>;
    // A library's message can quote the page (an XML validator lists every unclosed tag: megabytes for a hostile
    // page); the officer needs its start, not an answer as large as the page.
    return result.ok ? result : parseError(clipped(result.error.where), clipped(result.error.message));
  } catch (err) {
    if (err instanceof RangeError) return parseError('page', 'The page is nested too deeply to be read: save it again from the council website.');
    return parseError('page', `The page could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}
