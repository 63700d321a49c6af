import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Committee } from '../../../src/domain';
import { createEmbeddedStore } from '../../../src/store/embedded';
import type { Store } from '../../../src/store/port';

/** The committees the roster tests sit members on. */
export const TEST_COMMITTEES: Committee[] = [
  { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 },
  { id: 'full-council', name: 'Full Council', kind: 'council', callInWorkingDays: 0 },
  { id: 'scrutiny', name: 'Scrutiny Committee', kind: 'scrutiny', callInWorkingDays: 0 },
];

export interface RosterTestStore {
  readonly store: Store;
  close(): Promise<void>;
}

/** A real embedded store in a fresh folder, with the test committees created. */
export async function openRosterTestStore(): Promise<RosterTestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-roster-'));
  const store = createEmbeddedStore({ dataDir });
  for (const committee of TEST_COMMITTEES) await store.committees.create(committee);
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
