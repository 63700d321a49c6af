import { cliAuditContext } from './operator';
import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain';
import { importRosterCsv, type RosterImportReport } from '../services/roster/import-roster-csv';
import { describeProblem } from '../services/roster/roster-problem';
import { decodeRosterFile } from '../services/roster/roster-text';
import type { Store } from '../store/port';

/** Exit codes: 0 imported (or would be, on a dry run); 1 the file has problems and nothing was written; 2 no file to read. */
export async function runRosterImport(
  args: { file: string; dryRun: boolean; json: boolean },
  deps: { store: Store; out: (line: string) => void },
): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (err) {
    deps.out(`Cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    return 2;
  }
  let report: RosterImportReport;
  try {
    report = await importRosterCsv(decodeRosterFile(bytes), deps.store, { dryRun: args.dryRun, by: cliAuditContext() });
  } catch (err) {
    // A file that is not UTF-8 is the officer's to fix, like any other problem in it; storage failures are not.
    if (!(err instanceof DomainError && err.code === 'invalid')) throw err;
    report = { ok: false, dryRun: args.dryRun, rows: 0, problems: [{ message: err.message }] };
  }
  if (args.json) deps.out(JSON.stringify(report, null, 2));
  else printReport(report, args.file, deps.out);
  return report.ok ? 0 : 1;
}

function printReport(report: RosterImportReport, file: string, out: (line: string) => void): void {
  if (!report.ok) {
    out(`${file} has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; nothing was written:`);
    for (const problem of report.problems) out(`  ${describeProblem(problem)}`);
    return;
  }
  out(report.dryRun ? `Dry run of ${file}: nothing was written. The import would give:` : `Imported ${file}:`);
  out(`  ${report.rows} member${report.rows === 1 ? '' : 's'} in the file: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);
  for (const m of report.members) if (m.outcome !== 'unchanged') out(`  line ${m.line}: ${m.id} ${report.dryRun ? `would be ${m.outcome}` : m.outcome}`);
}
