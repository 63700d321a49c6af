import type { Viewer } from '../../domain';
import { agendaItemExternalId, decisionExternalId } from '../../import/source-keys';
import type { ModernGovLink } from '../commands/moderngov-link';
import type { ConversationDeps } from './conversation-deps';
import type { FoundHit } from './found-hit';
import { decisionHit, itemHit } from './hit-loader';

/** A ModernGov address pasted into a chat: the item or decision the store imported from it, if any. */
export async function findByModernGovLink(link: ModernGovLink, viewer: Viewer, deps: ConversationDeps): Promise<FoundHit | undefined> {
  const { store } = deps;
  if (link.kind === 'agenda-item') {
    const item = await store.agendaItems.findBySource({ externalId: agendaItemExternalId(link.externalId), url: link.url });
    return item ? itemHit(item.value, viewer, store) : undefined;
  }
  const decision = await store.decisions.findBySource({ externalId: decisionExternalId(link.externalId), url: link.url });
  return decision ? decisionHit(decision.value, viewer, store, deps.now()) : undefined;
}
