/**
 * The file `cabinet-bot store export` writes and `store import` reads: JSON lines, one document of the store per line,
 * between a header and a trailer. Documents are the stored envelopes as they are ({ id, pk, type, ix, data }: the
 * record, its index values and its write count), so every kind, with its history, moves unchanged. The trailer's
 * counts let the importer tell a complete file from a cut-off one.
 */
import { z } from 'zod';
import { CONTAINER_NAMES, type ContainerName } from '../documents/document-collection';

export const EXPORT_FORMAT = 'cabinet-bot-store-export';
export const EXPORT_VERSION = 1;

export const ExportHeader = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().datetime({ offset: true }),
    /** The adapter it came from: embedded or cosmos. */
    from: z.string(),
  })
  .strict();
export type ExportHeader = z.infer<typeof ExportHeader>;

const IndexValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** One stored document, exactly as the store holds it (system fields such as _etag and _ts left out). */
export const ExportedDocument = z
  .object({
    container: z.enum(CONTAINER_NAMES),
    document: z
      .object({ id: z.string().min(1), pk: z.string().min(1), type: z.string().min(1), ix: z.record(IndexValue), data: z.unknown() })
      .strict(),
  })
  .strict();
export type ExportedDocument = z.infer<typeof ExportedDocument>;

export const ExportTrailer = z
  .object({
    end: z.literal(true),
    documents: z.number().int().min(0),
    /** Documents per kind: "business/agendaItem" -> 12. */
    counts: z.record(z.number().int().min(0)),
  })
  .strict();
export type ExportTrailer = z.infer<typeof ExportTrailer>;

/** "business/agendaItem": a kind of record, named by its container and its document type. */
export const kindKey = (container: ContainerName, type: string): string => `${container}/${type}`;

/** Adds one to a kind's count. */
export const countInto = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Counts as a plain object, kinds in a stable order. */
export const countsObject = (counts: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
