import type { AgendaItem, Decision } from '../../../src/domain';
import type { Page } from '../../../src/store/port';
import { SearchIndex, type Asker, type SearchSource } from '../../../src/services/search';
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
  failNext: Error | undefined;

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
    return String(this.version);
  };
}

const seeded = (): FakeStore => {
  const csp = meltonCommunitySafety();
  return new FakeStore([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
};
const allotments = (updatedAt = '2021-07-01T10:00:00.000Z', title = 'Allotments Strategy'): AgendaItem =>
  item('item-allot', 'cabinet', title, 'Provision of allotments across the borough.', { updatedAt });
const top = async (index: SearchIndex, query: string): Promise<string[]> =>
  (await index.search(query, officer, { limit: 3 })).map((r) => r.itemId ?? r.decisionId ?? '');

describe('SearchIndex', () => {
  it('builds from the store a page at a time on the first query', async () => {
    const store = seeded();
    const index = new SearchIndex(store, { pageSize: 3 });
    expect(index.documentCount).toBe(0);
    expect(await top(index, 'community safety')).toEqual(['item-csp', 'item-cctv', 'item-safer-streets']);
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
    now += 1;
    expect(await top(b, 'allotments')).toEqual(['item-allot']);
    expect(store.itemPageReads).toBe(readsAfterBuild + 1); // b rebuilt once

    now += 30_000;
    const markerReads = store.markerReads;
    expect(await top(b, 'allotments')).toEqual(['item-allot']);
    expect(store.markerReads).toBe(markerReads + 1); // checked ...
    expect(store.itemPageReads).toBe(readsAfterBuild + 1); // ... but nothing moved, so no rebuild

    store.delete('item-allot');
    now += 30_000;
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
    now += 1;
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

  it('filters exempt items for the asker', async () => {
    const store = seeded();
    const index = new SearchIndex(store);
    const scrutiny: Asker = { role: 'councillor', committees: [{ committeeId: 'scrutiny', seat: 'Chair' }] };
    expect((await index.search('cctv', scrutiny)).map((r) => r.itemId)).toEqual(['item-safer-streets']);
    expect((await index.search('cctv', officer)).map((r) => r.itemId)).toEqual(['item-cctv', 'item-safer-streets']);
  });
});
