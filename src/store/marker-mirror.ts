/**
 * How long a mirror answers from memory without its marker part being confirmed (a marker read that equals the held
 * state's, or a reload). Past it (the marker could not be read for that long: the store is failing, or nothing reads
 * it), a lookup waits for a reload, as turns read the store before the mirrors existed: it bounds how long a member
 * removed by another process can still see exempt business on this instance, or a new action plan or a moved meeting
 * stays unseen, when change detection stops (docs/ARCHITECTURE.md).
 */
export const MIRROR_UNCONFIRMED_MS = 60_000;

/** What a mirror holds: everything read at one marker, to which this instance's own writes are applied. */
export interface MirroredState<Change> {
  apply(change: Change): void;
}

/** Where a mirror reads: its part of the change marker, and everything it holds. */
export interface MirrorSource<State> {
  readMarker(): Promise<string>;
  readAll(): Promise<State>;
}

export interface MarkerMirrorOptions {
  readonly unconfirmedAfterMs?: number;
  /** Milliseconds since the epoch; a test clock in tests. */
  readonly now?: () => number;
  /**
   * Told when a background reload fails, with what the mirror holds (its `what`): the held state keeps answering, and
   * the next marker read tries again.
   */
  readonly onBackgroundError?: (err: unknown, what: string) => void;
}

/** The label of a state with this instance's writes replayed onto a load: equal to no marker the store answers. */
const REPLAYED = 'replayed local writes';

/**
 * Something read whole from the store and held in memory by one instance, so that the turns' lookups never wait on
 * the store, kept current by one part of the store's change marker (Store.changeMarkers()), which every write of what
 * it holds moves. The mirror does not read the marker itself: the app's one periodic marker read (the search index's,
 * every 5 s) hands it its part (`markerRead`), so watching costs no request. When the part has moved, everything is
 * read again in the background; lookups are answered from the held state meanwhile. Writes through this instance are
 * applied at once (`apply`).
 *
 * Safety net: when no marker read has confirmed the held state for `unconfirmedAfterMs` (MIRROR_UNCONFIRMED_MS), a
 * lookup waits for a reload instead.
 *
 * The roster (roster-mirror.ts), which action plan each decision has (decision-plan-mirror.ts) and every meeting
 * (meeting-mirror.ts) are held this way.
 */
export class MarkerMirror<State extends MirroredState<Change>, Change> {
  private held: { readonly marker: string; readonly state: State } | undefined;
  /** When the held state was last known current: the time its marker was read, by a load or a later marker read. */
  private confirmedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<State> | undefined;
  /** Writes through this instance while a load runs: replayed onto what it read (which may predate them). */
  private journal: Change[] | undefined;
  private readonly unconfirmedAfterMs: number;
  private readonly now: () => number;

  /** `what` names the held state ("the roster"): in the error of a load not done in time, and in the app's log lines. */
  constructor(
    readonly what: string,
    private readonly source: MirrorSource<State>,
    private readonly options: MarkerMirrorOptions = {},
  ) {
    this.unconfirmedAfterMs = options.unconfirmedAfterMs ?? MIRROR_UNCONFIRMED_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Resolves once a state is held, starting the first load if none is running; with `waitMs`, rejects when none is
   * held by then (the load carries on). /readyz waits for it: the first turn finds it in memory.
   */
  async whenLoaded(waitMs?: number): Promise<void> {
    if (this.held !== undefined) return;
    const loaded = this.load(undefined);
    if (waitMs === undefined) {
      await loaded;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.what} is still loading`)), waitMs);
    });
    try {
      await Promise.race([loaded, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * This mirror's part of a change marker just read: confirms the held state when it is the held one's, and otherwise
   * reloads in the background (unless a load is running: the next read compares again with what it held).
   */
  markerRead(marker: string): void {
    if (this.held?.marker === marker) {
      this.confirmedAt = this.now();
      return;
    }
    if (this.loading !== undefined) return;
    this.load(marker).catch((err: unknown) => this.reportBackgroundError(err));
  }

  /** A write through this instance, as the store answered it: seen by this instance's next lookup. */
  apply(change: Change): void {
    this.held?.state.apply(change);
    this.journal?.push(change);
  }

  /** What is held may be stale (a write through this instance was refused): read it again in the background. */
  reloadSoon(): void {
    if (this.loading !== undefined) return;
    this.load(undefined).catch((err: unknown) => this.reportBackgroundError(err));
  }

  /** The held state while it is confirmed recently enough; otherwise the one a load (waited for) reads. */
  protected async current(): Promise<State> {
    if (this.held !== undefined && this.now() - this.confirmedAt < this.unconfirmedAfterMs) return this.held.state;
    return this.load(undefined);
  }

  /**
   * Reads everything, labelled with `marker` (read before it: a write landing during the load moves the marker past
   * it, and the next marker read loads again), or with the marker it reads first. One load at a time.
   */
  private load(marker: string | undefined): Promise<State> {
    if (this.loading !== undefined) return this.loading;
    this.journal = [];
    const loading = (async () => {
      try {
        const startedAt = this.now();
        const readAt = marker ?? (await this.source.readMarker());
        const state = await this.source.readAll();
        const journal = this.journal ?? [];
        for (const change of journal) state.apply(change);
        // A replayed write may be older than what the load read after it (another process wrote the same record
        // since): held under no marker, so the next marker read loads again, without a replay.
        this.held = { marker: journal.length === 0 ? readAt : REPLAYED, state };
        this.confirmedAt = Math.max(this.confirmedAt, startedAt);
        return state;
      } finally {
        this.journal = undefined;
        this.loading = undefined;
      }
    })();
    this.loading = loading;
    return loading;
  }

  private reportBackgroundError(err: unknown): void {
    try {
      this.options.onBackgroundError?.(err, this.what);
    } catch {
      // A failing reporter must not become an unhandled rejection; there is nowhere else to send it.
    }
  }
}
