import type { DocumentDatabase } from '../documents/document-collection';
import { everyDocument } from './every-document';
import { countInto, countsObject, EXPORT_FORMAT, EXPORT_VERSION, kindKey, type ExportHeader, type ExportTrailer } from './export-format';

/** Writes one line (without its newline); resolves when the line may be followed by the next. */
export type LineWriter = (line: string) => Promise<void>;

export interface ExportSummary {
  readonly documents: number;
  /** Documents per kind ("business/agendaItem"), as written in the trailer. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Documents read per request: a few hundred KB, well inside a Cosmos DB operation's deadline. */
const PAGE_SIZE = 200;

/**
 * Every document of every container, as JSON lines between a header and a trailer (export-format.ts). Generic over
 * the document layer: a kind of record added later is exported with no change here.
 */
export async function exportDocuments(database: DocumentDatabase, write: LineWriter, options: { from: string; now: Date; pageSize?: number }): Promise<ExportSummary> {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: options.now.toISOString(), from: options.from };
  await write(JSON.stringify(header));
  const counts = new Map<string, number>();
  let documents = 0;
  for await (const { container, stored } of everyDocument(database, options.pageSize ?? PAGE_SIZE)) {
    await write(JSON.stringify({ container, document: stored.body }));
    countInto(counts, kindKey(container, String(stored.body['type'])));
    documents += 1;
  }
  const trailer: ExportTrailer = { end: true, documents, counts: countsObject(counts) };
  await write(JSON.stringify(trailer));
  return { documents, counts: trailer.counts };
}
