import { isDeepStrictEqual } from 'node:util';
import type { DocumentDatabase, DocumentEnvelope } from '../documents/document-collection';
import { everyDocument } from './every-document';
import { countInto, countsObject, ExportedDocument, ExportHeader, ExportTrailer, kindKey } from './export-format';
import { knownKinds } from './known-kinds';

/** Reads the file's lines from the start; called once to check the file and once more to write it. */
export type LineSource = () => AsyncIterable<string>;

export interface KindReport {
  /** "business/agendaItem". */
  readonly kind: string;
  readonly inFile: number;
  /** Written now. */
  readonly created: number;
  /** Already in the store exactly as in the file (an earlier run of the same import, say). */
  readonly alreadyThere: number;
  /** In the store with other content: left as it is, and listed in `different`. */
  readonly different: number;
  /** This kind's documents in the store once the import has run. */
  readonly inStoreAfter: number;
}

export interface ImportReport {
  /** Why nothing was written: the file is not a complete, valid export. Empty when the file was good. */
  readonly problems: readonly string[];
  readonly kinds: readonly KindReport[];
  /** Documents the store already held with other content (first 50). */
  readonly different: ReadonlyArray<{ readonly container: string; readonly pk: string; readonly id: string }>;
  readonly dryRun: boolean;
}

const MAX_PROBLEMS = 20;
const MAX_DIFFERENT_LISTED = 50;
/** Creates in flight at once: quick on Cosmos DB without crowding its request units. */
const WRITE_BATCH = 16;

type Parsed = { kind: 'header' } | { kind: 'document'; line: ExportedDocument } | { kind: 'trailer'; trailer: ExportTrailer };

const describeIssues = (issues: ReadonlyArray<{ path: (string | number)[]; message: string }>): string =>
  issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(line)'}: ${i.message}`).join('; ');

/**
 * Reads an export (export-format.ts) into a store: every line is checked first (the format, each document against
 * its kind's schema, its id and partition against its data, the trailer's counts against the lines), and nothing is
 * written unless the whole file is good. Then each document is created if absent: a document already there, the
 * same, counts as done, so running the same import twice changes nothing; one already there with other content is
 * left alone and reported, never overwritten. Generic over the document layer: kinds are found in
 * domain-store/document-kinds.ts.
 */
export async function importDocuments(database: DocumentDatabase, lines: LineSource, options: { dryRun: boolean }): Promise<ImportReport> {
  const kinds = knownKinds();
  const problems: string[] = [];
  const problem = (lineNumber: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`line ${lineNumber}: ${message}`);
    else if (problems.length === MAX_PROBLEMS) problems.push('... and more problems after these');
  };

  const parseLine = (text: string, lineNumber: number): Parsed | undefined => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problem(lineNumber, 'is not JSON');
      return undefined;
    }
    if (lineNumber === 1) {
      const header = ExportHeader.safeParse(json);
      if (!header.success) problem(1, `is not a Cabinet bot store export header (${describeIssues(header.error.issues)})`);
      return header.success ? { kind: 'header' } : undefined;
    }
    if (typeof json === 'object' && json !== null && 'end' in json) {
      const trailer = ExportTrailer.safeParse(json);
      if (!trailer.success) problem(lineNumber, `is not a valid trailer (${describeIssues(trailer.error.issues)})`);
      return trailer.success ? { kind: 'trailer', trailer: trailer.data } : undefined;
    }
    const line = ExportedDocument.safeParse(json);
    if (!line.success) {
      problem(lineNumber, `is not a stored document (${describeIssues(line.error.issues)})`);
      return undefined;
    }
    const { container, document } = line.data;
    const kind = kinds.get(document.type);
    const where = `${container}/${document.id}`;
    if (kind === undefined) {
      problem(lineNumber, `${where} is of type "${document.type}", which this version of Cabinet bot does not know (exported by a newer one?)`);
      return undefined;
    }
    if (kind.container !== container) {
      problem(lineNumber, `${where}: a ${kind.label} belongs in container "${kind.container}", not "${container}"`);
      return undefined;
    }
    const data = kind.schema.safeParse(document.data);
    if (!data.success) {
      problem(lineNumber, `${where} is not a valid ${kind.label}: ${describeIssues(data.error.issues)}`);
      return undefined;
    }
    const expectedId = `${kind.type}:${kind.keyOf(data.data)}`;
    const expectedPk = kind.partitionKeyOf(data.data);
    if (document.id !== expectedId || document.pk !== expectedPk) {
      problem(lineNumber, `${where}: its data belongs in document "${expectedId}" of partition "${expectedPk}", not "${document.id}" of "${document.pk}"`);
      return undefined;
    }
    return { kind: 'document', line: line.data };
  };

  // First pass: check every line and count the kinds; write nothing.
  const inFile = new Map<string, number>();
  let trailer: ExportTrailer | undefined;
  let lineNumber = 0;
  let afterTrailer = false;
  for await (const text of lines()) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    if (trailer !== undefined) afterTrailer = true;
    const parsed = parseLine(text, lineNumber);
    if (parsed?.kind === 'trailer') trailer = parsed.trailer;
    if (parsed?.kind === 'document') countInto(inFile, kindKey(parsed.line.container, parsed.line.document.type));
  }
  if (lineNumber === 0) problems.push('the file is empty');
  else if (trailer === undefined) problems.push('the file has no trailer line: it is cut off (an export that did not finish?)');
  else {
    if (afterTrailer) problems.push('there are lines after the trailer');
    const counted = countsObject(inFile);
    if (!isDeepStrictEqual(counted, countsObject(new Map(Object.entries(trailer.counts))))) {
      problems.push(`the documents in the file (${JSON.stringify(counted)}) are not the ones its trailer counts (${JSON.stringify(trailer.counts)})`);
    }
  }
  const kindsInFile = [...inFile.keys()].sort();
  if (problems.length > 0) return { problems, kinds: kindsInFile.map((kind) => emptyReport(kind, inFile.get(kind) ?? 0)), different: [], dryRun: options.dryRun };
  if (options.dryRun) return { problems, kinds: kindsInFile.map((kind) => emptyReport(kind, inFile.get(kind) ?? 0)), different: [], dryRun: true };

  // Second pass: create each document unless it is there; compare what is there.
  const created = new Map<string, number>();
  const alreadyThere = new Map<string, number>();
  const differentCount = new Map<string, number>();
  const different: Array<{ container: string; pk: string; id: string }> = [];
  const place = async ({ container, document }: ExportedDocument): Promise<void> => {
    const key = kindKey(container, document.type);
    const outcome = await database.collection(container).create(document as DocumentEnvelope);
    if (outcome.created) countInto(created, key);
    else if (isDeepStrictEqual(outcome.existing.body, document)) countInto(alreadyThere, key);
    else {
      countInto(differentCount, key);
      if (different.length < MAX_DIFFERENT_LISTED) different.push({ container, pk: document.pk, id: document.id });
    }
  };
  let batch: ExportedDocument[] = [];
  lineNumber = 0;
  for await (const text of lines()) {
    lineNumber += 1;
    if (text.trim() === '' || lineNumber === 1) continue;
    const json = JSON.parse(text) as { end?: unknown };
    if (json.end === true) continue;
    batch.push(ExportedDocument.parse(json));
    if (batch.length >= WRITE_BATCH) {
      await Promise.all(batch.map(place));
      batch = [];
    }
  }
  await Promise.all(batch.map(place));

  const inStoreAfter = await countStore(database);
  return {
    problems,
    kinds: kindsInFile.map((kind) => ({
      kind,
      inFile: inFile.get(kind) ?? 0,
      created: created.get(kind) ?? 0,
      alreadyThere: alreadyThere.get(kind) ?? 0,
      different: differentCount.get(kind) ?? 0,
      inStoreAfter: inStoreAfter.get(kind) ?? 0,
    })),
    different,
    dryRun: false,
  };
}

const emptyReport = (kind: string, inFile: number): KindReport => ({ kind, inFile, created: 0, alreadyThere: 0, different: 0, inStoreAfter: 0 });

/** Documents per kind in the whole store, counted by scanning it. */
export async function countStore(database: DocumentDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const { container, stored } of everyDocument(database, 500)) countInto(counts, kindKey(container, String(stored.body['type'])));
  return counts;
}
