import type { CommitteeSyncRun, SyncedMeeting } from '../../src/domain';
import type { CurrentStore } from './store.contract';

const seen: SyncedMeeting = {
  committeeId: 'audit', modernGovMeetingId: '4967', meetingId: 'mtg-4967', contentHash: 'a'.repeat(64), agendaPublished: false,
  decisionPagesImported: [], syncedAt: '2026-02-01T09:00:00.000Z',
};
const run = (committeeId: string, over: Partial<CommitteeSyncRun> = {}): CommitteeSyncRun => ({
  committeeId, modernGovCommitteeId: '144', startedAt: '2026-02-01T09:00:00.000Z', finishedAt: '2026-02-01T09:00:05.000Z', dryRun: false,
  meetingsSeen: 2, imported: 1, unchanged: 0,
  membershipProposals: [{ memberId: 'cllr-curley', name: 'Councillor Basil Curley', modernGovMemberId: '192', role: 'Committee Member', modernGovMeetingId: '4967' }],
  failed: [{ modernGovMeetingId: '4966', where: 'https://democracy.example.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4966', why: 'HTTP 500' }],
  ...over,
});

export const describeSyncRecords = (current: CurrentStore): void => {
  describe('ModernGov sync records', () => {
    it('keeps what the sync saw of a meeting, replaced whole on each write', async () => {
      const { store } = current();
      expect(await store.sync.getMeeting('audit', '4967')).toBeUndefined();
      await store.sync.putMeeting(seen);
      expect(await store.sync.getMeeting('audit', '4967')).toEqual(seen);
      const later = { ...seen, contentHash: 'b'.repeat(64), agendaPublished: true, decisionPagesImported: ['18831'], syncedAt: '2026-02-02T09:00:00.000Z' };
      await store.sync.putMeeting(later);
      expect(await store.sync.getMeeting('audit', '4967')).toEqual(later);
      expect(await store.sync.getMeeting('cabinet', '4967')).toBeUndefined();
    });

    it("keeps each committee's last run only, and lists them", async () => {
      const { store } = current();
      expect(await store.sync.listRuns()).toEqual([]);
      await store.sync.putRun(run('audit'));
      await store.sync.putRun(run('cabinet', { modernGovCommitteeId: '133', failed: [] }));
      await store.sync.putRun(run('audit', { imported: 0, unchanged: 2, failed: [] }));
      const runs = await store.sync.listRuns();
      expect([...runs].sort((a, b) => a.committeeId.localeCompare(b.committeeId))).toEqual([
        run('audit', { imported: 0, unchanged: 2, failed: [] }),
        run('cabinet', { modernGovCommitteeId: '133', failed: [] }),
      ]);
    });
  });
};
