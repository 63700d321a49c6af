import { normaliseEmail, type Committee, type Member } from '../domain';
import type { Store, Versioned } from './port';

/**
 * How long the mirror answers from memory without its roster marker being confirmed (a marker read that equals the
 * held roster's, or a reload). Past it (the marker could not be read for that long: the store is failing, or nothing
 * reads it), a turn waits for a reload, as turns read the store before the mirror existed: it bounds how long a member
 * removed by another process can still see exempt business on this instance when change detection stops
 * (docs/ARCHITECTURE.md).
 */
export const ROSTER_UNCONFIRMED_MS = 60_000;

/** What the mirror reads: the whole roster, and the marker that every member and committee write moves. */
export type RosterSource = Pick<Store, 'changeMarkers'> & {
  readonly members: Pick<Store['members'], 'listVersioned'>;
  readonly committees: Pick<Store['committees'], 'listVersioned'>;
};

export interface RosterMirrorOptions {
  readonly unconfirmedAfterMs?: number;
  /** Milliseconds since the epoch; a test clock in tests. */
  readonly now?: () => number;
  /** Told when a background reload fails (the held roster keeps answering; the next marker read tries again). */
  readonly onBackgroundError?: (err: unknown) => void;
}

/** The label of a roster with this instance's writes replayed onto a load: equal to no marker the store answers. */
const REPLAYED = 'replayed local writes';

/** One roster, as read at one roster marker. */
class HeldRoster {
  private readonly membersByAad = new Map<string, Versioned<Member>>();
  private readonly membersByEmail = new Map<string, Versioned<Member>>();
  private readonly membersById: Map<string, Versioned<Member>>;
  private readonly committeesById: Map<string, Versioned<Committee>>;

  constructor(readonly marker: string, members: Iterable<Versioned<Member>>, committees: Iterable<Versioned<Committee>>) {
    this.membersById = new Map([...members].map((m) => [m.value.id, m]));
    this.committeesById = new Map([...committees].map((c) => [c.value.id, c]));
    this.index();
  }

  member(id: string): Versioned<Member> | undefined {
    return this.membersById.get(id);
  }

  /** As the store's lookup: case-insensitive; of two members with the same object id, the lowest id wins. */
  memberByAadObjectId(aadObjectId: string): Versioned<Member> | undefined {
    return this.membersByAad.get(aadObjectId.toLowerCase());
  }

  /** As the store's lookup: by the normalised email (normaliseEmail); of two members with it, the lowest id wins. */
  memberByEmail(email: string): Versioned<Member> | undefined {
    return this.membersByEmail.get(normaliseEmail(email));
  }

  committee(id: string): Versioned<Committee> | undefined {
    return this.committeesById.get(id);
  }

  /** By name, as the store lists them (ORDER BY data.name: code-unit order). */
  committees(): Committee[] {
    return [...this.committeesById.values()].map((c) => c.value).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A write through this instance, as the store answered it. */
  apply(change: RosterChange): void {
    if (change.kind === 'member') {
      this.membersById.set(change.record.value.id, change.record);
      this.index();
    } else this.committeesById.set(change.record.value.id, change.record);
  }

  /** The lookups by object id and by email, keyed as the store's index fields are (document-kinds.ts, memberKind). */
  private index(): void {
    this.membersByAad.clear();
    this.membersByEmail.clear();
    const byId = [...this.membersById.values()].sort((a, b) => (a.value.id < b.value.id ? -1 : 1));
    for (const member of byId) {
      const aad = member.value.aadObjectId?.toLowerCase();
      if (aad !== undefined && !this.membersByAad.has(aad)) this.membersByAad.set(aad, member);
      const email = member.value.email === undefined ? undefined : normaliseEmail(member.value.email);
      if (email !== undefined && !this.membersByEmail.has(email)) this.membersByEmail.set(email, member);
    }
  }
}

export type RosterChange =
  | { readonly kind: 'member'; readonly record: Versioned<Member> }
  | { readonly kind: 'committee'; readonly record: Versioned<Committee> };

/**
 * The whole roster (every member, by id, by Entra object id and by email, and every committee) held in memory by one instance,
 * so that the turns' lookups (who is asking, which committees there are) never wait on the store: on Cosmos DB the
 * lookups by object id and by email (a Teams user not yet linked to the roster) and the committee list are
 * cross-partition queries (members are partitioned by member id, committees by committee id).
 *
 * Kept current by the roster part of the store's change marker (Store.changeMarkers()), which every member and
 * committee write through any Store moves. The mirror does not read the marker itself: the app's one periodic marker
 * read (the search index's, every 5 s) hands it the roster part (`markerRead`), so watching the roster costs no
 * request. When the marker has moved, the whole roster is read again in the background; turns are answered from the
 * held roster meanwhile. Writes through this instance are applied at once (`apply`).
 *
 * Safety net: when no marker read has confirmed the held roster for `unconfirmedAfterMs` (ROSTER_UNCONFIRMED_MS), a
 * lookup waits for a reload instead, as a turn read the store before the mirror existed.
 */
export class RosterMirror {
  private held: HeldRoster | undefined;
  /** When the held roster was last known current: the time its marker was read, by a load or a later marker read. */
  private confirmedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<HeldRoster> | undefined;
  /** Writes through this instance while a load runs: replayed onto what it read (which may predate them). */
  private journal: RosterChange[] | undefined;
  private readonly unconfirmedAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: RosterSource,
    private readonly options: RosterMirrorOptions = {},
  ) {
    this.unconfirmedAfterMs = options.unconfirmedAfterMs ?? ROSTER_UNCONFIRMED_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Resolves once a roster is held, starting the first load if none is running; with `waitMs`, rejects when none is
   * held by then (the load carries on). /readyz waits for it: the first turn finds the roster in memory.
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
      timer = setTimeout(() => reject(new Error('the roster is still loading')), waitMs);
    });
    try {
      await Promise.race([loaded, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The roster part of a change marker just read: confirms the held roster when it is the held one's, and otherwise
   * reloads in the background (unless a load is running: the next read compares again with what it held).
   */
  markerRead(rosterMarker: string): void {
    if (this.held?.marker === rosterMarker) {
      this.confirmedAt = this.now();
      return;
    }
    if (this.loading !== undefined) return;
    this.load(rosterMarker).catch((err: unknown) => this.reportBackgroundError(err));
  }

  /** A write through this instance, as the store answered it: seen by this instance's next lookup. */
  apply(change: RosterChange): void {
    this.held?.apply(change);
    this.journal?.push(change);
  }

  /** A write through this instance failed (a conflict: what is held is stale): read the roster again in the background. */
  reloadSoon(): void {
    if (this.loading !== undefined) return;
    this.load(undefined).catch((err: unknown) => this.reportBackgroundError(err));
  }

  async member(id: string): Promise<Versioned<Member> | undefined> {
    return (await this.current()).member(id);
  }

  async memberByAadObjectId(aadObjectId: string): Promise<Versioned<Member> | undefined> {
    return (await this.current()).memberByAadObjectId(aadObjectId);
  }

  async memberByEmail(email: string): Promise<Versioned<Member> | undefined> {
    return (await this.current()).memberByEmail(email);
  }

  async committee(id: string): Promise<Versioned<Committee> | undefined> {
    return (await this.current()).committee(id);
  }

  async committees(): Promise<Committee[]> {
    return (await this.current()).committees();
  }

  /** The held roster while it is confirmed recently enough; otherwise the one a load (waited for) reads. */
  private async current(): Promise<HeldRoster> {
    if (this.held !== undefined && this.now() - this.confirmedAt < this.unconfirmedAfterMs) return this.held;
    return this.load(undefined);
  }

  /**
   * Reads the whole roster, labelled with `rosterMarker` (read before it: a write landing during the load moves the
   * marker past it, and the next marker read loads again), or with the marker it reads first. One load at a time.
   */
  private load(rosterMarker: string | undefined): Promise<HeldRoster> {
    if (this.loading !== undefined) return this.loading;
    this.journal = [];
    const loading = (async () => {
      try {
        const startedAt = this.now();
        const marker = rosterMarker ?? (await this.source.changeMarkers()).roster;
        const [members, committees] = await Promise.all([this.source.members.listVersioned(), this.source.committees.listVersioned()]);
        const journal = this.journal ?? [];
        // A replayed write may be older than what the load read after it (another process wrote the same record
        // since): held under no marker, so the next marker read loads again, without a replay.
        const fresh = new HeldRoster(journal.length === 0 ? marker : REPLAYED, members, committees);
        for (const change of journal) fresh.apply(change);
        this.held = fresh;
        this.confirmedAt = Math.max(this.confirmedAt, startedAt);
        return fresh;
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
      this.options.onBackgroundError?.(err);
    } catch {
      // A failing reporter must not become an unhandled rejection; there is nowhere else to send it.
    }
  }
}
