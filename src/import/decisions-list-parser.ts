import type { CheerioAPI } from 'cheerio';
import { warning, type ImportWarning } from './import-warning';
import { loadHtml, modernGovPageKind, pageTitle, resolveLink, textOf } from './moderngov-html';
import { parseError, parsed, type ParseResult } from './parse-result';
import { normaliseSpaces } from './plain-text';
import { readUkDate } from './uk-date';

/** One row of a decisions list: where to follow it, and what the row says about it. */
export interface DecisionsListEntry {
  readonly title: string;
  readonly href: string;
  /** Absolute, when the list's own address is known. */
  readonly url?: string;
  /** Whether the row links to a decision-details page (some rows link to an issue's history instead). */
  readonly isDecision: boolean;
  /** ModernGov's decision id, the ID of ieDecisionDetails.aspx?ID=13567. */
  readonly modernGovDecisionId?: string;
  readonly publishedOn?: string;
  readonly effectiveFrom?: string;
  /** "Not for call-in", "Called in", ... as the list prints it. */
  readonly callIn?: string;
  /** 1-based row of the table body, to point at it. */
  readonly row: number;
}

export interface DecisionsListPage {
  readonly caption?: string;
  readonly entries: DecisionsListEntry[];
}

/** Column roles from the header's `abbr` (ModernGov's stable names) or, failing that, its words. */
function columnRoles($: CheerioAPI, table: ReturnType<CheerioAPI>): string[] {
  return table.find('thead th, tr:first-child th').map((_, th) => {
    const name = ($(th).attr('abbr') ?? textOf($, th)).toLowerCase();
    if (name.startsWith('title')) return 'title';
    if (name.startsWith('published') || name === 'date') return 'published';
    if (name.startsWith('applies') || name.startsWith('effective')) return 'effective';
    if (name.startsWith('call')) return 'call-in';
    return name;
  }).get();
}

const decisionIdOf = (href: string): string | undefined => {
  const [path, query] = href.split('?');
  if (!/iedecisiondetails\.aspx$/i.test(path ?? '')) return undefined;
  const id = [...new URLSearchParams(query ?? '').entries()].find(([k]) => k.toLowerCase() === 'id')?.[1];
  return id && /^\d+$/.test(id) ? id : undefined;
};

/**
 * Reads a ModernGov decisions list (mgDelegatedDecisions.aspx and the officer-decisions table): one entry per
 * row with its link, so that each decision's details page can be fetched and imported in turn.
 */
export function parseDecisionsListHtml(html: string, baseUrl?: string): ParseResult<DecisionsListPage> {
  const $ = loadHtml(html);
  if (modernGovPageKind($) !== 'decisions-list') {
    const title = pageTitle($);
    return parseError('page', `This is not a ModernGov decisions list${title ? ` ("${title}")` : ''}: it has no table.mgTabTable of links to decision details.`);
  }
  const table = $('table.mgTabTable').filter((_, t) => $(t).find('a[href*="ieDecisionDetails.aspx" i]').length > 0).first();
  const roles = columnRoles($, table);
  const warnings: ImportWarning[] = [];
  const entries: DecisionsListEntry[] = [];
  table.find('tbody tr').each((i, tr) => {
    const cells = $(tr).children('td');
    if (cells.length === 0) return;
    const cellFor = (role: string): string | undefined => {
      const index = roles.indexOf(role);
      return index < 0 ? undefined : normaliseSpaces(cells.eq(index).text()) || undefined;
    };
    const link = cells.find('a[href]').first();
    if (link.length === 0) {
      warnings.push(warning('nothing-to-import', `row ${i + 1}`, 'The row has no link to follow; it was left out.'));
      return;
    }
    const name = link.clone();
    name.find('.mgHide').remove(); // " ref: 13567", hidden from readers
    const href = link.attr('href') ?? '';
    const url = resolveLink(href, baseUrl);
    const id = decisionIdOf(href);
    const published = cellFor('published');
    const effective = cellFor('effective');
    const publishedOn = published ? readUkDate(published) : undefined;
    const effectiveFrom = effective ? readUkDate(effective) : undefined;
    if (published && !publishedOn) warnings.push(warning('date-unreadable', `row ${i + 1}`, `"${published}" is not a date written dd/mm/yyyy.`));
    const callIn = cellFor('call-in');
    entries.push({
      title: normaliseSpaces(name.text()) || href,
      href,
      ...(url ? { url } : {}),
      isDecision: id !== undefined,
      ...(id ? { modernGovDecisionId: id } : {}),
      ...(publishedOn ? { publishedOn } : {}),
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(callIn ? { callIn } : {}),
      row: i + 1,
    });
  });
  const caption = textOf($, table.find('caption').first()) || undefined;
  return parsed<DecisionsListPage>({ ...(caption ? { caption } : {}), entries }, warnings);
}
