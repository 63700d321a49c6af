import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeOutcomeStatus, isCallInOpen } from '../../../src/domain';
import { DEMO_IDS, demoCouncil, financialYear, strategyYears } from '../../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../../src/services/demo/seed-demo-council';
import { createEmbeddedStore } from '../../../src/store/embedded';

describe('the demo council', () => {
  it('loads once; a later load moves only the invented meetings and decisions, so they stay current; the real item stays at its 2021 Cabinet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-seed-'));
    const store = createEmbeddedStore({ dataDir: dir });
    try {
      const lastMonth = new Date('2026-10-26T09:00:00Z');
      expect(await seedDemoCouncil(store, lastMonth)).toEqual({ created: 20, alreadyThere: 0, meetingsMoved: 0, decisionsMoved: 0 });
      expect(await seedDemoCouncil(store, lastMonth)).toEqual({ created: 0, alreadyThere: 20, meetingsMoved: 0, decisionsMoved: 0 });

      const today = new Date('2026-11-26T09:00:00Z'); // a Thursday
      expect(await seedDemoCouncil(store, today)).toEqual({ created: 0, alreadyThere: 20, meetingsMoved: 3, decisionsMoved: 1 });
      const upcoming = await store.meetings.listUpcoming(DEMO_IDS.cabinet, today, 5);
      expect(upcoming.map((m) => [m.id, m.startsAt])).toEqual([[DEMO_IDS.nextCabinet, '2026-12-03T18:30:00.000Z']]);
      expect((await store.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.recentCabinet))?.value.startsAt).toBe('2026-11-24T18:30:00.000Z');
      const current = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.strategyDecision))!.value;
      expect(current).toMatchObject({ decidedOn: '2026-11-24', publishedOn: '2026-11-25', title: 'Community Safety Strategy 2027-30' });
      expect(isCallInOpen(current.publishedOn!, 5, '2026-11-26')).toBe(true);

      const real = await store.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.pastCabinet);
      expect(real?.value).toMatchObject({ startsAt: '2021-06-15T17:30:00.000Z', status: 'held' });
      const decision = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value;
      expect(decision).toMatchObject({ decidedOn: '2021-06-15', publishedOn: '2021-06-16' });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the real item as published, its recommendation decided by Full Council in 2021, not awaiting it years later', () => {
    const demo = demoCouncil(new Date('2026-12-01T08:00:00Z'));
    const real = demo.decisions.find((d) => d.id === DEMO_IDS.cspDecision)!;
    expect(real.outcomes[1]).toMatchObject({ text: 'that the proposed Community Safety Strategy 2021-24 be approved', status: 'approved-by-council' });
    const described = describeOutcomeStatus(real.outcomes[1]!, real, { today: '2026-12-01', callInWorkingDays: 5 });
    expect(described).toMatchObject({ label: 'Approved by Full Council', since: '2021-07-21T18:00:00.000Z' });
    expect(demo.decisions.flatMap((d) => d.outcomes).filter((o) => o.status === 'awaiting-council').map((o) => o.text)).toEqual([
      'that the proposed Community Safety Strategy 2027-30 be approved',
    ]);
  });

  it('dates every invented strategy and programme from today: none has ended before it is adopted', () => {
    expect(strategyYears(new Date('2026-12-01T00:00:00Z'))).toBe('2027-30');
    expect(strategyYears(new Date('2027-02-10T00:00:00Z'))).toBe('2027-30');
    expect(strategyYears(new Date('2027-05-10T00:00:00Z'))).toBe('2028-31');
    expect(strategyYears(new Date('2097-05-10T00:00:00Z'))).toBe('2098-01');
    expect(financialYear(new Date('2026-12-01T00:00:00Z'))).toBe('2026/27');
    expect(financialYear(new Date('2027-02-10T00:00:00Z'))).toBe('2026/27');
    // What invented business proposes (titles, recommendations, decisions) names periods still to come; only the
    // text saying what it follows may name the real 2021-24 strategy.
    const demo = demoCouncil(new Date('2026-12-01T08:00:00Z'));
    const proposed = [
      ...demo.agendaItems.filter((i) => i.id !== DEMO_IDS.cspItem).flatMap((i) => [i.title, ...i.recommendations]),
      ...demo.decisions.filter((d) => d.id !== DEMO_IDS.cspDecision).flatMap((d) => [d.title, ...d.outcomes.map((o) => o.text)]),
    ].join(' ');
    expect(proposed).toContain('Community Safety Strategy 2027-30');
    const periodsEnding = [...proposed.matchAll(/\b(20\d\d)[-/](\d\d)\b/g)].map((m) => 2000 + Number(m[2]));
    expect(periodsEnding.length).toBeGreaterThan(1);
    for (const end of periodsEnding) expect(end).toBeGreaterThanOrEqual(2027);
  });
});
