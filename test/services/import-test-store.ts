import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Committee, Meeting } from '../../src/domain';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';

export const CABINET: Committee = { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5, externalId: '133' };
export const COUNCIL: Committee = { id: 'council', name: 'Council', kind: 'council', callInWorkingDays: 0 };
export const POLICY: Committee = { id: 'policy', name: 'Policy Committee', kind: 'other', callInWorkingDays: 5 };
export const CABINET_MEETING: Meeting = { id: 'cab-2021-06-16', committeeId: 'cabinet', startsAt: '2021-06-16T17:30:00.000Z', status: 'held' };
export const COUNCIL_MEETING: Meeting = { id: 'council-2021-07-08', committeeId: 'council', startsAt: '2021-07-08T17:00:00.000Z', status: 'held' };

/** The real embedded store in a directory of its own, removed afterwards. */
export async function openTestStore(committees: readonly Committee[] = [CABINET], meetings: readonly Meeting[] = []): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabinet-import-'));
  const store = createEmbeddedStore({ dataDir });
  for (const c of committees) await store.committees.create(c);
  for (const m of meetings) await store.meetings.create(m);
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything stored of the kinds an import writes, to show that nothing was (or nothing more was). */
export async function storedCounts(store: Store): Promise<{ agendaItems: number; decisions: number; meetings: number }> {
  const committees = await store.committees.list();
  let meetings = 0;
  for (const c of committees) meetings += (await store.meetings.listByCommittee(c.id)).length;
  return {
    agendaItems: (await store.agendaItems.listAll(undefined, 1000)).items.length,
    decisions: (await store.decisions.listAll(undefined, 1000)).items.length,
    meetings,
  };
}
