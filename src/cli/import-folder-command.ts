import { DomainError } from '../domain';
import type { PageReader } from '../services/page-reader';
import type { ModernGovSite } from '../services/sync/moderngov-site';
import { importPage } from '../services/import-page';
import { SYNC_IMPORTER, syncMeeting } from '../services/sync/sync-meeting';
import { agendaItemExternalId } from '../import/source-keys';

const AGENDA_ITEM_PREFIX = agendaItemExternalId('');
import type { Store } from '../store/port';

export interface ImportFolderDeps {
  readonly store: Store;
  readonly pages: PageReader;
  readonly now: () => Date;
  readonly out: (line: string) => void;
  /** Opens the saved folder as a site (src/moderngov/folder-moderngov-site.ts). */
  readonly openFolder: (folder: string, baseUrl: string) => Promise<{
    site: ModernGovSite;
    meetingXml: string;
    /** Decision pages saved from their own address (ieDecisionDetails.aspx?ID=), with that address. */
    decisionPagesById?: ReadonlyArray<{ readonly url: string; readonly text: string }>;
  }>;
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
    // Decision pages saved by their own ID, after the meeting, so the import can find the item each is about; an
    // item's page missing by AIId is no failure when one of these is its decision.
    const covered = new Set<string>();
    let pageFailed = false;
    for (const page of opened.decisionPagesById ?? []) {
      try {
        const imported = await importPage({
          body: page.text, contentType: 'text/html', committeeId: committee.id, sourceUrl: page.url, dryRun: args.dryRun, importedBy: SYNC_IMPORTER, importedVia: 'cli', now: deps.now(),
        }, { store: deps.store, pages: deps.pages });
        const itemId = imported.decision?.agendaItemId;
        const item = itemId ? (await deps.store.agendaItems.get(committee.id, itemId))?.value : undefined;
        const modernGovItemId = item?.source?.externalId?.startsWith(AGENDA_ITEM_PREFIX) ? item.source.externalId.slice(AGENDA_ITEM_PREFIX.length) : undefined;
        if (modernGovItemId) covered.add(`${opened.site.baseUrl}/ieDecisionDetails.aspx?AIId=${modernGovItemId}`);
        const action = imported.writes.find((w) => w.record === 'decision')?.action ?? 'unchanged';
        out(`Decision page ${page.url}: ${action}${item ? `, the decision on "${item.title}"` : ', tied to no agenda item of this meeting (its meeting and title match none)'}.`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        pageFailed = true;
        out(`  not imported: ${page.url}: ${err.message}`);
      }
    }
    const failures = outcome.failures.filter((f) => !covered.has(f.where));
    for (const f of failures) out(`  not imported: ${f.where}: ${f.why}`);
    return outcome.result === 'failed' || failures.length > 0 || pageFailed ? 1 : 0;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out(err.message);
    return 1;
  }
}
