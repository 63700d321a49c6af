import { normaliseEmail, type Committee, type Member } from '../domain';
import { MarkerMirror, type MarkerMirrorOptions, type MirroredState } from './marker-mirror';
import type { Store, Versioned } from './port';

/** What the mirror reads: the whole roster, and the marker that every member and committee write moves. */
export type RosterSource = Pick<Store, 'changeMarkers'> & {
  readonly members: Pick<Store['members'], 'listVersioned'>;
  readonly committees: Pick<Store['committees'], 'listVersioned'>;
};

/** One roster, as read at one roster marker, with this instance's writes since. */
class HeldRoster implements MirroredState<RosterChange> {
  private readonly membersByAad = new Map<string, Versioned<Member>>();
  private readonly membersByEmail = new Map<string, Versioned<Member>>();
  private readonly membersById: Map<string, Versioned<Member>>;
  private readonly committeesById: Map<string, Versioned<Committee>>;

  constructor(members: Iterable<Versioned<Member>>, committees: Iterable<Versioned<Committee>>) {
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
 * committee write through any Store moves, as a MarkerMirror (marker-mirror.ts: handed the part by the app's one
 * periodic marker read, reloaded in the background when it moves, this instance's writes applied at once, and a
 * lookup waits for a reload when nothing has confirmed the roster for MIRROR_UNCONFIRMED_MS).
 */
export class RosterMirror extends MarkerMirror<HeldRoster, RosterChange> {
  constructor(source: RosterSource, options: MarkerMirrorOptions = {}) {
    super('the roster', {
      readMarker: async () => (await source.changeMarkers()).roster,
      readAll: async () => {
        const [members, committees] = await Promise.all([source.members.listVersioned(), source.committees.listVersioned()]);
        return new HeldRoster(members, committees);
      },
    }, options);
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
}
