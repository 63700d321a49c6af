import { DomainError, type Meeting } from '../domain';
import { epochMs } from './domain-store/document-kind';
import { MarkerMirror, type MarkerMirrorOptions, type MirroredState } from './marker-mirror';
import type { Store, Versioned } from './port';

/** What the mirror reads: every meeting, and the marker that every meeting write moves. */
export type MeetingSource = Pick<Store, 'changeMarkers'> & {
  readonly meetings: Pick<Store['meetings'], 'listVersioned'>;
};

const keyOf = (committeeId: string, meetingId: string): string => `${committeeId}/${meetingId}`;

/**
 * Soonest first, as the store lists them (ORDER BY ix.startsAtMs: the instant, whatever its offset); meetings at the
 * same instant by id, an order the store does not promise either way (docs/STORE.md, listUpcoming).
 */
const soonestFirst = (a: Meeting, b: Meeting): number => epochMs(a.startsAt) - epochMs(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every meeting, as read at one meetings marker, with this instance's writes since. */
class HeldMeetings implements MirroredState<Versioned<Meeting>> {
  private readonly byKey = new Map<string, Versioned<Meeting>>();
  /** Each committee's meetings soonest first, sorted when first asked for after a change. */
  private readonly byCommittee = new Map<string, Meeting[]>();

  constructor(meetings: Iterable<Versioned<Meeting>>) {
    for (const meeting of meetings) this.byKey.set(keyOf(meeting.value.committeeId, meeting.value.id), meeting);
  }

  meeting(committeeId: string, id: string): Versioned<Meeting> | undefined {
    return this.byKey.get(keyOf(committeeId, id));
  }

  /** The committee's meetings soonest first (the store's listByCommittee). */
  ofCommittee(committeeId: string): readonly Meeting[] {
    let sorted = this.byCommittee.get(committeeId);
    if (sorted === undefined) {
      sorted = [...this.byKey.values()].map((m) => m.value).filter((m) => m.committeeId === committeeId).sort(soonestFirst);
      this.byCommittee.set(committeeId, sorted);
    }
    return sorted;
  }

  /** A write through this instance, as the store answered it (a meeting never changes committee: its partition). */
  apply(meeting: Versioned<Meeting>): void {
    this.byKey.set(keyOf(meeting.value.committeeId, meeting.value.id), meeting);
    this.byCommittee.delete(meeting.value.committeeId);
  }
}

/**
 * Every meeting of every committee (with its ETag) held in memory by one instance, so that no turn reads the store for
 * a meeting: an item card shows its meeting's date, a recommendation its Full Council meeting, `agenda` and `pending`
 * list a committee's upcoming meetings. On Cosmos DB each was a request (a point read; a single-partition query, 2
 * requests, for the upcoming ones), which made a decided item's acknowledgement 4 requests on an instance's first look
 * at its meeting. A council has one to three thousand meetings, a few hundred bytes each.
 *
 * Kept current by the meetings part of the store's change marker (Store.changeMarkers()), which every meeting create
 * and replace through any Store moves, as a MarkerMirror (marker-mirror.ts): handed the part by the app's one periodic
 * marker read, reloaded in the background when it moves (one cross-partition listing of every meeting), this
 * instance's writes applied at once, and a lookup waits for a reload when nothing has confirmed what is held for
 * MIRROR_UNCONFIRMED_MS.
 */
export class MeetingMirror extends MarkerMirror<HeldMeetings, Versioned<Meeting>> {
  constructor(source: MeetingSource, options: MarkerMirrorOptions = {}) {
    super('the meetings', {
      readMarker: async () => (await source.changeMarkers()).meetings,
      readAll: async () => new HeldMeetings(await source.meetings.listVersioned()),
    }, options);
  }

  async meeting(committeeId: string, id: string): Promise<Versioned<Meeting> | undefined> {
    return (await this.current()).meeting(committeeId, id);
  }

  /** As the store's listByCommittee: every meeting of the committee, soonest first. */
  async listByCommittee(committeeId: string): Promise<Meeting[]> {
    return [...(await this.current()).ofCommittee(committeeId)];
  }

  /**
   * As the store's listUpcoming: the committee's meetings starting at or after `from`, soonest first, at most `limit`
   * (a positive whole number, or the store's error), cancelled ones included.
   */
  async listUpcoming(committeeId: string, from: Date, limit: number): Promise<Meeting[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new DomainError('invalid', `A limit must be a positive whole number, not ${limit}`);
    const fromMs = from.getTime();
    const meetings = (await this.current()).ofCommittee(committeeId);
    return meetings.filter((m) => epochMs(m.startsAt) >= fromMs).slice(0, limit);
  }
}
