import { DomainError } from '../domain';
import type { PageReader } from '../services/page-reader';
import type { ModernGovSite } from '../services/sync/moderngov-site';
import { syncMeeting } from '../services/sync/sync-meeting';
import type { Store } from '../store/port';

export interface ImportFolderDeps {
  readonly store: Store;
  readonly pages: PageReader;
  readonly now: () => Date;
  readonly out: (line: string) => void;
  /** Opens the saved folder as a site (src/moderngov/folder-moderngov-site.ts). */
  readonly openFolder: (folder: string, baseUrl: string) => Promise<{ site: ModernGovSite; meetingXml: string }>;
}

/**
 * `cabinet-bot import <folder> --committee <id> [--site <url>] [--dry-run]`: a saved GetMeeting answer and the decision
 * pages saved beside it, imported in one command with the same result as a sync of that meeting (the same use case,
 * the same addresses). Exit codes: 0 imported, 1 something could not be imported (listed), 2 used wrongly.
 */
export async function runImportFolder(
  args: { readonly folder: string; readonly committeeId?: string; readonly baseUrl?: string; readonly dryRun: boolean }, deps: ImportFolderDeps,
): Promise<number> {
  const { out } = deps;
  if (!args.committeeId) {
    out('A GetMeeting answer names no committee: give it with --committee <id> (the committee whose meetings list it).');
    return 2;
  }
  if (!args.baseUrl) {
    out('Give the council\'s ModernGov site (--site https://democracy.example.gov.uk, or MODERNGOV_BASE_URL) so the records carry its addresses, as a sync would.');
    return 2;
  }
  const committee = (await deps.store.committees.get(args.committeeId))?.value;
  if (!committee) {
    out(`No committee ${args.committeeId}: create it first.`);
    return 2;
  }
  let opened: Awaited<ReturnType<ImportFolderDeps['openFolder']>>;
  try {
    opened = await deps.openFolder(args.folder, args.baseUrl);
  } catch (err) {
    out(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const read = await deps.pages.read({ kind: 'meeting-xml', text: opened.meetingXml });
  if (!read.ok) {
    out(`The GetMeeting answer cannot be read: ${read.error.where}: ${read.error.message}`);
    return 1;
  }
  try {
    const outcome = await syncMeeting(committee, read.value.modernGovId, { dryRun: args.dryRun, now: deps.now() }, { store: deps.store, pages: deps.pages, site: opened.site });
    out(`Meeting ${read.value.modernGovId} of ${committee.name}${args.dryRun ? ' [dry run: nothing written]' : ''}: ${outcome.result}.`);
    for (const f of outcome.failures) out(`  not imported: ${f.where}: ${f.why}`);
    return outcome.result === 'failed' || outcome.failures.length > 0 ? 1 : 0;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out(err.message);
    return 1;
  }
}
