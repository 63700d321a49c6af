import type { CommitteeSyncRun, SyncedMeeting } from '../../domain';
import type { SyncStore } from '../port';
import { SYNC_PARTITION } from './document-kinds';
import type { TypedDocuments } from './typed-documents';

export const syncStore = (meetings: TypedDocuments<SyncedMeeting>, runs: TypedDocuments<CommitteeSyncRun>): SyncStore => ({
  getMeeting: async (committeeId, modernGovMeetingId) => (await meetings.get(SYNC_PARTITION, `${committeeId}:${modernGovMeetingId}`))?.value,
  putMeeting: async (meeting) => {
    await meetings.upsert(meeting);
  },
  putRun: async (run) => {
    await runs.upsert(run);
  },
  // One run per followed committee: a handful of documents in one partition.
  listRuns: () => runs.values({ partitionKey: SYNC_PARTITION, where: [], limit: 1000 }),
});
