import type { Store } from './port';

/**
 * What the in-memory search index says of an agenda item's decisions: their ids, or undefined when the index cannot
 * say (not built yet).
 */
export type DecisionIdsOfItem = (agendaItemId: string) => readonly string[] | undefined;

/**
 * The store as the turns see it on Cosmos DB: `decisions.findByAgendaItem` (asked by every agenda item card: is it
 * decided?) answered from what the search index already holds, with a point read of the one decision it names, instead
 * of a single-partition query, which the Cosmos DB SDK sends as two requests (a query plan, then the query).
 *
 * - The index knows no decision of the item: no request at all (an undecided item, the usual case when members
 *   acknowledge papers before the meeting).
 * - It names one: a point read of that decision, checked to be still the item's (it may have moved since the index
 *   read it); if it is not, the query answers.
 * - It names several, or it is not built yet: the query answers, as the store would.
 *
 * The index is kept fresh by this instance's own writes at once and by other processes' within its refresh interval
 * and one rebuild (services/search/search-index.ts): a decision recorded by another instance or the sync shows on
 * this instance's item cards that much later. Everything else passes through.
 */
export const indexedDecisions = (store: Store, decisionIdsOfItem: DecisionIdsOfItem): Store => {
  const d = store.decisions;
  return {
    ...store,
    decisions: {
      ...d,
      findByAgendaItem: async (committeeId, agendaItemId) => {
        const ids = decisionIdsOfItem(agendaItemId);
        if (ids === undefined || ids.length > 1) return d.findByAgendaItem(committeeId, agendaItemId);
        const [id] = ids;
        if (id === undefined) return undefined;
        const decision = await d.get(committeeId, id);
        if (decision !== undefined && decision.value.agendaItemId === agendaItemId) return decision;
        return d.findByAgendaItem(committeeId, agendaItemId);
      },
    },
  };
};
