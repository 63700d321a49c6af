import type { z } from 'zod';
import type { ContainerName, IndexValue } from '../documents/document-collection';
import type { MarkerPart } from '../port';

/** How one domain record type is kept: which container, which partition, which document id, which index fields. */
export interface DocumentKind<T> {
  /** The envelope's `type`, also the document id prefix. */
  readonly type: string;
  /** In words, for error messages: "agenda item". */
  readonly label: string;
  readonly container: ContainerName;
  readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  partitionKeyOf(value: T): string;
  /** The record's key within its partition; the document id is `${type}:${key}`. */
  keyOf(value: T): string;
  indexOf(value: T): Record<string, IndexValue | undefined>;
  /**
   * Every write of this kind through the store moves that part of Store.changeMarkers() (change-marker.ts), after the
   * write has landed: the search indexes ('business': agenda items, decisions), the roster mirrors ('roster':
   * members, committees) and the decision-plan mirrors ('plans': action plans) of every instance learn of it from one
   * point read.
   */
  readonly movesMarker?: MarkerPart;
  /**
   * Which writes move it: every one (the default), or only those that can add a record (create, createMany, upsert),
   * for a kind whose other writes never change what the part's watchers hold: a plan's replace keeps its decision, so
   * it cannot change which plan a decision has, and moving on it would cost every progress update two requests and
   * every instance a reload.
   */
  readonly movesMarkerOn?: 'every write' | 'additions';
}

export const epochMs = (instant: string): number => Date.parse(instant);
