import { readdirSync, readFileSync } from 'node:fs';
import type { AgendaItem, Decision, Meeting } from '../../../src/domain';
import { buildCorpusInChildProcess } from '../../../src/search-build-process/corpus-build-process';
import type { Page } from '../../../src/store/port';
import { SearchIndex, type Asker, type SearchSource, type SnapshotStore } from '../../../src/services/search';
import { item, meltonCommunitySafety, otherDecisions, otherItems } from './corpus';

const officer: Asker = { role: 'officer', committees: [] };

/** The shared store as several instances see it: listAll pages by continuation; the marker moves on every write. */
class FakeStore implements SearchSource {
  readonly items = new Map<string, AgendaItem>();
  readonly decisionRecords = new Map<string, Decision>();
  version = 0;
  itemPageReads = 0;
  markerReads = 0;
  /** When set, item pages wait for it: lets a test write while a rebuild is reading. */
  gate: Promise<void> | undefined;
  /** When set, the change marker waits for it: a slow freshness check. */
  markerGate: Promise<void> | undefined;
  failNext: Error | undefined;
  failMarkerNext: Error | undefined;

  constructor(items: AgendaItem[], decisions: Decision[]) {
    for (const i of items) this.items.set(i.id, i);
    for (const d of decisions) this.decisionRecords.set(d.id, d);
  }

  private page<T>(all: T[], continuation: string | undefined, pageSize = 100): Page<T> {
    const start = continuation === undefined ? 0 : Number(continuation);
    const end = start + pageSize;
    return { items: all.slice(start, end), ...(end < all.length && { continuation: String(end) }) };
  }

  readonly agendaItems = {
    listAll: async (continuation?: string, pageSize?: number): Promise<Page<AgendaItem>> => {
      this.itemPageReads += 1;
      if (this.failNext) {
        const e = this.failNext;
        this.failNext = undefined;
        throw e;
      }
      const snapshot = [...this.items.values()];
      await this.gate;
      return this.page(snapshot, continuation, pageSize);
    },
  };

  readonly decisions = {
    listAll: async (continuation?: string, pageSize?: number): Promise<Page<Decision>> =>
      this.page([...this.decisionRecords.values()], continuation, pageSize),
  };

  write(i: AgendaItem): void {
    this.items.set(i.id, i);
    this.version += 1;
  }

  delete(id: string): void {
    this.items.delete(id);
    this.version += 1;
  }

  readonly changeMarker = async (): Promise<string> => {
    this.markerReads += 1;
    if (this.failMarkerNext) {
      const e = this.failMarkerNext;
      this.failMarkerNext = undefined;
      throw e;
    }
    await this.markerGate;
    return String(this.version);
  };
}

const seeded = (): FakeStore => {
  const csp = meltonCommunitySafety();
  return new FakeStore([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
};
const allotments = (updatedAt = '2021-07-01T10:00:00.000Z', title = 'Allotments Strategy'): AgendaItem =>
  item('item-allot', 'cabinet', title, 'Provision of allotments across the borough.', { updatedAt });
/** A promise the test resolves: `open()` lets whatever awaits `gate` go on. */
const gated = (): { gate: Promise<void>; open: () => void } => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};
/** Whether `p` settles within a few turns of the event loop (it did not wait for anything the test holds back). */
const settlesAtOnce = async (p: Promise<unknown>): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))]);
const top = async (index: SearchIndex, query: string): Promise<string[]> =>
  (await index.search(query, officer, { limit: 3 })).map((r) => r.itemId ?? r.decisionId ?? '');

describe('SearchIndex', () => {
  it('builds from the store a page at a time on the first query', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { pageSize: 3 });
    expect(index.documentCount).toBe(0);
    expect((await top(index, 'community safety')).slice(0, 2)).toEqual(['item-csp', 'item-cctv']);
    expect(store.itemPageReads).toBe(7); // 20 items in pages of 3
    expect(index.documentCount).toBe(21); // 20 items and the officer decision that has no item
  });

  it('shows a change made through this instance at once, without reading the store', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { changeMarker: store.changeMarker });
    await index.refreshIfDue();
    const reads = store.itemPageReads;
    store.write(allotments());
    index.upsertItem(allotments());
    expect(await top(index, 'allotments')).toEqual(['item-allot']);
    index.removeItem('item-allot');
    expect(await top(index, 'allotments')).toEqual([]);
    expect(store.itemPageReads).toBe(reads);
  });

  it("picks up another instance's change within the refresh interval, and only when the marker moved", async () => {
    const store = seeded();
    let now = 1_000_000;
    const a = new SearchIndex(store, { changeMarker: store.changeMarker, refreshIntervalMs: 30_000, now: () => now });
    const b = new SearchIndex(store, { changeMarker: store.changeMarker, refreshIntervalMs: 30_000, now: () => now });
    await a.refreshIfDue();
    await b.refreshIfDue();
    const readsAfterBuild = store.itemPageReads;

    store.write(allotments());
    a.upsertItem(allotments());
    expect(await top(a, 'allotments')).toEqual(['item-allot']);
    now += 29_999;
    expect(await top(b, 'allotments')).toEqual([]); // stale, within the bound
    await b.whenIdle();
    expect(store.itemPageReads).toBe(readsAfterBuild); // not due: nothing was checked
    now += 1;
    expect(await top(b, 'allotments')).toEqual([]); // due: starts the check, answered from the current index
    await b.whenIdle();
    expect(await top(b, 'allotments')).toEqual(['item-allot']);
    expect(store.itemPageReads).toBe(readsAfterBuild + 1); // b rebuilt once

    now += 30_000;
    const markerReads = store.markerReads;
    expect(await top(b, 'allotments')).toEqual(['item-allot']);
    await b.whenIdle();
    expect(store.markerReads).toBe(markerReads + 1); // checked ...
    expect(store.itemPageReads).toBe(readsAfterBuild + 1); // ... but nothing moved, so no rebuild

    store.delete('item-allot');
    now += 30_000;
    expect(await top(b, 'allotments')).toEqual(['item-allot']); // answered before the background rebuild
    await b.whenIdle();
    expect(await top(b, 'allotments')).toEqual([]);
  });

  it('rebuilds on age alone when there is no change marker', async () => {
    const store = seeded();
    let now = 0;
    const index = new SearchIndex(store, { refreshIntervalMs: 10_000, now: () => now });
    await index.refreshIfDue();
    store.write(allotments());
    now += 9_999;
    expect(await top(index, 'allotments')).toEqual([]);
    await index.whenIdle();
    now += 1;
    expect(await top(index, 'allotments')).toEqual([]); // starts the rebuild
    await index.whenIdle();
    expect(await top(index, 'allotments')).toEqual(['item-allot']);
    expect(store.itemPageReads).toBe(2);
  });

  it('lets concurrent queries share one build', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { changeMarker: store.changeMarker });
    const answers = await Promise.all([top(index, 'climate'), top(index, 'HRA'), top(index, 'safer streets')]);
    expect(answers).toEqual([['item-climate'], ['item-hra'], ['item-safer-streets']]);
    expect(store.itemPageReads).toBe(1);
    expect(store.markerReads).toBe(1);
  });

  it('keeps a local change made while a rebuild was reading the store', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { changeMarker: store.changeMarker });
    expect(await top(index, 'pay and display')).toEqual(['item-parking']);
    let open!: () => void;
    store.gate = new Promise((resolve) => (open = resolve));
    const rebuilding = index.rebuild(); // reads the store before the writes below
    store.write(allotments());
    index.upsertItem(allotments());
    store.delete('item-parking');
    index.removeItem('item-parking');
    open();
    await rebuilding;
    expect(await top(index, 'allotments')).toEqual(['item-allot']);
    expect(await top(index, 'pay and display')).toEqual([]);
  });

  it('does not let a replayed local change roll back a newer version from the store', async () => {
    const store = seeded();
    const index = new SearchIndex(store);
    await index.refreshIfDue();
    store.write(allotments('2021-07-02T10:00:00.000Z', 'Allotments and Community Growing Strategy'));
    let open!: () => void;
    store.gate = new Promise((resolve) => (open = resolve));
    const rebuilding = index.rebuild();
    index.upsertItem(allotments('2021-07-01T10:00:00.000Z', 'Allotments Strategy')); // an older write, arriving late
    open();
    await rebuilding;
    expect((await index.search('allotments', officer))[0]?.title).toBe('Allotments and Community Growing Strategy');
  });

  it('reports a store failure to the caller and tries again on the next query', async () => {
    const store = seeded();
    const index = new SearchIndex(store);
    store.failNext = new Error('store unavailable');
    await expect(index.search('climate', officer)).rejects.toThrow('store unavailable');
    expect(await top(index, 'climate')).toEqual(['item-climate']);
  });

  describe('once an index exists, queries do not wait for the store', () => {
    const twoInstances = (store: FakeStore, clock: { now: number }, onBackgroundError?: (err: unknown) => void) => {
      const options = { changeMarker: store.changeMarker, refreshIntervalMs: 5_000, now: () => clock.now };
      return {
        a: new SearchIndex(store, options),
        b: new SearchIndex(store, { ...options, ...(onBackgroundError && { onBackgroundError }) }),
      };
    };

    it('answers at once from the current index during a slow rebuild, and finds the new content after it', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { b } = twoInstances(store, clock);
      expect(await top(b, 'pay and display')).toEqual(['item-parking']);
      store.write(allotments()); // through another instance
      clock.now += 5_000;
      const { gate, open } = gated();
      store.gate = gate;

      const during = top(b, 'allotments'); // due: starts the rebuild, which stalls on the store
      expect(await settlesAtOnce(during)).toBe(true);
      expect(await during).toEqual([]); // the old index
      expect(await top(b, 'pay and display')).toEqual(['item-parking']);
      expect(await settlesAtOnce(b.whenIdle())).toBe(false); // the rebuild is still waiting for the store

      open();
      await b.whenIdle();
      expect(await top(b, 'allotments')).toEqual(['item-allot']);
    });

    it('does not wait for a slow change marker either', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { b } = twoInstances(store, clock);
      await b.refreshIfDue();
      store.write(allotments());
      clock.now += 5_000;
      const { gate, open } = gated();
      store.markerGate = gate;
      const during = top(b, 'allotments');
      expect(await settlesAtOnce(during)).toBe(true);
      expect(await during).toEqual([]);
      open();
      await b.whenIdle();
      expect(await top(b, 'allotments')).toEqual(['item-allot']);
    });

    it('still waits for the first build, which concurrent first queries share', async () => {
      const store = seeded();
      const { b } = twoInstances(store, { now: 0 });
      const { gate, open } = gated();
      store.gate = gate;
      const first = top(b, 'climate');
      expect(await settlesAtOnce(first)).toBe(false);
      const second = top(b, 'HRA');
      open();
      expect(await Promise.all([first, second])).toEqual([['item-climate'], ['item-hra']]);
      expect(store.itemPageReads).toBe(1);
    });

    it('runs one check and one rebuild at a time, however many queries arrive meanwhile', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { b } = twoInstances(store, clock);
      await b.refreshIfDue();
      const markerReads = store.markerReads;
      const pageReads = store.itemPageReads;
      store.write(allotments());
      clock.now += 5_000;
      const { gate, open } = gated();
      store.gate = gate;

      const answers = await Promise.all(Array.from({ length: 25 }, () => top(b, 'allotments')));
      expect(answers.every((a) => a.length === 0)).toBe(true);
      clock.now += 60_000; // long past the interval while the rebuild is still running: still no second one
      await Promise.all(Array.from({ length: 25 }, () => top(b, 'climate')));
      expect(store.markerReads).toBe(markerReads + 1);
      expect(store.itemPageReads).toBe(pageReads + 1);

      open();
      await b.whenIdle();
      expect(await top(b, 'allotments')).toEqual(['item-allot']);
      expect(store.itemPageReads).toBe(pageReads + 1);
    });

    it('keeps serving when a background rebuild fails, reports it, and tries again at the next interval', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const errors: unknown[] = [];
      const { b } = twoInstances(store, clock, (err) => errors.push(err));
      await b.refreshIfDue();
      store.write(allotments());
      clock.now += 5_000;
      store.failNext = new Error('store unavailable');

      expect(await top(b, 'climate')).toEqual(['item-climate']); // the failure does not reach the query
      await b.whenIdle();
      expect(errors).toEqual([new Error('store unavailable')]);
      expect(await top(b, 'climate')).toEqual(['item-climate']); // still serving the old index
      expect(await top(b, 'allotments')).toEqual([]);
      await b.whenIdle();
      const pageReads = store.itemPageReads;

      clock.now += 4_999;
      await top(b, 'allotments');
      await b.whenIdle();
      expect(store.itemPageReads).toBe(pageReads); // not retried on every query ...
      clock.now += 1;
      await top(b, 'allotments');
      await b.whenIdle();
      expect(store.itemPageReads).toBe(pageReads + 1); // ... but at the next interval
      expect(await top(b, 'allotments')).toEqual(['item-allot']);
      expect(errors).toHaveLength(1);
    });

    it('reports a failing change marker the same way', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const errors: unknown[] = [];
      const { b } = twoInstances(store, clock, (err) => errors.push(err));
      await b.refreshIfDue();
      clock.now += 5_000;
      store.failMarkerNext = new Error('marker unavailable');
      expect(await top(b, 'climate')).toEqual(['item-climate']);
      await b.whenIdle();
      expect(errors).toEqual([new Error('marker unavailable')]);
    });

    it('survives an onBackgroundError that throws', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { b } = twoInstances(store, clock, () => {
        throw new Error('logger broken');
      });
      await b.refreshIfDue();
      clock.now += 5_000;
      store.failNext = new Error('store unavailable');
      expect(await top(b, 'climate')).toEqual(['item-climate']);
      await b.whenIdle(); // no unhandled rejection (jest would fail the run)
      expect(await top(b, 'climate')).toEqual(['item-climate']);
    });

    it('rebuild() while a background check is running still rebuilds outright afterwards', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { b } = twoInstances(store, clock);
      await b.refreshIfDue();
      const pageReads = store.itemPageReads;
      clock.now += 5_000;
      const { gate, open } = gated();
      store.markerGate = gate;
      await top(b, 'climate'); // starts a check; the marker has not moved, so it will not rebuild
      const rebuilding = b.rebuild();
      open();
      await rebuilding;
      expect(store.itemPageReads).toBe(pageReads + 1);
    });

    it('keeps a local write made during a background rebuild, and shows it at once meanwhile', async () => {
      const store = seeded();
      const clock = { now: 0 };
      const { a, b } = twoInstances(store, clock);
      await b.refreshIfDue();
      store.write(allotments()); // another instance
      a.upsertItem(allotments());
      clock.now += 5_000;
      const { gate, open } = gated();
      store.gate = gate;
      const reads = store.itemPageReads;
      expect(await top(b, 'pay and display')).toEqual(['item-parking']); // starts the rebuild; the store read waits
      while (store.itemPageReads === reads) await new Promise((resolve) => setImmediate(resolve)); // it has read the store
      const growing = item('item-growing', 'cabinet', 'Orchard Planting Scheme', 'Fruit trees for parks.', {
        updatedAt: '2021-07-03T10:00:00.000Z',
      });
      store.write(growing); // through b, after the rebuild read the store
      b.upsertItem(growing);
      store.delete('item-parking');
      b.removeItem('item-parking');
      expect(await top(b, 'orchard')).toEqual(['item-growing']);
      expect(await top(b, 'pay and display')).toEqual([]);
      open();
      await b.whenIdle();
      expect(await top(b, 'orchard')).toEqual(['item-growing']);
      expect(await top(b, 'pay and display')).toEqual([]);
      expect(await top(b, 'allotments')).toEqual(['item-allot']);
    });
  });

  it('filters exempt items for the asker', async () => {
    const store = seeded();
    const index = new SearchIndex(store);
    const scrutiny: Asker = { role: 'councillor', committees: [{ committeeId: 'scrutiny', seat: 'Chair' }] };
    expect((await index.search('cctv', scrutiny)).map((r) => r.itemId)).toEqual(['item-safer-streets']);
    expect((await index.search('cctv', officer)).map((r) => r.itemId)).toEqual(['item-cctv', 'item-safer-streets']);
  });
});

describe('SearchIndex.keepFresh', () => {
  it('builds the first index and picks up another instance\'s changes without any query, then stops', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const [first, second, third] = otherItems();
      const items: AgendaItem[] = [first!];
      let marker = 0;
      const source: SearchSource = {
        agendaItems: { listAll: async () => ({ items: [...items] }) },
        decisions: { listAll: async () => ({ items: [] }) },
      };
      const index = new SearchIndex(source, { changeMarker: async () => String(marker), refreshIntervalMs: 1000 });
      const stop = index.keepFresh();
      expect(index.documentCount).toBe(0);
      await jest.advanceTimersByTimeAsync(1000);
      await index.whenIdle();
      expect(index.documentCount).toBe(1);

      items.push(second!);
      marker += 1;
      await jest.advanceTimersByTimeAsync(1000);
      await index.whenIdle();
      expect(index.documentCount).toBe(2);

      stop();
      items.push(third!);
      marker += 1;
      await jest.advanceTimersByTimeAsync(5000);
      await index.whenIdle();
      expect(index.documentCount).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('SearchIndex dates agenda items by their meeting', () => {
  const context = { today: '2021-07-20', committees: [{ id: 'cabinet', name: 'Cabinet', kind: 'cabinet' }] };
  const meeting = (id: string, startsAt: string): Meeting => ({ id, committeeId: 'cabinet', startsAt, status: 'scheduled' });

  it('read from the store when it builds, and given with a write made here', async () => {
    const items: AgendaItem[] = [item('item-tenancy', 'cabinet', 'Tenancy Strategy', 'Tenancies.', { meetingId: 'cab-next' })];
    const source: SearchSource = {
      agendaItems: { listAll: async () => ({ items: [...items] }) },
      decisions: { listAll: async () => ({ items: [] }) },
      committees: { list: async () => [{ id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 }] },
      meetings: { listByCommittee: async () => [meeting('cab-next', '2021-07-27T17:30:00.000Z')] },
    };
    const index = new SearchIndex(source);
    const answer = async (q: string) => (await index.ask(q, officer, context)).results.map((r) => r.itemId);
    expect(await answer('tenancies next week')).toEqual(['item-tenancy']);
    expect(await answer('tenancies this week')).toEqual(['item-tenancy']); // nothing this week: the best without the period
    expect((await index.ask('tenancies this week', officer, context)).relaxed).toBe(true);

    index.upsertItem(item('item-enforcement', 'cabinet', 'Planning Enforcement Plan', 'Enforcement.', { meetingId: 'cab-later' }), meeting('cab-later', '2021-08-03T17:30:00.000Z'));
    expect(await answer('enforcement plan in August 2021')).toEqual(['item-enforcement']);
    expect((await index.ask('enforcement plan in August 2021', officer, context)).relaxed).toBe(false);
  });
});

describe('SearchIndex.whenBuilt (what /readyz waits for)', () => {
  it('starts the first build, rejects while it is still running after the wait, and resolves once it is built', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const source: SearchSource = {
      agendaItems: { listAll: async () => (await held, { items: [meltonCommunitySafety().item] }) },
      decisions: { listAll: async () => ({ items: [] }) },
    };
    const index = new SearchIndex(source);
    await expect(index.whenBuilt(10)).rejects.toThrow('the search index is still being built');
    expect(index.documentCount).toBe(0);
    release();
    await index.whenBuilt();
    expect(index.documentCount).toBe(1);
    await expect(index.whenBuilt(0)).resolves.toBeUndefined();
  });

  it('rejects with the store\'s failure when the build fails', async () => {
    const source: SearchSource = {
      agendaItems: { listAll: async () => Promise.reject(new Error('store unavailable')) },
      decisions: { listAll: async () => ({ items: [] }) },
    };
    await expect(new SearchIndex(source).whenBuilt(1000)).rejects.toThrow('store unavailable');
  });
});

describe('SearchIndex with a snapshot store', () => {
  /** A snapshot store in memory, counting what it was asked. */
  const memorySnapshots = () => {
    const kept: { bytes?: Uint8Array; writes: number } = { writes: 0 };
    const store: SnapshotStore = {
      read: async () => kept.bytes,
      write: async (parts) => {
        kept.bytes = Buffer.concat(parts);
        kept.writes += 1;
      },
    };
    return { kept, store };
  };
  const written = async (kept: { writes: number }, writes: number): Promise<void> => {
    for (let i = 0; i < 100 && kept.writes < writes; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(kept.writes).toBe(writes);
  };

  it('writes the first build, and a restart with the same marker loads it without reading the store, answering the same', async () => {
    const store = seeded();
    const { kept, store: snapshots } = memorySnapshots();
    const first = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    await first.whenBuilt();
    await written(kept, 1);
    const reads = store.itemPageReads;
    const restarted = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    await restarted.whenBuilt();
    expect(store.itemPageReads).toBe(reads);
    expect(restarted.documentCount).toBe(first.documentCount);
    for (const question of ['community safety', 'csp', 'what did cabinet decide about cctv', 'saftey']) {
      expect(await restarted.ask(question, officer, { today: '2021-08-01' })).toEqual(await first.ask(question, officer, { today: '2021-08-01' }));
    }
    // What a result list shows comes from the snapshot as well.
    const [best] = await restarted.search('community safety', officer);
    expect(await restarted.listingOf(best!)).toEqual(await first.listingOf(best!));
    // Local writes go on as before.
    restarted.upsertItem(allotments());
    expect(await top(restarted, 'allotments')).toEqual(['item-allot']);
  });

  it('says when the first build\'s snapshot is written (start-up collects its garbage then, before the warm-up); at once when there is none to write', async () => {
    const store = seeded();
    const { kept, store: snapshots } = memorySnapshots();
    let finishWrite: () => void = () => undefined;
    const held: SnapshotStore = { read: snapshots.read, write: async (parts) => { await new Promise<void>((r) => { finishWrite = r; }); await snapshots.write(parts); } };
    const first = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots: held });
    await first.whenBuilt();
    let saved = false;
    const whenSaved = first.whenSnapshotSaved().then(() => { saved = true; });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toBe(false); // the write is under way, held
    finishWrite();
    await whenSaved;
    expect(kept.writes).toBe(1);
    // A restart that loads that snapshot has nothing to write: at once.
    const restarted = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    await restarted.whenBuilt();
    await restarted.whenSnapshotSaved();
    expect(kept.writes).toBe(1);
  });

  it('answers from a snapshot of an older marker at once, and rebuilds from the store in the background', async () => {
    const store = seeded();
    const { kept, store: snapshots } = memorySnapshots();
    const first = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    await first.whenBuilt();
    await written(kept, 1);
    store.write(allotments()); // another instance's write, while this one was down
    const reads = store.itemPageReads;
    const restarted = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    await restarted.whenBuilt();
    expect(store.itemPageReads).toBe(reads);
    expect(await top(restarted, 'allotments')).toEqual([]); // the snapshot's, for now
    await restarted.whenIdle();
    expect(store.itemPageReads).toBeGreaterThan(reads);
    expect(await top(restarted, 'allotments')).toEqual(['item-allot']);
    await written(kept, 2); // the rebuild is kept in its turn
  });

  it('builds from the store when the snapshot is not one (damaged, or of another version)', async () => {
    const store = seeded();
    const snapshots: SnapshotStore = { read: async () => new Uint8Array([1, 2, 3, 4]), write: async () => undefined };
    const index = new SearchIndex(store, { changeMarker: store.changeMarker, snapshots });
    expect((await top(index, 'community safety'))[0]).toBe('item-csp');
    expect(store.itemPageReads).toBeGreaterThan(0);
  });
});

/**
 * The live build processes this process started (Linux: /proc): each child of this process running the build's
 * child file. A killed one that is not yet reaped has no command line any more, and is not live.
 */
const buildChildren = (): number[] =>
  readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('corpus-build-child') ? [Number(pid)] : [];
    } catch {
      return []; // gone meanwhile
    }
  });

/** Until `check` holds (a child starting under tsx takes a second or two), or fails the test after `ms`. */
const eventually = async (check: () => boolean, ms = 20_000): Promise<void> => {
  for (const until = Date.now() + ms; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > until) throw new Error('not within the time');
  }
};

describe('SearchIndex built in a child process', () => {
  const inChild = (store: FakeStore, options: { pageSize?: number } = {}): SearchIndex =>
    new SearchIndex(store, { changeMarker: store.changeMarker, buildElsewhere: buildCorpusInChildProcess, ...options });

  it('answers as the same index built on the main thread, keeps local writes, and the child is gone after', async () => {
    const store = seeded();
    const elsewhere = inChild(store, { pageSize: 4 });
    const onMain = new SearchIndex(store, { changeMarker: store.changeMarker, pageSize: 4 });
    await Promise.all([elsewhere.whenBuilt(), onMain.whenBuilt()]);
    expect(elsewhere.documentCount).toBe(onMain.documentCount);
    for (const question of ['community safety', 'csp', 'what did cabinet decide about cctv', 'saftey', 'allotments']) {
      expect(await elsewhere.ask(question, officer, { today: '2021-08-01' })).toEqual(await onMain.ask(question, officer, { today: '2021-08-01' }));
    }
    elsewhere.upsertItem(allotments());
    expect(await top(elsewhere, 'allotments')).toEqual(['item-allot']);
    expect(buildChildren()).toEqual([]);
  });

  it('keeps the bytes the child made as the snapshot, and a restart loads them without reading the store', async () => {
    const store = seeded();
    const kept: { parts?: readonly Uint8Array[] } = {};
    const snapshots: SnapshotStore = { read: async () => kept.parts && Buffer.concat(kept.parts), write: async (parts) => void (kept.parts = parts) };
    const first = new SearchIndex(store, { changeMarker: store.changeMarker, buildElsewhere: buildCorpusInChildProcess, snapshots });
    await first.whenBuilt();
    await eventually(() => kept.parts !== undefined);
    const reads = store.itemPageReads;
    const restarted = new SearchIndex(store, { changeMarker: store.changeMarker, buildElsewhere: buildCorpusInChildProcess, snapshots });
    await restarted.whenBuilt();
    expect(store.itemPageReads).toBe(reads);
    expect(await top(restarted, 'community safety')).toEqual(await top(first, 'community safety'));
  });

  it('rejects with the store failure, and the child is gone', async () => {
    const store = seeded();
    store.failNext = new Error('store unavailable');
    await expect(inChild(store).whenBuilt()).rejects.toThrow('store unavailable');
    expect(buildChildren()).toEqual([]);
  });

  it('fails the build, saying how the child ended, when the child is killed mid-build', async () => {
    const store = seeded();
    const { gate, open } = gated();
    store.gate = gate; // the build waits on the store's first page, its child started
    const building = inChild(store).whenBuilt();
    await eventually(() => buildChildren().length === 1);
    process.kill(buildChildren()[0]!, 'SIGKILL');
    await expect(building).rejects.toThrow("the search index build's process ended before it answered (killed by SIGKILL)");
    open();
    expect(buildChildren()).toEqual([]);
  });
});

describe('SearchIndex.close', () => {
  it('stops a build running in a child process at once: the build rejects, saying why, and the child ends', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { changeMarker: store.changeMarker, buildElsewhere: buildCorpusInChildProcess });
    const { gate, open } = gated();
    store.gate = gate; // the build waits on the store's first page
    const building = index.whenBuilt();
    await eventually(() => buildChildren().length === 1);
    const closing = index.close();
    await expect(building).rejects.toThrow('the search index build was stopped');
    await eventually(() => buildChildren().length === 0, 2000);
    open();
    await closing;
    expect(index.documentCount).toBe(0);
  });
});
