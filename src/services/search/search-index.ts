import type { AgendaItem, Decision, Meeting } from '../../domain';
import type { AgendaItemStore, CommitteeStore, DecisionStore, MeetingStore, Page } from '../../store/port';
import {
  SearchCorpus, type AskContext, type KnownCommittee, type ResultListing, type SearchAnswer, type SearchOptions, type SearchResult, type Suggestions,
} from './search-corpus';
import type { Asker, SearchProfile } from './search-document';
import { AnswerCache } from './answer-cache';
import type { BuildCorpusElsewhere } from './build-elsewhere';
import { decodeSnapshot, deserialiseCorpus, encodeSnapshot, serialiseCorpus, type SnapshotStore } from './search-snapshot';

/** What the index reads from the store: every item and decision, a page at a time, and the meetings' dates. */
export interface SearchSource {
  readonly agendaItems: Pick<AgendaItemStore, 'listAll'>;
  readonly decisions: Pick<DecisionStore, 'listAll'>;
  /**
   * With both, questions name committees ("what did Scrutiny decide") and agenda items are dated by their meeting (an
   * undecided item has no other date: "next week").
   */
  readonly committees?: Pick<CommitteeStore, 'list'>;
  readonly meetings?: Pick<MeetingStore, 'listByCommittee'>;
}

export interface SearchIndexOptions {
  /**
   * A cheap probe whose answer changes whenever any agenda item or decision is created, changed or deleted in the
   * shared store (for example the count and latest updatedAt of both containers). With it, the index is rebuilt only
   * when another instance changed something; without it, the index is rebuilt on age alone.
   */
  readonly changeMarker?: () => Promise<string>;
  /** At most how often the index looks for other instances' changes. Default 30 s. */
  readonly refreshIntervalMs?: number;
  /** Page size for listAll during a rebuild. Default 200. */
  readonly pageSize?: number;
  /** Milliseconds since the epoch; a test clock in tests. */
  readonly now?: () => number;
  /**
   * Told when a check or rebuild running in the background fails (the index keeps serving what it has and tries
   * again after refreshIntervalMs). Without it such failures are dropped.
   */
  readonly onBackgroundError?: (err: unknown) => void;
  /** What to index: everything (default) or titles alone (the benchmark's baseline). */
  readonly profile?: SearchProfile;
  /**
   * Where the built index is kept between runs (with changeMarker only). The first build loads it instead of reading
   * the store: at once when its marker is the store's, and when it is not, the loaded index answers while a rebuild
   * runs in the background (as after any other instance's write). Each build with a new marker is written to it, in
   * the background.
   */
  readonly snapshots?: SnapshotStore;
  /**
   * Where a build indexes the records: without it, on this thread, in slices; with it, elsewhere (build-elsewhere.ts),
   * so that what the build allocates goes when it ends. The running bot builds in a child process.
   */
  readonly buildElsewhere?: BuildCorpusElsewhere;
}

export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

type Change =
  | { readonly op: 'upsert-meeting'; readonly meeting: Meeting }
  | { readonly op: 'upsert-item'; readonly item: AgendaItem }
  | { readonly op: 'remove-item'; readonly id: string }
  | { readonly op: 'upsert-decision'; readonly decision: Decision }
  | { readonly op: 'remove-decision'; readonly id: string };

/** A store's listAll, a page at a time: each page can be let go before the next is read. */
async function* pagesOf<T>(list: (continuation?: string, pageSize?: number) => Promise<Page<T>>, pageSize: number): AsyncGenerator<readonly T[]> {
  let continuation: string | undefined;
  do {
    const page = await list(continuation, pageSize);
    yield page.items;
    continuation = page.continuation;
  } while (continuation !== undefined);
}

/**
 * Full-text search over agenda items and decisions, kept fresh on every instance.
 *
 * First query: there is nothing to serve yet, so it waits for the first build from the store, and a store failure
 * rejects it (the next query tries again).
 *
 * After that a query never waits for the store. Changes made through this instance (the services call
 * upsertItem/upsertDecision/remove* after each write) are searchable at once. Changes made through other instances
 * sharing the store are picked up in the background: a query that finds refreshIntervalMs gone since the last check
 * started starts one (the change marker, then a rebuild from the store if the marker moved, or a rebuild outright
 * when there is no marker) and is itself answered from the current index; the rebuilt corpus replaces it when ready.
 * One check or rebuild runs at a time. Staleness bound: while queries keep arriving, another instance's writes
 * appear within refreshIntervalMs + the time of one rebuild (~1 s for 5,500 documents). Checks are started by
 * queries and, with keepFresh(), by a timer as well, so the bound holds after a quiet spell too. A failing background check or rebuild goes to onBackgroundError;
 * the current index keeps serving, and the next try comes after refreshIntervalMs. whenIdle() waits for background
 * work (tests, shutdown).
 *
 * A rebuild reads the store while local writes may still arrive; those are journalled and replayed onto the new
 * corpus unless the store already gave it the same or a newer version, so a rebuild never loses a local write.
 */
export class SearchIndex {
  private corpus: SearchCorpus | undefined;
  private marker: string | undefined;
  /** When the last check or build started, whether or not it succeeded. */
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  /** The check or rebuild running now; rejects with its failure, after clearing itself. */
  private refreshing: Promise<void> | undefined;
  private refreshingForced = false;
  /** Settles (never rejects) once the latest check or rebuild is over and any background failure was reported. */
  private idle: Promise<void> | undefined;
  private journal: Change[] | undefined;
  /** The marker of the snapshot last written or loaded: a build with the same marker need not be written again. */
  private snapshotMarker: string | undefined;
  private savingSnapshot = false;
  private snapshotSaved: Promise<void> = Promise.resolve();
  /** Aborted by close(): a build elsewhere stops at once. */
  private readonly stopping = new AbortController();
  /** Answers of the current index to questions asked again (answer-cache.ts). */
  private readonly answers = new AnswerCache();
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

  /** An item imported or changed here; with its meeting when that is new too, so that the item is dated at once. */
  upsertItem(item: AgendaItem, meeting?: Meeting): void {
    if (meeting) this.apply({ op: 'upsert-meeting', meeting });
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

  /**
   * Ranked results the asker may see, best first. Waits only for the first build; after that it answers from the
   * current index and, when the interval has passed, starts a background check (see the class comment).
   */
  async search(query: string, asker: Asker, options?: SearchOptions & { context?: AskContext }): Promise<SearchResult[]> {
    return (await this.current()).search(query, asker, options);
  }

  /** A question, with its filters read (search-corpus.ts ask); waits like search(). */
  async ask(question: string, asker: Asker, context: AskContext, options?: SearchOptions): Promise<SearchAnswer> {
    return this.answers.answer(await this.current(), question, asker, context, options);
  }

  /** The nearest known words and titles, for an answer that found nothing; waits like search(). */
  async suggest(question: string, asker: Asker): Promise<Suggestions> {
    return (await this.current()).suggest(question, asker);
  }

  /** What a result list shows of a result, from the index (SearchCorpus.listingOf); waits like search(). */
  async listingOf(result: Pick<SearchResult, 'itemId' | 'decisionId'>): Promise<ResultListing | undefined> {
    return (await this.current()).listingOf(result);
  }

  /** The agenda item a command names by its title words or its id, as the asker may see it; waits like search(). */
  async itemNamed(words: string, asker: Asker): Promise<{ readonly itemId: string; readonly committeeId?: string } | undefined> {
    const corpus = await this.current();
    const id = words.trim();
    if (/^\S+$/.test(id) && corpus.hasItem(id, asker)) return { itemId: id };
    return corpus.itemTitled(words, asker);
  }

  /**
   * The decisions the index holds for an agenda item, without a store read; undefined until the first build. As fresh
   * as the index: this instance's own writes at once, other instances' within the refresh interval and one rebuild.
   * The turns on Cosmos DB use it so that an item card does not pay a query (and its query-plan request) to learn
   * whether the item is decided (store/indexed-decisions.ts).
   */
  decisionIdsOfItem(itemId: string): readonly string[] | undefined {
    return this.corpus?.decisionIdsOfItem(itemId);
  }

  private async current(): Promise<SearchCorpus> {
    if (this.corpus === undefined) await this.refresh(false);
    else this.refreshInBackgroundIfDue();
    return this.corpus!;
  }

  /**
   * Waits for the first build if there is no index, or for a check of other instances' changes if the interval has
   * passed and none is running (start-up warm-up, tests). Rejects with the store's failure.
   */
  async refreshIfDue(): Promise<void> {
    if (this.corpus !== undefined && !this.isDue()) return;
    await this.refresh(false);
  }

  /** Rebuilds from the store now, whatever the marker says (an officer's "reindex", or start-up warm-up). */
  async rebuild(): Promise<void> {
    // A check already running may decide not to rebuild; let it finish, then rebuild outright.
    while (this.refreshing !== undefined && !this.refreshingForced) await this.refreshing.catch(() => undefined);
    await this.refresh(true);
  }

  /**
   * Keeps checking for other instances' changes every refreshIntervalMs even while nobody searches (and builds the
   * first index without waiting for a query), so the first question after a quiet spell is answered fresh too.
   * The timer does not keep the process alive. Returns the function that stops it.
   */
  keepFresh(): () => void {
    const timer = setInterval(() => {
      if (this.corpus === undefined) {
        if (this.refreshing === undefined) void this.refresh(false, true);
      } else this.refreshInBackgroundIfDue();
    }, this.refreshIntervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Resolves once the first index is built (at once after that), starting the build if none is running; rejects
   * with the build's failure, or (with `waitMs`) when it is not built within that: /readyz answers 200 only when a
   * question can be answered without waiting for the build.
   */
  async whenBuilt(waitMs?: number): Promise<void> {
    if (this.corpus !== undefined) return;
    if (waitMs === undefined) return this.refresh(false);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the search index is still being built')), waitMs);
    });
    try {
      await Promise.race([this.refresh(false), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * For shutdown: stops a build running elsewhere (it rejects; a background one's failure is reported as
   * any other) and resolves once nothing is running. The index still answers from what it has.
   */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.whenIdle();
  }

  /** Resolves once no check or rebuild is running (never rejects: background failures go to onBackgroundError). */
  async whenIdle(): Promise<void> {
    for (let idle = this.idle; idle !== undefined; idle = this.idle) {
      await idle;
      if (this.idle === idle) this.idle = undefined; // else another check started meanwhile: wait for that one too
    }
  }

  private isDue(): boolean {
    return this.refreshing === undefined && this.now() - this.lastCheckAt >= this.refreshIntervalMs;
  }

  private refreshInBackgroundIfDue(): void {
    // Nobody awaits it: its failure goes to onBackgroundError (through `idle`), not to the query.
    if (this.isDue()) void this.refresh(false, true);
  }

  /**
   * Concurrent callers share one refresh: one marker probe and at most one rebuild. A background refresh (started
   * by a query on a built index) and an awaited one (first build, refreshIfDue, rebuild) never share: a background
   * one starts only when none is running, and an awaited one is needed only when there is no index or it is due.
   */
  private refresh(force: boolean, background = false): Promise<void> {
    if (this.refreshing === undefined) {
      this.refreshingForced = force;
      const refreshing = this.runRefresh(force).finally(() => {
        this.refreshing = undefined;
      });
      this.refreshing = refreshing;
      // Handles the rejection in every case (awaited callers get it from `refreshing` themselves).
      this.idle = refreshing.then(
        () => undefined,
        (err: unknown) => {
          if (background) this.reportBackgroundError(err);
        },
      );
    }
    return this.refreshing;
  }

  private reportBackgroundError(err: unknown): void {
    try {
      this.options.onBackgroundError?.(err);
    } catch {
      // A failing reporter must not become an unhandled rejection; there is nowhere else to send it.
    }
  }

  private async runRefresh(force: boolean): Promise<void> {
    // Set before anything can fail: a failing store is tried again after the interval, not by every query.
    this.lastCheckAt = this.now();
    // From here on local changes are journalled, so none can fall between the store read and the swap.
    this.journal = [];
    try {
      // Read before the rebuild: a change that lands during the rebuild moves the marker past this value.
      const marker = this.options.changeMarker ? await this.options.changeMarker() : undefined;
      if (!force && this.corpus !== undefined && marker !== undefined && marker === this.marker) return;
      if (!force && this.corpus === undefined && marker !== undefined && (await this.loadSnapshot(marker))) return;
      const { committees, meetings } = await this.listCommitteesAndMeetings();
      // Page by page (each indexed and let go before the next is read), in slices so that queries (answered from the
      // current corpus meanwhile) are not held up by it.
      const itemPages = pagesOf((c, n) => this.source.agendaItems.listAll(c, n), this.pageSize);
      const decisionPages = pagesOf((c, n) => this.source.decisions.listAll(c, n), this.pageSize);
      const profile = this.options.profile ? { profile: this.options.profile } : {};
      const { buildElsewhere } = this.options;
      // Built elsewhere, the corpus comes serialised: those bytes are the snapshot to keep, made off this thread.
      const bytes = buildElsewhere
        ? await buildElsewhere(
          itemPages, decisionPages, { meetings: meetings.map(({ id, startsAt, status }) => ({ id, startsAt, status })), committees, ...profile }, this.stopping.signal,
        )
        : undefined;
      const fresh = bytes ? deserialiseCorpus(bytes) : await SearchCorpus.buildFromPages(itemPages, decisionPages, { meetings, committees, ...profile });
      for (const change of this.journal) {
        if (!this.isStale(fresh, change)) applyTo(fresh, change);
      }
      this.corpus = fresh;
      this.marker = marker;
      // Labelled with the marker read before the build: a change since has moved the store's past it (a restart rebuilds).
      if (marker !== undefined) this.saveSnapshot(marker, bytes ?? fresh);
    } finally {
      this.journal = undefined;
    }
  }

  /**
   * The first build from the snapshot, when there is one: true when it now answers. A snapshot of another marker
   * answers too, and the next check (due at once) rebuilds from the store in the background.
   */
  private async loadSnapshot(marker: string): Promise<boolean> {
    const { snapshots } = this.options;
    if (!snapshots) return false;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await snapshots.read();
    } catch (err) {
      this.reportBackgroundError(err);
      return false;
    }
    const loaded = bytes ? decodeSnapshot(bytes) : undefined;
    if (!loaded || loaded.corpus.profile !== (this.options.profile ?? 'full')) return false;
    this.corpus = loaded.corpus;
    this.marker = loaded.marker;
    this.snapshotMarker = loaded.marker;
    if (loaded.marker !== marker) this.lastCheckAt = Number.NEGATIVE_INFINITY;
    return true;
  }

  /** Writes the new build's snapshot after the answers it holds up (one write at a time; a failure is reported). */
  private saveSnapshot(marker: string, corpus: SearchCorpus | Uint8Array): void {
    const { snapshots } = this.options;
    if (!snapshots || this.savingSnapshot || marker === this.snapshotMarker) return;
    this.savingSnapshot = true;
    this.snapshotSaved = new Promise<void>((saved) => {
      setImmediate(() => {
        Promise.resolve()
          .then(() => snapshots.write(encodeSnapshot(marker, corpus instanceof Uint8Array ? corpus : serialiseCorpus(corpus))))
          .then(() => {
            this.snapshotMarker = marker;
          })
          .catch((err: unknown) => this.reportBackgroundError(err))
          .finally(() => {
            this.savingSnapshot = false;
            saved();
          });
      });
    });
  }

  /**
   * Resolves once the snapshot of the index built last is written, or has failed (reported as any background
   * failure): at once when none is being written. Start-up waits for it before its warm-up (app.ts).
   */
  whenSnapshotSaved(): Promise<void> {
    return this.snapshotSaved;
  }

  /** Committees, by name, for reading questions ("what did Scrutiny decide"); their meetings date agenda items. */
  private async listCommitteesAndMeetings(): Promise<{ committees: KnownCommittee[]; meetings: Meeting[] }> {
    if (!this.source.committees) return { committees: [], meetings: [] };
    const committees = await this.source.committees.list();
    const { meetings } = this.source;
    return {
      committees: committees.map((c) => ({ id: c.id, name: c.name, kind: c.kind, callInWorkingDays: c.callInWorkingDays })),
      meetings: meetings ? (await Promise.all(committees.map((c) => meetings.listByCommittee(c.id)))).flat() : [],
    };
  }

  private apply(change: Change): void {
    // Before the first build there is nothing to update: the build will read the store, which holds the change.
    if (this.corpus) applyTo(this.corpus, change);
    this.answers.clear(this.corpus);
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
    case 'upsert-meeting':
      return corpus.upsertMeeting(change.meeting);
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
