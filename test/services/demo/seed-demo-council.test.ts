import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_IDS } from '../../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import { createEmbeddedStore } from '../../../src/store/embedded';

describe('the demo council', () => {
  it('loads once, and a later load only moves the demo meetings so one is always coming up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-seed-'));
    const store = createEmbeddedStore({ dataDir: dir });
    try {
      const lastMonth = new Date('2026-10-26T09:00:00Z');
      expect(await seedDemoCouncil(store, lastMonth)).toEqual({ created: 17, alreadyThere: 0, meetingsMoved: 0 });
      expect(await seedDemoCouncil(store, lastMonth)).toEqual({ created: 0, alreadyThere: 17, meetingsMoved: 0 });

      const today = new Date('2026-11-26T09:00:00Z');
      expect(await seedDemoCouncil(store, today)).toEqual({ created: 0, alreadyThere: 17, meetingsMoved: 3 });
      const upcoming = await store.meetings.listUpcoming(DEMO_IDS.cabinet, today, 5);
      expect(upcoming.map((m) => [m.id, m.startsAt])).toEqual([[DEMO_IDS.nextCabinet, '2026-12-03T18:30:00.000Z']]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
