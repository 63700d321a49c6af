import { createCosmosStore } from '../../src/store/cosmos';
import type { Store } from '../../src/store/port';
import { agendaItem, communitySafetyDecision, communitySafetyItem } from '../contract/council-fixtures';
import { startCosmosRequestCounter, type CosmosRequestCounter } from '../support/cosmos-request-counter';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';

/** What the change marker costs on Cosmos DB, counted by a proxy that sees every request the SDK sends. */
describe('Cosmos DB change marker cost (requests counted on the wire)', () => {
  let server: CosmosTestServer;
  let counter: CosmosRequestCounter;
  let store: Store;
  beforeAll(async () => {
    server = await startCosmosServer();
    counter = await startCosmosRequestCounter(server.endpoint);
    store = await createCosmosStore({ endpoint: counter.endpoint, key: server.key, databaseId: 'cabinet-marker-cost' });
    // The SDK's first requests read the account and the containers' metadata: not the marker's cost.
    await store.changeMarker();
  });
  afterAll(async () => {
    await store.close();
    await counter.stop();
    await server.stop();
  });

  it('is one point read, and no query, whether or not anything was written', async () => {
    const empty = await counter.during(() => store.changeMarker());
    expect(empty.requests.map((r) => r.kind)).toEqual(['point read']);

    // Many records, still one point read: the cost does not grow with the council.
    // One at a time: forty writes at once would each retry the marker's ETag against the others (what the contract
    // suite's concurrency test is for), and on a loaded machine those retries outlasted the test's time.
    for (let i = 0; i < 40; i++) await store.agendaItems.create(agendaItem({ id: `ai-cost-${i}`, number: String(i) }));
    const full = await counter.during(() => store.changeMarker());
    expect(full.requests.map((r) => r.kind)).toEqual(['point read']);
    expect(full.result).not.toBe(empty.result);
  });

  it('costs a write of an agenda item or a decision one point read and one replace of the marker', async () => {
    const created = await counter.during(() => store.agendaItems.create(communitySafetyItem));
    expect(created.requests.map((r) => r.kind)).toEqual(['create', 'point read', 'replace']);
    const decided = await counter.during(() => store.decisions.create(communitySafetyDecision));
    expect(decided.requests.map((r) => r.kind)).toEqual(['create', 'point read', 'replace']);
    // A repeated create writes nothing and moves nothing.
    const repeated = await counter.during(() => store.decisions.create(communitySafetyDecision));
    expect(repeated.requests.map((r) => r.kind)).toEqual(['create', 'point read']);
  });
});
