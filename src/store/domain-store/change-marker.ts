import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import { CHANGE_MARKER_KEY, type ChangeGeneration } from './document-kinds';
import type { TypedDocuments } from './typed-documents';

/** Attempts to move the marker when other writers keep moving it first (each attempt is a read and a replace). */
const MAX_ATTEMPTS = 50;

/**
 * Store.changeMarker(): one small document (container `work`, its own partition) that every create, replace, upsert
 * and delete of an agenda item or a decision through the store moves, after the write has landed. Reading it is one
 * point read (about 1 RU on Cosmos DB), whatever the size of the council: it replaced an aggregate (COUNT and SUM over
 * every agenda item and decision) that took 11.5 s at 20,000 items on cosmosdb-server and cost request units every
 * few seconds per instance.
 *
 * The marker is `<count>.<generation>`: the count of moves and a random id per move, so a restored or re-imported
 * store never answers a marker an instance saw before for other data. Compare for equality only.
 *
 * Moving it is a read and a replace with the read's ETag; when another writer (another instance) moved it meanwhile,
 * the replace is refused (412) and the move is tried again on the new value, so two writers at once both move it and
 * no move is lost. The move comes after the write, so an instance that sees the new marker reads the write. A process
 * that dies between the write and the move leaves that write unseen by the search indexes until the next write.
 * Writes outside the store's API (a hand edit, a raw import) do not move it.
 */
export class ChangeMarker {
  constructor(private readonly markers: TypedDocuments<ChangeGeneration>) {}

  async current(): Promise<string> {
    const stored = await this.markers.get(CHANGE_MARKER_KEY, CHANGE_MARKER_KEY);
    return stored === undefined ? 'none' : `${stored.value.count}.${stored.value.generation}`;
  }

  async move(): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.markers.get(CHANGE_MARKER_KEY, CHANGE_MARKER_KEY);
      const next: ChangeGeneration = { key: CHANGE_MARKER_KEY, count: (stored?.value.count ?? 0) + 1, generation: randomUUID() };
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
