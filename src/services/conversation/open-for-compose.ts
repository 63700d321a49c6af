import type { Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';
import type { FoundHit } from './found-hit';
import { decisionHit, itemHit } from './hit-loader';

/** The result picked from the message extension's list, as its list line named it. */
export type ComposePick = { readonly committeeId: string } & ({ readonly decisionId: string } | { readonly agendaItemId: string });

/**
 * The record behind a result picked from the message extension's list, with what its card needs, read from the
 * store now (the list itself came from the index); undefined when it is gone or the viewer may not see it (the same
 * rules as the list: identity from the turn, never from the pick).
 */
export async function openForCompose(pick: ComposePick, viewer: Viewer, deps: ConversationDeps): Promise<FoundHit | undefined> {
  const { store } = deps;
  if ('decisionId' in pick) {
    const decision = (await store.decisions.get(pick.committeeId, pick.decisionId))?.value;
    return decision ? decisionHit(decision, viewer, store, deps.now()) : undefined;
  }
  const item = (await store.agendaItems.get(pick.committeeId, pick.agendaItemId))?.value;
  return item ? itemHit(item, viewer, store) : undefined;
}
