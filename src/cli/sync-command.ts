import { cliAuditContext } from './operator';
import { DomainError } from '../domain';
import { upsertCommittee } from '../services/committees/upsert-committee';
import type { PageReader } from '../services/page-reader';
import type { ModernGovSite } from '../services/sync/moderngov-site';
import { committeeIdFromTitle, committeeKindFromTitle, listSiteCommittees } from '../services/sync/site-committees';
import { syncModernGov, type SyncProgress } from '../services/sync/sync-moderngov';
import type { Store } from '../store/port';

export interface SyncCommandDeps {
  readonly store: Store;
  readonly pages: PageReader;
  /** Undefined when MODERNGOV_BASE_URL is empty. */
  readonly site: ModernGovSite | undefined;
  readonly now: () => Date;
  readonly out: (line: string) => void;
  /** The council's call-in period, for committees created here. */
  readonly defaultCallInWorkingDays: number;
}

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const NO_SITE = 'MODERNGOV_BASE_URL is empty: set it to the council\'s ModernGov site (https://democracy.example.gov.uk) to sync.';

/**
 * `cabinet-bot sync --once [--dry-run] [--json]`: one sync now, with a line per meeting as it goes. Exit codes: 0 every
 * meeting synced, 1 some could not be (listed, with why) or another instance is syncing, 2 no site configured.
 */
export async function runSyncOnce(args: { readonly dryRun: boolean; readonly json: boolean }, deps: SyncCommandDeps): Promise<number> {
  const { out } = deps;
  if (!deps.site) {
    out(NO_SITE);
    return EXIT_USAGE;
  }
  const progress = (p: SyncProgress): void => {
    if (!args.json) out(`  ${p.committeeId}: meeting ${p.modernGovMeetingId ?? '?'} ${p.result ?? ''} (${p.meetingsDone}/${p.meetingsSeen})`);
  };
  const result = await syncModernGov(
    { dryRun: args.dryRun, holder: 'cli' },
    { store: deps.store, pages: deps.pages, site: deps.site, now: deps.now, onProgress: progress },
  );
  if (!result.ran) {
    out(args.json ? JSON.stringify({ ran: false, heldBy: result.heldBy, until: result.until }) : `Another instance (${result.heldBy}) is syncing until ${result.until} at the latest: nothing was done.`);
    return EXIT_FAILED;
  }
  if (args.json) {
    out(JSON.stringify(result));
  } else {
    if (result.runs.length === 0) out('No committee follows the site: set a committee\'s ModernGov id (cabinet-bot sync committees --follow <id>=<committee>).');
    for (const run of result.runs) {
      out(`${run.committeeId} (ModernGov ${run.modernGovCommitteeId})${args.dryRun ? ' [dry run: nothing written]' : ''}: ${run.meetingsSeen} meeting(s) seen, ${run.imported} imported, ${run.unchanged} unchanged, ${run.failed.length} failed`);
      for (const f of run.failed) out(`  failed: ${f.where}: ${f.why}`);
    }
  }
  return result.runs.some((r) => r.failed.length > 0) ? EXIT_FAILED : 0;
}

/**
 * `cabinet-bot sync committees [--create <ModernGov id>...] [--follow <ModernGov id>=<committee id>...] [--json]`: lists
 * what the site offers (expired committees marked, and which committee here follows each), and creates committees
 * that follow it or makes existing ones follow it.
 */
export async function runSyncCommittees(
  args: { readonly create: readonly string[]; readonly follow: readonly string[]; readonly json: boolean }, deps: SyncCommandDeps,
): Promise<number> {
  const { out, site, store } = deps;
  if (!site) {
    out(NO_SITE);
    return EXIT_USAGE;
  }
  try {
    let offered = await listSiteCommittees({ store, pages: deps.pages, site });
    for (const id of args.create) {
      const found = offered.find((c) => c.modernGovId === id);
      if (!found) throw new DomainError('invalid', `The site offers no committee ${id}.`);
      if (found.followedAs) continue;
      const ourId = committeeIdFromTitle(found.title);
      const existing = await store.committees.get(ourId);
      if (existing) throw new DomainError('invalid', `A committee ${ourId} exists already: follow the site with --follow ${id}=${ourId}.`);
      await upsertCommittee({ committee: { id: ourId, name: found.title, kind: committeeKindFromTitle(found.title), externalId: id }, defaultCallInWorkingDays: deps.defaultCallInWorkingDays }, store, cliAuditContext());
    }
    for (const pair of args.follow) {
      const [modernGovId, committeeId] = pair.split('=');
      if (!modernGovId || !committeeId) throw new DomainError('invalid', `--follow takes <ModernGov id>=<committee id>, not "${pair}".`);
      if (!offered.some((c) => c.modernGovId === modernGovId)) throw new DomainError('invalid', `The site offers no committee ${modernGovId}.`);
      const existing = await store.committees.get(committeeId);
      if (!existing) throw new DomainError('invalid', `No committee ${committeeId}: create it first, or use --create ${modernGovId}.`);
      await upsertCommittee({ committee: { ...existing.value, externalId: modernGovId }, ifMatch: existing.etag, defaultCallInWorkingDays: deps.defaultCallInWorkingDays }, store, cliAuditContext());
    }
    if (args.create.length > 0 || args.follow.length > 0) offered = await listSiteCommittees({ store, pages: deps.pages, site });
    if (args.json) out(JSON.stringify({ site: site.baseUrl, committees: offered }));
    else {
      out(`${site.baseUrl} offers ${offered.length} committee(s):`);
      for (const c of offered) {
        out(`  ${c.modernGovId.padStart(6)}  ${c.title}${c.expired ? ' (expired)' : ''}${c.deleted ? ' (deleted)' : ''}${c.followedAs ? `  -> followed as ${c.followedAs}` : ''}`);
      }
    }
    return 0;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out(args.json ? JSON.stringify({ error: { code: err.code, message: err.message } }) : err.message);
    return EXIT_FAILED;
  }
}
