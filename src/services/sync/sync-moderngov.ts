import { londonDateOf, type Committee, type CommitteeSyncRun, type MembershipProposal, type SyncFailure } from '../../domain';
import type { NotificationDeps } from '../notifications/notification-deps';
import type { PageReader } from '../page-reader';
import type { Store } from '../../store/port';
import type { ModernGovSite } from './moderngov-site';
import { syncMeeting } from './sync-meeting';

/** The one lease all instances (and the command line) take before syncing: one sync at a time per store. */
export const SYNC_LEASE = 'moderngov-sync';

const DAY_MS = 86_400_000;

export interface SyncModernGovDeps {
  readonly store: Store;
  readonly pages: PageReader;
  readonly site: ModernGovSite;
  readonly now: () => Date;
  readonly notifications?: Omit<NotificationDeps, 'store' | 'now'>;
  /** Told of each meeting as it is done (the command line's progress). */
  readonly onProgress?: (event: SyncProgress) => void;
}

export interface SyncProgress {
  readonly committeeId: string;
  readonly meetingsDone: number;
  readonly meetingsSeen: number;
  readonly modernGovMeetingId?: string;
  readonly result?: 'imported' | 'unchanged' | 'failed';
}

export interface SyncModernGovOptions {
  readonly dryRun: boolean;
  /** Who is syncing (an instance id, "cli"), named in the lease. */
  readonly holder: string;
  /** Days before today and after it whose meetings are synced (default 60 and 120). */
  readonly daysBack?: number;
  readonly daysAhead?: number;
  /** How long the lease lasts unrenewed; renewed after each meeting. Default 10 minutes. */
  readonly leaseTtlMs?: number;
  /** Aborted when the process stops: the run ends after the meeting in hand (the next run picks up the rest). */
  readonly signal?: AbortSignal;
}

export type SyncModernGovResult =
  | { readonly ran: true; readonly runs: CommitteeSyncRun[] }
  /** Another instance is syncing: this one did nothing. */
  | { readonly ran: false; readonly heldBy: string; readonly until: string };

const clip = (failures: SyncFailure[]): SyncFailure[] => failures.slice(0, 200);

/**
 * Follows the council's ModernGov site: for each committee with its ModernGov id set (Committee.externalId), lists its
 * meetings in the window (GetMeetings) and syncs each (syncMeeting). One sync at a time across instances, under the
 * sync lease. Each committee's run (meetings seen, imported, unchanged, failed with why) is recorded for
 * GET /api/v1/sync, except on a dry run, which writes nothing at all.
 */
export async function syncModernGov(options: SyncModernGovOptions, deps: SyncModernGovDeps): Promise<SyncModernGovResult> {
  const { store } = deps;
  const ttl = options.leaseTtlMs ?? 10 * 60_000;
  const attempt = await store.leases.acquire(SYNC_LEASE, options.holder, deps.now(), ttl);
  if (!attempt.acquired) return { ran: false, heldBy: attempt.current.holder, until: attempt.current.expiresAt };
  let lease = attempt.lease;
  const keepLease = async (): Promise<void> => {
    const renewed = await store.leases.renew(lease, deps.now(), ttl);
    if (!renewed) throw new Error('The sync lease was lost (another instance took it): this sync stopped.');
    lease = renewed;
  };
  try {
    const followed = (await store.committees.list()).filter((c): c is Committee & { externalId: string } => c.externalId !== undefined);
    const runs: CommitteeSyncRun[] = [];
    for (const committee of followed) {
      if (options.signal?.aborted) break;
      runs.push(await syncCommittee(committee, options, deps, keepLease));
    }
    return { ran: true, runs };
  } finally {
    await store.leases.release(lease, deps.now());
  }
}

async function syncCommittee(
  committee: Committee & { externalId: string }, options: SyncModernGovOptions, deps: SyncModernGovDeps, keepLease: () => Promise<void>,
): Promise<CommitteeSyncRun> {
  const startedAt = deps.now();
  const today = Date.parse(`${londonDateOf(startedAt.toISOString())}T12:00:00Z`);
  const from = new Date(today - (options.daysBack ?? 60) * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(today + (options.daysAhead ?? 120) * DAY_MS).toISOString().slice(0, 10);
  const run = { meetingsSeen: 0, imported: 0, unchanged: 0, failed: [] as SyncFailure[], membershipProposals: [] as MembershipProposal[] };
  const finish = async (): Promise<CommitteeSyncRun> => {
    const record: CommitteeSyncRun = {
      committeeId: committee.id, modernGovCommitteeId: committee.externalId, startedAt: startedAt.toISOString(),
      finishedAt: deps.now().toISOString(), dryRun: options.dryRun, ...run, failed: clip(run.failed),
      membershipProposals: run.membershipProposals.slice(0, 200),
    };
    if (!options.dryRun) await deps.store.sync.putRun(record);
    return record;
  };

  const listed = await deps.site.meetings(committee.externalId, from, to);
  if (!listed.ok) {
    run.failed.push({ where: listed.url, why: listed.why });
    return finish();
  }
  const read = await deps.pages.read({ kind: 'meetings-xml', text: listed.text });
  if (!read.ok) {
    run.failed.push({ where: `${listed.url} (${read.error.where})`.slice(0, 1000), why: read.error.message });
    return finish();
  }
  // GetMeetings lists the committee asked for; a meeting of another committee is not placed under this one.
  const meetings = read.value.filter((m) => m.modernGovCommitteeId === committee.externalId);
  run.meetingsSeen = meetings.length;
  for (const [index, listedMeeting] of meetings.entries()) {
    if (options.signal?.aborted) break;
    const outcome = await syncMeeting(committee, listedMeeting.modernGovId, { dryRun: options.dryRun, now: deps.now() }, deps);
    run.failed.push(...outcome.failures);
    if (outcome.result === 'imported') run.imported += 1;
    if (outcome.result === 'unchanged') run.unchanged += 1;
    if (outcome.result !== 'failed') {
      // One proposal per member, from the first meeting that lists them.
      for (const p of outcome.membershipProposals) if (!run.membershipProposals.some((q) => q.memberId === p.memberId)) run.membershipProposals.push(p);
    }
    deps.onProgress?.({ committeeId: committee.id, meetingsDone: index + 1, meetingsSeen: meetings.length, modernGovMeetingId: listedMeeting.modernGovId, result: outcome.result });
    await keepLease();
  }
  return finish();
}
