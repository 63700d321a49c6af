import type { AgendaItem, Decision } from '../../domain';
import type { AgendaItemStore, DecisionStore, Page } from '../../store/port';
import { SearchCorpus, type SearchOptions, type SearchResult } from './search-corpus';
import type { Asker } from './search-document';

/** What the index reads from the store: every item and decision, a page at a time. */
export interface SearchSource {
  readonly agendaItems: Pick<AgendaItemStore, 'listAll'>;
  readonly decisions: Pick<DecisionStore, 'listAll'>;
}

export interface SearchIndexOptions {
  /**
   * A cheap probe whose answer changes whenever any agenda item or decision is created, changed or deleted in the
   * shared store (for example the count and latest updatedAt of both containers). With it, a query rebuilds the
   * index only when another instance changed something; without it, the index is rebuilt on age alone.
   */
  readonly changeMarker?: () => Promise<string>;
  /** At most how often a query looks for other instances' changes. Default 30 s. */
  readonly refreshIntervalMs?: number;
  /** Page size for listAll during a rebuild. Default 200. */
  readonly pageSize?: number;
  /** Milliseconds since the epoch; a test clock in tests. */
  readonly now?: () => number;
}

export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

type Change =
  | { readonly op: 'upsert-item'; readonly item: AgendaItem }
  | { readonly op: 'remove-item'; readonly id: string }
  | { readonly op: 'upsert-decision'; readonly decision: Decision }
  | { readonly op: 'remove-decision'; readonly id: string };

const listEverything = async <T>(list: (continuation?: string, pageSize?: number) => Promise<Page<T>>, pageSize: number): Promise<T[]> => {
  const all: T[] = [];
  let continuation: string | undefined;
  do {
    const page = await list(continuation, pageSize);
    all.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return all;
};

/**
 * Full-text search over agenda items and decisions, kept fresh on every instance.
 *
 * Freshness: changes made through this instance (the services call upsertItem/upsertDecision/remove* after each
 * write) are searchable at once. Changes made through other instances sharing the store are picked up by the
 * first query after refreshIntervalMs has passed since the last check: it asks the change marker and rebuilds
 * from the store if the marker moved (or rebuilds outright when there is no marker). So a query never sees the
 * store older than refreshIntervalMs plus the time of one rebuild. The query waits for that check: answers are
 * never older than the bound, and a store failure reaches the caller instead of being hidden.
 *
 * A rebuild reads the store while local writes may still arrive; those are journalled and replayed onto the new
 * corpus unless the store already gave it the same or a newer version, so a rebuild never loses a local write.
 */
export class SearchIndex {
  private corpus: SearchCorpus | undefined;
  private marker: string | undefined;
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private journal: Change[] | undefined;
  private readonly refreshIntervalMs: number;
  private readonly pageSize: number;
  private readonly now: () => number;

  constructor(
    private readonly source: SearchSource,
    private readonly options: SearchIndexOptions = {},
  ) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    this.pageSize = options.pageSize ?? 200;
    this.now = options.now ?? Date.now;
  }

  /** Documents in the index (an item with its decisions counts once); 0 before the first build. */
  get documentCount(): number {
    return this.corpus?.documentCount ?? 0;
  }

  upsertItem(item: AgendaItem): void {
    this.apply({ op: 'upsert-item', item });
  }

  removeItem(itemId: string): void {
    this.apply({ op: 'remove-item', id: itemId });
  }

  upsertDecision(decision: Decision): void {
    this.apply({ op: 'upsert-decision', decision });
  }

  removeDecision(decisionId: string): void {
    this.apply({ op: 'remove-decision', id: decisionId });
  }

  /** Ranked results the asker may see, best first; checks freshness first (see the class comment). */
  async search(query: string, asker: Asker, options?: SearchOptions): Promise<SearchResult[]> {
    await this.refreshIfDue();
    return this.corpus!.search(query, asker, options);
  }

  /** Builds the index if there is none, or checks for other instances' changes if the interval has passed. */
  async refreshIfDue(): Promise<void> {
    if (this.corpus !== undefined && this.now() - this.lastCheckAt < this.refreshIntervalMs) return;
    await this.refresh(false);
  }

  /** Rebuilds from the store now, whatever the marker says (an officer's "reindex", or start-up warm-up). */
  async rebuild(): Promise<void> {
    await this.refresh(true);
  }

  /** Concurrent callers share one refresh: one marker probe and at most one rebuild. */
  private refresh(force: boolean): Promise<void> {
    this.refreshing ??= this.runRefresh(force).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async runRefresh(force: boolean): Promise<void> {
    const checkedAt = this.now();
    // From here on local changes are journalled, so none can fall between the store read and the swap.
    this.journal = [];
    try {
      // Read before the rebuild: a change that lands during the rebuild moves the marker past this value.
      const marker = this.options.changeMarker ? await this.options.changeMarker() : undefined;
      if (!force && this.corpus !== undefined && marker !== undefined && marker === this.marker) {
        this.lastCheckAt = checkedAt;
        return;
      }
      const [items, decisions] = await Promise.all([
        listEverything((c, n) => this.source.agendaItems.listAll(c, n), this.pageSize),
        listEverything((c, n) => this.source.decisions.listAll(c, n), this.pageSize),
      ]);
      const fresh = SearchCorpus.of(items, decisions);
      for (const change of this.journal) {
        if (!this.isStale(fresh, change)) applyTo(fresh, change);
      }
      this.corpus = fresh;
      this.marker = marker;
      this.lastCheckAt = checkedAt;
    } finally {
      this.journal = undefined;
    }
  }

  private apply(change: Change): void {
    // Before the first build there is nothing to update: the build will read the store, which holds the change.
    if (this.corpus) applyTo(this.corpus, change);
    this.journal?.push(change);
  }

  /** A journalled upsert older than what the store already gave the new corpus must not roll it back. */
  private isStale(fresh: SearchCorpus, change: Change): boolean {
    if (change.op === 'upsert-item') {
      const stored = fresh.itemUpdatedAt(change.item.id);
      return stored !== undefined && Date.parse(stored) > Date.parse(change.item.updatedAt);
    }
    if (change.op === 'upsert-decision') {
      const stored = fresh.decisionUpdatedAt(change.decision.id);
      return stored !== undefined && Date.parse(stored) > Date.parse(change.decision.updatedAt);
    }
    return false;
  }
}

const applyTo = (corpus: SearchCorpus, change: Change): void => {
  switch (change.op) {
    case 'upsert-item':
      return corpus.upsertItem(change.item);
    case 'remove-item':
      return corpus.removeItem(change.id);
    case 'upsert-decision':
      return corpus.upsertDecision(change.decision);
    case 'remove-decision':
      return corpus.removeDecision(change.id);
  }
};
