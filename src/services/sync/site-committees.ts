import { DomainError, type Committee } from '../../domain';
import type { ModernGovCommittee } from '../../import/committees-xml-parser';
import type { Store } from '../../store/port';
import type { PageReader } from '../page-reader';
import type { ModernGovSite } from './moderngov-site';

export interface SiteCommittee extends ModernGovCommittee {
  /** Our committee that follows it (its externalId is this committee's ModernGov id), if any. */
  readonly followedAs?: string;
}

/**
 * What the site offers (GetCommittees), each with the committee here that follows it. A failure to fetch or read
 * the list is `DomainError('unavailable')` naming the address and why.
 */
export async function listSiteCommittees(deps: { store: Store; pages: PageReader; site: ModernGovSite }): Promise<SiteCommittee[]> {
  const answer = await deps.site.committees();
  if (!answer.ok) throw new DomainError('unavailable', `${answer.url}: ${answer.why}`, { where: answer.url });
  const read = await deps.pages.read({ kind: 'committees-xml', text: answer.text });
  if (!read.ok) throw new DomainError('unavailable', `${answer.url} (${read.error.where}): ${read.error.message}`, { where: answer.url });
  const ours = await deps.store.committees.list();
  return read.value.map((c) => {
    const followedAs = ours.find((o: Committee) => o.externalId === c.modernGovId)?.id;
    return { ...c, ...(followedAs ? { followedAs } : {}) };
  });
}

/** A committee id made from a ModernGov title: "Audit Committee" -> "audit-committee". */
export const committeeIdFromTitle = (title: string): string =>
  title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'committee';

/** The kind ModernGov's title suggests; an officer can change it (PUT /api/v1/committees/{id}). */
export const committeeKindFromTitle = (title: string): Committee['kind'] => {
  const t = title.toLowerCase();
  if (/\bcabinet\b|\bexecutive\b/.test(t)) return 'cabinet';
  if (/^(full )?council$|^council meeting/.test(t)) return 'council';
  if (/scrutiny/.test(t)) return 'scrutiny';
  if (/licensing|planning|regulatory/.test(t)) return 'regulatory';
  return 'other';
};
