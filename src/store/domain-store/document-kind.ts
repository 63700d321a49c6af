import type { z } from 'zod';
import type { ContainerName, IndexValue } from '../documents/document-collection';

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
   * Count this kind's writes in `ix.revision` (1 when created, +1 on every replace), so that Store.changeMarker()
   * sees every create and replace. A replace then reads the current document first (to learn its revision); upsert
   * is not available, as it could not know the revision it overwrites.
   */
  readonly countsWrites?: boolean;
}

/** The ix field that counts a document's writes (see DocumentKind.countsWrites). */
export const REVISION_PATH = 'ix.revision';

export const epochMs = (instant: string): number => Date.parse(instant);
