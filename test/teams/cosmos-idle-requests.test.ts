import { randomUUID } from 'node:crypto';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { startCosmosRequestCounter, type CosmosRequestCounter } from '../support/cosmos-request-counter';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { startTestApp, type TestApp } from '../support/start-test-app';

/** Longer than the outbox's idle poll (30 s), so each background job is seen at its steady rate. */
const IDLE_MS = 30_000;

/**
 * The background work of an instance nobody uses (outbox poll, change detection, leases), counted on the wire by a proxy
 * in front of cosmosdb-server, at the production intervals (not scaled).
 */
describe('an idle instance on Cosmos DB (requests counted by a proxy)', () => {
  let cosmos: CosmosTestServer;
  let counter: CosmosRequestCounter;
  let app: TestApp;
  beforeAll(async () => {
    cosmos = await startCosmosServer();
    counter = await startCosmosRequestCounter(cosmos.endpoint);
    app = await startTestApp(
      { STORE: 'cosmos', COSMOS_ENDPOINT: counter.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: `cabinet-idle-${randomUUID().slice(0, 8)}` },
      { seed: (store) => seedDemoCouncil(store, new Date()) },
    );
    // Let start-up work (the first index build and the warm-up, then the index's first refresh and the first outbox
    // poll) pass.
    await app.untilReady();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await counter?.stop();
    await cosmos?.stop();
  });

  it('makes at most 20 store requests a minute with nobody using the bot', async () => {
    counter.reset();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const requests = [...counter.requests];
    const perMinute = (requests.length * 60_000) / IDLE_MS;
    const byKind = new Map<string, number>();
    for (const r of requests) {
      const key = `${r.kind} ${r.path.replace(/^\/dbs\/[^/]+\/colls\//, '')} ${r.query ?? ''}`;
      byKind.set(key, (byKind.get(key) ?? 0) + 1);
    }
    console.log(`idle: ${requests.length} requests in ${IDLE_MS / 1000} s = ${perMinute}/min`, Object.fromEntries(byKind));
    expect(perMinute).toBeLessThanOrEqual(20);
  }, IDLE_MS + 20_000);
});
