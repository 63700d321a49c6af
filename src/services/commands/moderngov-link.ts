/**
 * ModernGov page links pasted into chat: an agenda item (mgAi.aspx?ID=123) or a decision, in the two forms ModernGov
 * uses (ieDecisionDetails.aspx?ID=456 by decision, ieDecisionDetails.aspx?AIId=123 by agenda item), on any host, in
 * any letter case, with any other parameters. Whose site the host is, is for the caller to decide.
 */
export interface ModernGovLink {
  /** `decision-by-item`: the decision on the agenda item whose id this is (ModernGov's ?AIId= form). */
  readonly kind: 'agenda-item' | 'decision' | 'decision-by-item';
  /** ModernGov's own id: the decision's for `decision`, the agenda item's otherwise (as the importer keys them). */
  readonly externalId: string;
  /** The link, normalised by the URL parser (scheme added when missing, host in lower case). */
  readonly url: string;
}

/** Which id parameter names which kind of link, page by page, in order of preference. */
const PAGES: Readonly<Record<string, ReadonlyArray<{ readonly param: string; readonly kind: ModernGovLink['kind'] }>>> = {
  'mgai.aspx': [{ param: 'id', kind: 'agenda-item' }],
  'iedecisiondetails.aspx': [{ param: 'id', kind: 'decision' }, { param: 'aiid', kind: 'decision-by-item' }],
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
  const forms = PAGES[url.pathname.split('/').pop()?.toLowerCase() ?? ''] ?? [];
  // URLSearchParams is case-sensitive; ModernGov writes ID and AIId, some councils' links carry id, Id or aiid.
  const numeric = (param: string) => [...url.searchParams].find(([key, value]) => key.toLowerCase() === param && /^\d+$/.test(value))?.[1];
  for (const { param, kind } of forms) {
    const externalId = numeric(param);
    if (externalId !== undefined) return { kind, externalId, url: url.href };
  }
  return undefined;
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

/**
 * A host against one of the council's ModernGov host names, as Teams reads the manifest's link domains: exactly, or
 * `*.` standing for exactly one label (`*.example.gov.uk` covers `democracy.example.gov.uk`, not `a.b.example.gov.uk`).
 */
export const hostMatches = (host: string, pattern: string): boolean => {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase();
  if (!p.startsWith('*.')) return h === p;
  const rest = p.slice(1); // ".example.gov.uk"
  return h.endsWith(rest) && /^[a-z0-9-]+$/.test(h.slice(0, -rest.length));
};
