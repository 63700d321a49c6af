import { cacheRoster } from '../../src/store/cached-roster';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cabinet, cabinetJuly, communitySafetyDecision, communitySafetyPlan } from '../contract/council-fixtures';

describe('the per-instance roster cache (committees and members, on Cosmos DB turns)', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-roster-cache-'));
    store = createEmbeddedStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from memory for its stated time, then reads the store again; its own writes are seen at once', async () => {
    let now = 0;
    const cached = cacheRoster(store, { ttlMs: 60_000, now: () => now });
    expect(await cached.committees.list()).toEqual([]);
    // Another process adds a committee: not seen until the time is up.
    await store.committees.create(cabinet);
    expect(await cached.committees.list()).toEqual([]);
    expect(await cached.committees.get(cabinet.id)).toBeDefined();
    now = 59_999;
    expect(await cached.committees.list()).toEqual([]);
    now = 60_000;
    expect((await cached.committees.list()).map((c) => c.id)).toEqual([cabinet.id]);

    // A write through the cached store empties the cache at once.
    const held = await cached.committees.get(cabinet.id);
    if (held === undefined) throw new Error('no committee');
    await cached.committees.replace({ ...held.value, name: 'The Cabinet' }, held.etag);
    expect((await cached.committees.get(cabinet.id))?.value.name).toBe('The Cabinet');
  });

  it('holds meetings by id for the same time; a write through it is seen at once', async () => {
    let now = 0;
    const cached = cacheRoster(store, { ttlMs: 60_000, now: () => now });
    await store.committees.create(cabinet);
    await store.meetings.create(cabinetJuly);
    const held = await cached.meetings.get(cabinet.id, cabinetJuly.id);
    if (held === undefined) throw new Error('no meeting');
    // Another process moves the meeting: this instance says the old time until the cache's time is up.
    await store.meetings.replace({ ...held.value, startsAt: '2025-07-16T17:00:00Z' }, held.etag);
    now = 59_999;
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe(cabinetJuly.startsAt);
    now = 60_000;
    const fresh = await cached.meetings.get(cabinet.id, cabinetJuly.id);
    expect(fresh?.value.startsAt).toBe('2025-07-16T17:00:00Z');
    if (fresh === undefined) throw new Error('no meeting');
    await cached.meetings.replace({ ...fresh.value, startsAt: '2025-07-17T17:00:00Z' }, fresh.etag);
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe('2025-07-17T17:00:00Z');
  });

  it('knows which action plan a decision has for its stated time, and reads the plan itself fresh by its id', async () => {
    let now = 0;
    const calls = { query: 0, get: 0 };
    const counted = {
      ...store,
      actionPlans: {
        ...store.actionPlans,
        findByDecision: (c: string, d: string) => (calls.query++, store.actionPlans.findByDecision(c, d)),
        get: (c: string, id: string) => (calls.get++, store.actionPlans.get(c, id)),
      },
    };
    const cached = cacheRoster(counted, { ttlMs: 60_000, now: () => now });
    const decisionId = communitySafetyPlan.decisionId;
    await store.committees.create(cabinet);
    await store.decisions.create({ ...communitySafetyDecision, id: decisionId });
    expect(await cached.actionPlans.findByDecision(cabinet.id, decisionId)).toBeUndefined();
    // Another process starts the plan: not seen until the time is up.
    await store.actionPlans.create(communitySafetyPlan);
    now = 59_999;
    expect(await cached.actionPlans.findByDecision(cabinet.id, decisionId)).toBeUndefined();
    expect(calls).toEqual({ query: 1, get: 0 });
    now = 60_000;
    expect((await cached.actionPlans.findByDecision(cabinet.id, decisionId))?.value.id).toBe(communitySafetyPlan.id);
    expect(calls).toEqual({ query: 2, get: 0 });
    // From then on a point read of the plan: its changes (progress updates) are seen at once.
    const held = await store.actionPlans.get(cabinet.id, communitySafetyPlan.id);
    if (held === undefined) throw new Error('no plan');
    await store.actionPlans.replace({ ...held.value, title: 'Community Safety Action Plan 2025' }, held.etag);
    calls.get = 0;
    expect((await cached.actionPlans.findByDecision(cabinet.id, decisionId))?.value.title).toBe('Community Safety Action Plan 2025');
    expect(calls).toEqual({ query: 2, get: 1 });
  });

  it("answers a decision's plan id from the same entry, without reading the plan: an item card needs only its id", async () => {
    let now = 0;
    const calls = { query: 0, get: 0 };
    const counted = {
      ...store,
      actionPlans: {
        ...store.actionPlans,
        findByDecision: (c: string, d: string) => (calls.query++, store.actionPlans.findByDecision(c, d)),
        idByDecision: (c: string, d: string) => (calls.query++, store.actionPlans.idByDecision(c, d)),
        get: (c: string, id: string) => (calls.get++, store.actionPlans.get(c, id)),
      },
    };
    const cached = cacheRoster(counted, { ttlMs: 60_000, now: () => now });
    const decisionId = communitySafetyPlan.decisionId;
    await store.committees.create(cabinet);
    await store.decisions.create({ ...communitySafetyDecision, id: decisionId });
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBeUndefined();
    await store.actionPlans.create(communitySafetyPlan); // by another process: not seen until the time is up
    now = 59_999;
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBeUndefined();
    expect(calls).toEqual({ query: 1, get: 0 });
    now = 60_000;
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBe(communitySafetyPlan.id);
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBe(communitySafetyPlan.id);
    // The entry is the one findByDecision keeps: it then reads only the plan itself.
    expect((await cached.actionPlans.findByDecision(cabinet.id, decisionId))?.value.id).toBe(communitySafetyPlan.id);
    expect(calls).toEqual({ query: 2, get: 1 });
    // A plan created through this store is seen at once.
    const other = { ...communitySafetyPlan, id: 'plan-other', decisionId: 'dec-other' };
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-other')).toBeUndefined();
    await cached.actionPlans.create(other);
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-other')).toBe('plan-other');
  });
});
