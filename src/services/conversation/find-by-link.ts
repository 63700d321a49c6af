import type { Viewer } from '../../domain';
import { agendaItemExternalId, decisionExternalId } from '../../import/source-keys';
import type { Versioned } from '../../store/port';
import { hostMatches, type ModernGovLink } from '../commands/moderngov-link';
import type { ConversationDeps } from './conversation-deps';
import type { FoundHit } from './found-hit';
import { decisionHit, itemHit } from './hit-loader';

/** An imported record's own address on the council website, if it has one. */
type Imported = { readonly source?: { readonly url?: string } };

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * Whether a link and an imported record are pages of the same council's ModernGov site. ModernGov ids are only unique
 * within one site: another council's mgAi.aspx?ID=12345 is a different item from ours. Same site means the same host
 * as the page the record was imported from, or, for a council known by more than one host name, both hosts among the
 * council's ModernGov hosts (MODERNGOV_DOMAINS); a record imported without its address needs the link's host there.
 */
export const sameModernGovSite = (linkUrl: string, record: Imported, councilHosts: readonly string[]): boolean => {
  const linkHost = hostOf(linkUrl);
  if (linkHost === undefined) return false;
  const recordHost = record.source?.url === undefined ? undefined : hostOf(record.source.url);
  if (recordHost === linkHost) return true;
  const council = (host: string) => councilHosts.some((pattern) => hostMatches(host, pattern));
  return council(linkHost) && (record.source?.url === undefined || (recordHost !== undefined && council(recordHost)));
};

/**
 * A ModernGov address pasted into a chat: the item or decision the store imported from that page of this council's
 * site, if any. A decision linked by its agenda item (ieDecisionDetails.aspx?AIId=) is the decision recorded on that
 * item; while none is recorded yet, the item itself is the nearest thing to show.
 */
export async function findByModernGovLink(
  link: ModernGovLink,
  viewer: Viewer,
  deps: ConversationDeps,
  councilHosts: readonly string[],
): Promise<FoundHit | undefined> {
  const { store } = deps;
  const onThisSite = <T extends Imported>(found: Versioned<T> | undefined): T | undefined =>
    found !== undefined && sameModernGovSite(link.url, found.value, councilHosts) ? found.value : undefined;

  if (link.kind === 'decision') {
    const decision = onThisSite(await store.decisions.findBySource({ externalId: decisionExternalId(link.externalId), url: link.url }));
    return decision ? decisionHit(decision, viewer, store, deps.now()) : undefined;
  }
  const item = onThisSite(await store.agendaItems.findBySource({ externalId: agendaItemExternalId(link.externalId), url: link.url }));
  if (!item) return undefined;
  if (link.kind === 'decision-by-item') {
    const decision = (await store.decisions.findByAgendaItem(item.committeeId, item.id))?.value;
    if (decision) return decisionHit(decision, viewer, store, deps.now());
  }
  return itemHit(item, viewer, store);
}
