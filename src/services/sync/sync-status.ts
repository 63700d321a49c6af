import type { CommitteeSyncRun } from '../../domain';
import type { Store } from '../../store/port';

export interface SyncStatus {
  /** The site followed; null when MODERNGOV_BASE_URL is empty and nothing is fetched. */
  readonly site: string | null;
  /** Committees with their ModernGov id set: the ones synced. */
  readonly following: ReadonlyArray<{ readonly committeeId: string; readonly name: string; readonly modernGovCommitteeId: string }>;
  /** Each committee's last run, newest first. */
  readonly runs: CommitteeSyncRun[];
}

/** What GET /api/v1/sync answers: which site and committees are followed, and how each committee's last sync went. */
export async function syncStatus(store: Store, site: string | undefined): Promise<SyncStatus> {
  const committees = await store.committees.list();
  const runs = await store.sync.listRuns();
  return {
    site: site ?? null,
    following: committees.flatMap((c) => (c.externalId ? [{ committeeId: c.id, name: c.name, modernGovCommitteeId: c.externalId }] : [])),
    runs: [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.committeeId.localeCompare(b.committeeId)),
  };
}
