import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { DocumentDatabase } from '../store/documents/document-collection';
import { exportDocuments, type ExportSummary } from '../store/transfer/export-documents';
import { importDocuments, type ImportReport } from '../store/transfer/import-documents';

interface StoreCommandDeps {
  readonly database: DocumentDatabase;
  /** "embedded" or "cosmos": where the configuration points. */
  readonly storeKind: string;
  readonly out: (line: string) => void;
  readonly now: () => Date;
}

/**
 * `cabinet-bot store export <file>`: every document of the configured store, as JSON lines. Written to <file>.partial
 * and renamed when complete, so a file under the given name is always a whole export. Exit codes: 0 written; 2 the
 * file exists already (never overwritten).
 */
export async function runStoreExport(args: { file: string; json: boolean }, deps: StoreCommandDeps): Promise<number> {
  if (existsSync(args.file)) {
    deps.out(`${args.file} exists already; export to a new file (an export is never written over another).`);
    return 2;
  }
  const partial = `${args.file}.partial`;
  const stream = createWriteStream(partial, { flags: 'wx', encoding: 'utf8' });
  let failure: Error | undefined;
  stream.on('error', (err) => (failure = err));
  const write = (line: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (stream.write(`${line}\n`)) resolve();
      else stream.once('drain', () => (failure ? reject(failure) : resolve()));
    });
  let summary: ExportSummary;
  try {
    summary = await exportDocuments(deps.database, write, { from: deps.storeKind, now: deps.now() });
    stream.end();
    await finished(stream);
  } catch (err) {
    stream.destroy();
    await rm(partial, { force: true });
    throw err;
  }
  await rename(partial, args.file);
  if (args.json) deps.out(JSON.stringify({ file: args.file, from: deps.storeKind, ...summary }, null, 2));
  else {
    deps.out(`Exported ${summary.documents} documents from the ${deps.storeKind} store to ${args.file}:`);
    for (const [kind, count] of Object.entries(summary.counts)) deps.out(`  ${kind.padEnd(28)} ${String(count).padStart(7)}`);
  }
  return 0;
}

/**
 * `cabinet-bot store import <file>`: the export into the configured store. Exit codes: 0 every document is in the
 * store as in the file; 1 the file has problems (nothing written) or some documents were already there with other
 * content (left as they were, listed); 2 no file to read.
 */
export async function runStoreImport(args: { file: string; dryRun: boolean; json: boolean }, deps: StoreCommandDeps): Promise<number> {
  if (!existsSync(args.file)) {
    deps.out(`Cannot read ${args.file}: no such file`);
    return 2;
  }
  const lines = () => createInterface({ input: createReadStream(args.file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const report = await importDocuments(deps.database, lines, { dryRun: args.dryRun });
  if (args.json) deps.out(JSON.stringify({ file: args.file, into: deps.storeKind, ...report }, null, 2));
  else printImport(report, args.file, deps);
  return report.problems.length > 0 || report.different.length > 0 ? 1 : 0;
}

function printImport(report: ImportReport, file: string, deps: StoreCommandDeps): void {
  const { out } = deps;
  if (report.problems.length > 0) {
    out(`${file} is not a complete, valid export; nothing was written:`);
    for (const problem of report.problems) out(`  ${problem}`);
    return;
  }
  const total = report.kinds.reduce((n, k) => n + k.inFile, 0);
  if (report.dryRun) {
    out(`Dry run: ${file} is a valid export of ${total} documents; nothing was written.`);
    for (const k of report.kinds) out(`  ${k.kind.padEnd(28)} ${String(k.inFile).padStart(7)}`);
    return;
  }
  out(`Imported ${file} into the ${deps.storeKind} store:`);
  out(`  ${'kind'.padEnd(28)} ${'in file'.padStart(8)} ${'created'.padStart(8)} ${'already there'.padStart(14)} ${'different'.padStart(10)} ${'in store now'.padStart(13)}`);
  for (const k of report.kinds) {
    out(`  ${k.kind.padEnd(28)} ${String(k.inFile).padStart(8)} ${String(k.created).padStart(8)} ${String(k.alreadyThere).padStart(14)} ${String(k.different).padStart(10)} ${String(k.inStoreAfter).padStart(13)}`);
  }
  if (report.different.length === 0) {
    out(`All ${total} documents of the file are in the store, as in the file.`);
    return;
  }
  out(`Some documents were already in the store with other content and were left as they were (first ${report.different.length}):`);
  for (const d of report.different) out(`  ${d.container}/${d.id} (partition ${d.pk})`);
}
