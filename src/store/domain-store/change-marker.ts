import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import { CHANGE_MARKER_KEY, type ChangeGeneration, type MarkerMove } from './document-kinds';
import type { ChangeMarkers, MarkerPart } from '../port';
import type { TypedDocuments } from './typed-documents';

/** Attempts to move the marker when other writers keep moving it first (each attempt is a read and a replace). */
const MAX_ATTEMPTS = 50;

/**
 * Store.changeMarkers(): one small document (container `work`, its own partition) with four independent parts, each
 * moved after a write has landed: `business` by every create, replace, upsert and delete of an agenda item or a
 * decision through the store (the search indexes rebuild when it moves), `roster` by every such write of a member or a
 * committee (the per-instance roster mirrors reload when it moves: store/roster-mirror.ts), `plans` by every action
 * plan created (the per-instance decision-plan mirrors reload: store/decision-plan-mirror.ts), `meetings` by every
 * create and replace of a meeting (the per-instance meeting mirrors reload: store/meeting-mirror.ts). Moving one part
 * never changes the others, so a roster write does not rebuild any search index. Reading all four is one point read
 * (about 1 RU on Cosmos DB), whatever the size of the council: it replaced an aggregate (COUNT and SUM over every
 * agenda item and decision) that took 11.5 s at 20,000 items on cosmosdb-server and cost request units every few
 * seconds per instance.
 *
 * Each part is `<count>.<generation>`: the count of its moves and a random id per move, so a restored or re-imported
 * store never answers a marker an instance saw before for other data; 'none' before its first move (also a document
 * written before the roster, plans or meetings part existed: that part is 'none'). Compare for equality only.
 *
 * Moving is a read and a replace with the read's ETag; when another writer (another instance, or a move of another
 * part) changed the document meanwhile, the replace is refused (412) and the move is tried again on the new value, so
 * two writers at once both move it and no move is lost. The move comes after the write, so an instance that sees the
 * new marker reads the write. A process that dies between the write and the move leaves that write unseen by the
 * other instances until the next write of that part. Writes outside the store's API (a hand edit, a raw import) do not
 * move it.
 */
export class ChangeMarker {
  constructor(private readonly markers: TypedDocuments<ChangeGeneration>) {}

  async current(): Promise<ChangeMarkers> {
    const stored = (await this.markers.get(CHANGE_MARKER_KEY, CHANGE_MARKER_KEY))?.value;
    return {
      // Count 0: the document was created by a move of another part; the business part has not moved.
      business: stored === undefined || stored.count === 0 ? 'none' : `${stored.count}.${stored.generation}`,
      roster: nestedPart(stored?.roster),
      plans: nestedPart(stored?.plans),
      meetings: nestedPart(stored?.meetings),
    };
  }

  async move(part: MarkerPart): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.markers.get(CHANGE_MARKER_KEY, CHANGE_MARKER_KEY);
      const next = moved(stored?.value, part);
      if (stored === undefined) {
        if ((await this.markers.create(next)).created) return;
      } else {
        try {
          await this.markers.replace(next, stored.etag);
          return;
        } catch (error) {
          if (!(error instanceof DomainError && (error.code === 'conflict' || error.code === 'not-found'))) throw error;
        }
      }
      // Another writer moved it first: try again on its value, after a short random pause so that two do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * Math.min(50, 2 * attempt))));
    }
    throw new Error(`The change marker could not be moved after ${MAX_ATTEMPTS} attempts: too many writers at once`);
  }
}

/** A part kept beside the business part: 'none' until its first move (and in a document written before it existed). */
const nestedPart = (move: MarkerMove | undefined): string => (move === undefined ? 'none' : `${move.count}.${move.generation}`);

/** The document with one part moved and every other part (those of later versions too) kept as it was. */
const moved = (stored: ChangeGeneration | undefined, part: MarkerPart): ChangeGeneration => {
  const kept: ChangeGeneration = { ...stored, key: CHANGE_MARKER_KEY, count: stored?.count ?? 0, generation: stored?.generation ?? randomUUID() };
  if (part === 'business') return { ...kept, count: kept.count + 1, generation: randomUUID() };
  return { ...kept, [part]: { count: (stored?.[part]?.count ?? 0) + 1, generation: randomUUID() } };
};
