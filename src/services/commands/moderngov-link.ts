/**
 * ModernGov page links pasted into chat: an agenda item (mgAi.aspx?ID=123) or a decision
 * (ieDecisionDetails.aspx?ID=456), on any council's host, in any letter case, with any other parameters.
 */
export interface ModernGovLink {
  readonly kind: 'agenda-item' | 'decision';
  /** ModernGov's own id, as the importer stores it in Source.externalId. */
  readonly externalId: string;
  /** The link, normalised by the URL parser (scheme added when missing, host in lower case). */
  readonly url: string;
}

const PAGES: Readonly<Record<string, ModernGovLink['kind']>> = {
  'mgai.aspx': 'agenda-item',
  'iedecisiondetails.aspx': 'decision',
};

// Scheme optional: people paste "democracy.melton.gov.uk/mgAi.aspx?ID=1" as often as the full address.
const CANDIDATE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\/[^\s<>"']*?(?:mgAi|ieDecisionDetails)\.aspx\?[^\s<>"']*/gi;

const decodeEntities = (text: string): string =>
  text.replace(/&amp;/gi, '&').replace(/&#0*38;/g, '&').replace(/&#x0*26;/gi, '&');

const toLink = (candidate: string): ModernGovLink | undefined => {
  const trimmed = candidate.replace(/[).,;:!?\]]+$/, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined; // not a URL after all: the text simply has no link here
  }
  const page = url.pathname.split('/').pop()?.toLowerCase() ?? '';
  const kind = PAGES[page];
  if (!kind) return undefined;
  // URLSearchParams is case-sensitive; ModernGov writes ID, some councils' links carry id or Id.
  const externalId = [...url.searchParams].find(([key, value]) => key.toLowerCase() === 'id' && /^\d+$/.test(value))?.[1];
  return externalId === undefined ? undefined : { kind, externalId, url: url.href };
};

/** Every distinct ModernGov agenda-item or decision link in a message, in order of appearance. */
export const findModernGovLinks = (text: string): ModernGovLink[] => {
  const seen = new Set<string>();
  const links: ModernGovLink[] = [];
  for (const candidate of decodeEntities(text).match(CANDIDATE) ?? []) {
    const link = toLink(candidate);
    if (!link) continue;
    // Teams shows a pasted link twice (href and text): one council's page counts once.
    const key = `${link.kind}:${link.externalId}:${new URL(link.url).host}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push(link);
    }
  }
  return links;
};

/** The first ModernGov link in a message, if any. */
export const parseModernGovLink = (text: string): ModernGovLink | undefined => findModernGovLinks(text)[0];
