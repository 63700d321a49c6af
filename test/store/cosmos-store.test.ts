import { CosmosClient } from '@azure/cosmos';
import { DomainError } from '../../src/domain';
import { createCosmosStore } from '../../src/store/cosmos';
import { cabinet } from '../contract/council-fixtures';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { startSilentRelay } from '../support/silent-relay';

describe('Cosmos DB store (specifics, against cosmosdb-server)', () => {
  let server: CosmosTestServer;
  beforeEach(async () => {
    server = await startCosmosServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('creates the database and containers once; a second start finds them and the data', async () => {
    const options = { endpoint: server.endpoint, key: server.key, databaseId: 'cabinet' };
    const first = await createCosmosStore(options);
    await first.committees.create(cabinet);
    await first.close();
    const second = await createCosmosStore(options);
    expect((await second.committees.get('cabinet'))?.value).toEqual(cabinet);
    await second.close();
  });

  it('without provisioning, refuses to start and names the containers that are missing', async () => {
    await expect(
      createCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId: 'never-provisioned', provision: false }),
    ).rejects.toThrow(
      'Cosmos DB database "never-provisioned" lacks container(s) business, members, conversations, notifications, activities, work, audit (partition key /pk)',
    );
  });

  it('creates the activities container with a two-day defaultTtl and no indexed property (cosmosdb-server keeps, but ignores, both)', async () => {
    const store = await createCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId: 'cabinet' });
    const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
    try {
      const { resource } = await client.database('cabinet').container('activities').read();
      expect(resource).toMatchObject({ partitionKey: { paths: ['/pk'] }, defaultTtl: 2 * 24 * 60 * 60 });
      expect(resource?.indexingPolicy?.excludedPaths).toEqual([{ path: '/*' }]);
      const business = (await client.database('cabinet').container('business').read()).resource;
      expect(business?.defaultTtl).toBeUndefined();

      // A claim is a point create; the document id is the key's SHA-256, whatever characters the key holds.
      expect(await store.activities.claim('19:abc@thread.tacv2;messageid=1/2?x#y|1626', '2021-07-14T17:05:12.345Z')).toBe(true);
      const { resources } = await client.database('cabinet').container('activities').items.readAll().fetchAll();
      expect(resources).toEqual([
        expect.objectContaining({
          id: expect.stringMatching(/^activity:[0-9a-f]{64}$/),
          type: 'activity',
          data: { key: '19:abc@thread.tacv2;messageid=1/2?x#y|1626', at: '2021-07-14T17:05:12.345Z' },
        }),
      ]);
      expect(resources[0]?.['pk']).toBe((resources[0]?.id as string).slice('activity:'.length));
    } finally {
      client.dispose();
      await store.close();
    }
  });

  it('fails ping within a couple of seconds, with the reason, when Cosmos DB stops answering', async () => {
    const store = await createCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId: 'cabinet', pingTimeoutMs: 1500 });
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      await server.stop();
      const started = Date.now();
      const failure = await store.ping().then(() => undefined, (e: unknown) => e as Error);
      expect(failure?.message).toMatch(/^Cosmos DB database "cabinet" is not usable: /);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await store.close();
    }
  });

  it("reports 'unavailable' (a 503 to HTTP callers), with the SDK's error as cause, when Cosmos DB is down", async () => {
    const store = await createCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId: 'cabinet' });
    try {
      await store.committees.create(cabinet);
      await server.stop();
      const error = await store.committees.get('cabinet').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Cosmos DB is unavailable \(read in business\): .*ECONNREFUSED/) });
      expect((error as DomainError).details?.['cause']).toBeInstanceOf(Error);
    } finally {
      await store.close();
    }
  });

  it('fails ping at its timeout when Cosmos DB takes the connection but never answers', async () => {
    const relay = await startSilentRelay(server.endpoint);
    const store = await createCosmosStore({ endpoint: relay.endpoint, key: server.key, databaseId: 'cabinet', pingTimeoutMs: 1000 });
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      relay.goSilent();
      const started = Date.now();
      await expect(store.ping()).rejects.toThrow('Cosmos DB database "cabinet" is not usable: Cosmos DB did not answer within 1000 ms');
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await store.close();
      await relay.close();
    }
  });

  it('ends every operation, the SDK\'s retries included, by its deadline when Cosmos DB goes silent', async () => {
    const relay = await startSilentRelay(server.endpoint);
    const store = await createCosmosStore({ endpoint: relay.endpoint, key: server.key, databaseId: 'cabinet', operationTimeoutMs: 800 });
    try {
      await expect(store.committees.list()).resolves.toBeDefined();
      relay.goSilent();
      const started = Date.now();
      const failure = await store.members.get('cllr-alan-pearson').then(() => undefined, (err: unknown) => err);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(failure).toBeInstanceOf(DomainError);
      expect(failure).toMatchObject({ code: 'unavailable', message: 'Cosmos DB did not answer within 800 ms (read in members)' });
    } finally {
      await store.close();
      await relay.close();
    }
  });
});
