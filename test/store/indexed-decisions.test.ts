import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedStore } from '../../src/store/embedded';
import { indexedDecisions } from '../../src/store/indexed-decisions';
import type { Store } from '../../src/store/port';
import { agendaItem, cabinet, communitySafetyDecision, communitySafetyItem, decision } from '../contract/council-fixtures';

/** Counts the store's own findByAgendaItem (a query on Cosmos DB) and get (a point read) under the wrapper. */
const counting = (store: Store) => {
  const calls = { query: 0, get: 0 };
  const d = store.decisions;
  const counted: Store = {
    ...store,
    decisions: {
      ...d,
      findByAgendaItem: (c, i) => (calls.query++, d.findByAgendaItem(c, i)),
      get: (c, i) => (calls.get++, d.get(c, i)),
    },
  };
  return { counted, calls };
};

describe('an item\'s decision on Cosmos DB turns: from the search index, with a point read', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-indexed-decisions-'));
    store = createEmbeddedStore({ dataDir: dir });
    await store.committees.create(cabinet);
    await store.agendaItems.create(communitySafetyItem);
    await store.decisions.create({ ...communitySafetyDecision, agendaItemId: communitySafetyItem.id });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the one decision the index names, and nothing when it names none', async () => {
    const { counted, calls } = counting(store);
    const ids = new Map<string, string[]>([[communitySafetyItem.id, [communitySafetyDecision.id]], ['ai-undecided', []]]);
    const turns = indexedDecisions(counted, (itemId) => ids.get(itemId));
    expect((await turns.decisions.findByAgendaItem(cabinet.id, communitySafetyItem.id))?.value.id).toBe(communitySafetyDecision.id);
    expect(calls).toEqual({ query: 0, get: 1 });
    expect(await turns.decisions.findByAgendaItem(cabinet.id, 'ai-undecided')).toBeUndefined();
    expect(calls).toEqual({ query: 0, get: 1 });
  });

  it('asks the store when the index is not built, names several, or names a decision that is no longer the item\'s', async () => {
    const { counted, calls } = counting(store);
    await store.agendaItems.create(agendaItem({ id: 'ai-other' }));
    await store.decisions.create(decision({ id: 'dec-moved', agendaItemId: 'ai-other' }));
    const answers: Record<string, string[] | undefined> = {
      [communitySafetyItem.id]: undefined,
      'ai-other': ['dec-moved', 'dec-gone'],
      'ai-stale': ['dec-moved'],
    };
    const turns = indexedDecisions(counted, (itemId) => answers[itemId]);
    expect((await turns.decisions.findByAgendaItem(cabinet.id, communitySafetyItem.id))?.value.id).toBe(communitySafetyDecision.id);
    expect((await turns.decisions.findByAgendaItem(cabinet.id, 'ai-other'))?.value.id).toBe('dec-moved');
    // The index says ai-stale's decision is dec-moved, which now belongs to ai-other: the store is asked, and says none.
    expect(await turns.decisions.findByAgendaItem(cabinet.id, 'ai-stale')).toBeUndefined();
    expect(calls).toEqual({ query: 3, get: 1 });
  });
});
