import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { normaliseSpaces } from './plain-text';

export type ModernGovPageKind = 'decision-details' | 'decisions-list' | 'other-moderngov' | 'not-moderngov';

/** Loads HTML leniently, as a browser would: a fragment of a page is still a page. */
export const loadHtml = (html: string): CheerioAPI => cheerio.load(html);

/** Visible text of an element, spacing normalised (Word's &nbsp; runs become one space). */
export const textOf = ($: CheerioAPI, el: Parameters<CheerioAPI>[0]): string => normaliseSpaces($(el).text());

/**
 * Which ModernGov page this is, from the markup ModernGov always emits: the `modgov` wrapper and `mg*` classes;
 * decision details carry the `h2.mgSubTitleTxt` title with `span.mgLabel` labels, decisions lists a
 * `table.mgTabTable` of links to ieDecisionDetails.aspx.
 */
export function modernGovPageKind($: CheerioAPI): ModernGovPageKind {
  const decisionLinks = $('table a[href*="ieDecisionDetails.aspx" i]').length;
  if ($('table.mgTabTable').length > 0 && decisionLinks > 0) return 'decisions-list';
  const labels = $('.mgLabel').map((_, el) => textOf($, el).toLowerCase()).get();
  const isDecision = labels.some((l) => /^(decision maker|decision status|date of decision|is key decision\?)/.test(l));
  if ($('h2.mgSubTitleTxt').length > 0 && isDecision) return 'decision-details';
  if ($('#modgov').length > 0 || $('[class^="mg"]').length > 0) return 'other-moderngov';
  return 'not-moderngov';
}

/** The page's own title, to name a page that is not what was expected ("Runtime Error", "Access denied"). */
export const pageTitle = ($: CheerioAPI): string | undefined =>
  normaliseSpaces($('title').first().text() || $('h1').first().text()).slice(0, 200) || undefined;

/** Resolves a page's relative link against where the page came from, where that is known and the result is a URL. */
export function resolveLink(href: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(href, base);
    // Only web links: a javascript: or mailto: href is not a document.
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined; // relative with no base, or not a URL at all: the caller keeps the href and warns
  }
}
