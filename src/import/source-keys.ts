import { createHash } from 'node:crypto';
import type { Source } from '../domain';

/** How a re-import finds what an earlier import stored: the council's URL and/or ModernGov's own id. */
export interface SourceKey {
  readonly url?: string;
  readonly externalId?: string;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * A record id derived from its source, so that importing the same page twice (even concurrently, on two
 * instances) names the same record and the store's idempotent create refuses the duplicate.
 */
export const idFromSource = (prefix: 'ai' | 'dec' | 'mtg', key: SourceKey): string =>
  `${prefix}-${hash(key.externalId ?? key.url ?? '')}`;

/** The value of a query parameter, matched without regard to case as ModernGov's links vary ("ID", "Id"). */
function queryParam(url: string, name: string): string | undefined {
  const query = url.split('#')[0]?.split('?')[1];
  if (!query) return undefined;
  const found = [...new URLSearchParams(query).entries()].find(([k]) => k.toLowerCase() === name.toLowerCase());
  return found?.[1] || undefined;
}

const pageOf = (url: string): string => (url.split('?')[0] ?? '').split('/').pop()?.toLowerCase() ?? '';

/** ModernGov's agenda-item id from mgAi.aspx?ID=17241 (the same id the web service calls agendaitemid). */
export function agendaItemIdFromUrl(url: string | undefined): string | undefined {
  if (!url || pageOf(url) !== 'mgai.aspx') return undefined;
  return queryParam(url, 'ID') ?? queryParam(url, 'AIId');
}

/** ModernGov's decision id from ieDecisionDetails.aspx?ID=13567. */
export function decisionIdFromUrl(url: string | undefined): string | undefined {
  if (!url || pageOf(url) !== 'iedecisiondetails.aspx') return undefined;
  return queryParam(url, 'ID');
}

export const agendaItemExternalId = (modernGovId: string): string => `moderngov-agenda-item:${modernGovId}`;
export const decisionExternalId = (modernGovId: string): string => `moderngov-decision:${modernGovId}`;
export const meetingExternalId = (modernGovId: string): string => `moderngov-meeting:${modernGovId}`;

/**
 * When a page comes with neither its address nor a ModernGov id, what it says identifies it: the same text
 * imported again finds the same record. Spacing and case are ignored so a re-copied page still matches.
 */
export const fingerprintExternalId = (kind: Source['kind'], ...parts: (string | undefined)[]): string =>
  `${kind}:fingerprint:${hash(parts.map((p) => (p ?? '').replace(/\s+/g, ' ').trim().toLowerCase()).join('|'))}`;

export const sourceKeyOf = (url: string | undefined, externalId: string | undefined): SourceKey => ({
  ...(url ? { url } : {}),
  ...(externalId ? { externalId } : {}),
});
