import type { AgendaItem, Decision } from '../../src/domain';
import type { ChangeMarkers, MarkerPart, Versioned } from '../../src/store/port';
import {
  acknowledgement, actionUpdate, alanPearson, sarahWhitcombe, cabinet, cabinetJuly, communitySafetyDecision, communitySafetyItem, communitySafetyPlan,
  agendaItem, decision,
} from './council-fixtures';
import type { CurrentStore } from './store.contract';

const created = <T>(result: { created: true; record: Versioned<T> } | { created: false; existing: Versioned<T> }): Versioned<T> => {
  if (!result.created) throw new Error('expected a new record');
  return result.record;
};

const MARKER_PARTS: readonly MarkerPart[] = ['business', 'roster', 'plans', 'meetings'];

/** Fake only Date: timers must keep running for the SDK and the stores. */
const NOT_THE_CLOCK: FakeTimersConfig['doNotFake'] = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
  'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval',
  'setTimeout', 'clearTimeout',
];

export const describeChangeMarker = (current: CurrentStore): void => {
  describe('change marker', () => {
    it('is a string that stays the same while nothing is written, also on an empty store', async () => {
      const { store } = current();
      const empty = await store.changeMarker();
      expect(typeof empty).toBe('string');
      expect(await store.changeMarker()).toBe(empty);
      await store.agendaItems.create(communitySafetyItem);
      const one = await store.changeMarker();
      expect(one).not.toBe(empty);
      expect(await store.changeMarker()).toBe(one);
      // Reads change nothing.
      await store.agendaItems.get('cabinet', communitySafetyItem.id);
      await store.agendaItems.listAll();
      await store.decisions.listDecidedSince('2021-01-01');
      expect(await store.changeMarker()).toBe(one);
    });

    it('changes after every create and replace of an agenda item, however quickly they follow each other', async () => {
      const { store } = current();
      const seen = new Set<string>([await store.changeMarker()]);
      const expectNew = async (): Promise<void> => {
        const marker = await store.changeMarker();
        expect(seen).not.toContain(marker);
        seen.add(marker);
      };
      // The clock stands still: every write below happens "in the same millisecond" (only Date is faked; the
      // stores' and the SDK's timers run as usual). A marker built on write times would miss these changes.
      jest.useFakeTimers({ now: new Date('2021-07-14T17:05:12.345Z'), doNotFake: NOT_THE_CLOCK });
      try {
        let item: Versioned<AgendaItem> = created(await store.agendaItems.create(communitySafetyItem));
        await expectNew();
        item = await store.agendaItems.replace({ ...item.value, title: 'Community Safety Strategy 2021-2024' }, item.etag);
        await expectNew();
        item = await store.agendaItems.replace({ ...item.value, number: '6' }, item.etag);
        await expectNew();
        // A replace that writes back exactly what was there is still a write.
        item = await store.agendaItems.replace(item.value, item.etag);
        await expectNew();
        // Back-to-back writes with no read in between, to this item and a new one, still leave a new marker.
        await store.agendaItems.replace({ ...item.value, number: '5' }, item.etag);
        const second = created(await store.agendaItems.create(agendaItem({ id: 'ai-leisure', number: '10' })));
        await store.agendaItems.replace({ ...second.value, title: 'Leisure Centre Contract' }, second.etag);
        await expectNew();
      } finally {
        jest.useRealTimers();
      }
    });

    it('changes after a create and a replace of a decision', async () => {
      const { store } = current();
      const before = await store.changeMarker();
      let made: Versioned<Decision> = created(await store.decisions.create(communitySafetyDecision));
      const afterCreate = await store.changeMarker();
      expect(afterCreate).not.toBe(before);
      made = await store.decisions.replace({ ...made.value, subjectToCallIn: true, updatedAt: '2021-07-17T09:00:00.000Z' }, made.etag);
      const afterReplace = await store.changeMarker();
      expect(afterReplace).not.toBe(afterCreate);
      expect(afterReplace).not.toBe(before);
      const other = created(await store.decisions.create(decision({ id: 'd-leisure', agendaItemId: 'ai-leisure' })));
      await store.decisions.replace({ ...other.value, decidedOn: '2021-07-15' }, other.etag);
      expect(await store.changeMarker()).not.toBe(afterReplace);
      expect((await store.decisions.get('cabinet', made.value.id))?.value.subjectToCallIn).toBe(true);
    });

    it('does not change for writes that did not happen: a repeated create, a stale or missing replace', async () => {
      const { store } = current();
      const item = created(await store.agendaItems.create(communitySafetyItem));
      const replaced = await store.agendaItems.replace({ ...item.value, number: '6' }, item.etag);
      const marker = await store.changeMarker();

      expect((await store.agendaItems.create({ ...communitySafetyItem, title: 'Changed' })).created).toBe(false);
      await expect(store.agendaItems.replace({ ...item.value, number: '7' }, item.etag)).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.decisions.replace(communitySafetyDecision, 'no-such-etag')).rejects.toMatchObject({ code: 'not-found' });
      expect(await store.changeMarker()).toBe(marker);
      expect((await store.agendaItems.get('cabinet', item.value.id))?.etag).toBe(replaced.etag);
    });

    it('is the same for every Store instance on the same data, and each sees the other\'s writes', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      expect(await other.changeMarker()).toBe(await store.changeMarker());

      const item = created(await store.agendaItems.create(communitySafetyItem));
      const afterCreate = await store.changeMarker();
      expect(await other.changeMarker()).toBe(afterCreate);

      const seenByOther = await other.agendaItems.get('cabinet', item.value.id);
      if (seenByOther === undefined) throw new Error('not shared');
      await other.agendaItems.replace({ ...seenByOther.value, number: '6' }, seenByOther.etag);
      const afterReplace = await store.changeMarker();
      expect(afterReplace).not.toBe(afterCreate);
      expect(await other.changeMarker()).toBe(afterReplace);
    });

    it('moves once per write when two instances write at the same moment: no move is lost to the other', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = countOf(await store.changeMarker());
      // Ten creates at once, five through each instance: every one must move the marker (ETag retry on 412).
      const writes = Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? store : other).agendaItems.create(agendaItem({ id: `ai-race-${i}`, number: String(20 + i) })),
      );
      await Promise.all(writes);
      expect(countOf(await store.changeMarker())).toBe(before + 10);
      expect(await other.changeMarker()).toBe(await store.changeMarker());
    });

    it('moves once for a batch of creates (createMany), and not for a batch that created nothing', async () => {
      const { store } = current();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = countOf(await store.changeMarker());
      const batch = [agendaItem({ id: 'ai-batch-1', number: '31' }), agendaItem({ id: 'ai-batch-2', number: '32' })];
      const results = await store.agendaItems.createMany(batch);
      expect(results.map((r) => r.created)).toEqual([true, true]);
      expect(countOf(await store.changeMarker())).toBe(before + 1);
      expect((await store.agendaItems.createMany(batch)).map((r) => r.created)).toEqual([false, false]);
      expect(countOf(await store.changeMarker())).toBe(before + 1);
      await store.decisions.createMany([communitySafetyDecision]);
      expect(countOf(await store.changeMarker())).toBe(before + 2);
    });

    it('is moved by the store\'s writes only: a document written past the store does not move it, the next write through the store does', async () => {
      const { store, writeRawDocument } = current();
      const before = await store.changeMarker();
      await writeRawDocument('business', {
        id: `agendaItem:${communitySafetyItem.id}`, pk: 'cabinet', type: 'agendaItem', ix: {}, data: communitySafetyItem,
      });
      expect(await store.changeMarker()).toBe(before);
      const old = await store.agendaItems.get('cabinet', communitySafetyItem.id);
      if (old === undefined) throw new Error('raw document not read');
      await store.agendaItems.replace({ ...old.value, number: '6' }, old.etag);
      expect(await store.changeMarker()).not.toBe(before);
    });

    it('has a roster part: member and committee writes move it and not the business part, and the other way round', async () => {
      const { store } = current();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const empty = await store.changeMarkers();
      expect(empty).toEqual({
        business: await store.changeMarker(), roster: expect.any(String) as string, plans: expect.any(String) as string, meetings: expect.any(String) as string,
      });
      const expectMoved = async (part: MarkerPart, before: ChangeMarkers) => {
        const after = await store.changeMarkers();
        expect(after[part]).not.toBe(before[part]);
        expect(countOf(after[part])).toBe(countOf(before[part]) + 1);
        for (const other of MARKER_PARTS.filter((p) => p !== part)) expect(after[other]).toBe(before[other]);
        expect(await store.changeMarker()).toBe(after.business);
        return after;
      };
      // Roster writes on an empty store: the business part stays what it was (the search indexes do not rebuild).
      await store.committees.create(cabinet);
      let markers = await expectMoved('roster', empty);
      const committee = await store.committees.get(cabinet.id);
      await store.committees.replace({ ...committee!.value, name: 'The Cabinet' }, committee!.etag);
      markers = await expectMoved('roster', markers);
      const member = created(await store.members.create(alanPearson));
      markers = await expectMoved('roster', markers);
      await store.members.replace({ ...member.value, title: 'Leader' }, member.etag);
      markers = await expectMoved('roster', markers);
      await store.members.upsert(sarahWhitcombe);
      markers = await expectMoved('roster', markers);
      // Business writes move the business part only.
      const item = created(await store.agendaItems.create(communitySafetyItem));
      markers = await expectMoved('business', markers);
      await store.agendaItems.replace({ ...item.value, number: '6' }, item.etag);
      markers = await expectMoved('business', markers);
      await store.decisions.create(communitySafetyDecision);
      markers = await expectMoved('business', markers);
      // Writes that did not happen move neither; reads move neither.
      expect((await store.members.create(alanPearson)).created).toBe(false);
      expect((await store.committees.create(cabinet)).created).toBe(false);
      await expect(store.members.replace(member.value, member.etag)).rejects.toMatchObject({ code: 'conflict' });
      await store.members.findByAadObjectId(alanPearson.aadObjectId!);
      await store.members.listVersioned();
      await store.committees.listVersioned();
      expect(await store.changeMarkers()).toEqual(markers);
    });
    it('moves the roster part for other Store instances too, and no move of either part is lost when both move at once', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = await store.changeMarkers();
      await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => (i % 2 === 0 ? store : other).members.create({ ...alanPearson, id: `m-race-${i}`, aadObjectId: undefined })),
        ...Array.from({ length: 4 }, (_, i) => (i % 2 === 0 ? other : store).agendaItems.create(agendaItem({ id: `ai-mix-${i}`, number: String(40 + i) }))),
      ]);
      const after = await other.changeMarkers();
      expect(countOf(after.roster)).toBe(countOf(before.roster) + 4);
      expect(countOf(after.business)).toBe(countOf(before.business) + 4);
      expect(await store.changeMarkers()).toEqual(after);
    });

    it('reads a marker document written before the roster part existed: its business part as before, its roster part "none"', async () => {
      const { store, writeRawDocument } = current();
      const old = { key: 'changeMarker', count: 7, generation: '3f0e8d1c-5a8b-4e0f-9c7d-2b1a0e9f8d7c' };
      await writeRawDocument('work', { id: 'changeMarker:changeMarker', pk: 'changeMarker', type: 'changeMarker', ix: {}, data: old });
      expect(await store.changeMarkers()).toEqual({ business: `7.${old.generation}`, roster: 'none', plans: 'none', meetings: 'none' });
      expect(await store.changeMarker()).toBe(`7.${old.generation}`);
      // The first roster write adds the roster part and keeps the business part.
      await store.committees.create(cabinet);
      const markers = await store.changeMarkers();
      expect(markers.business).toBe(`7.${old.generation}`);
      expect(markers.roster).toMatch(/^1\./);
      await store.agendaItems.create(communitySafetyItem);
      expect(await store.changeMarkers()).toEqual({ business: expect.stringMatching(/^8\./) as string, roster: markers.roster, plans: 'none', meetings: 'none' });
    });

    it('has a plans part: an action plan created moves it and no other part; a plan\'s changes and updates move none', async () => {
      const { store } = current();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = await store.changeMarkers();
      const plan = created(await store.actionPlans.create(communitySafetyPlan));
      const afterCreate = await store.changeMarkers();
      expect(countOf(afterCreate.plans)).toBe(countOf(before.plans) + 1);
      expect(afterCreate).toEqual({ ...before, plans: afterCreate.plans });
      // Which plan a decision has cannot change after its creation: progress, edits and updates move nothing.
      await store.actionPlans.replace({ ...plan.value, title: 'Community Safety Action Plan 2025' }, plan.etag);
      await store.actionPlans.appendUpdate(actionUpdate('upd-1', '2021-09-01T09:00:00.000Z', 40));
      // Nor do creates that created nothing, or reads.
      expect((await store.actionPlans.create(communitySafetyPlan)).created).toBe(false);
      await store.actionPlans.listDecisionLinks();
      expect(await store.changeMarkers()).toEqual(afterCreate);
      // Another plan moves it again, and the other parts' writes leave it as it is.
      await store.actionPlans.create({ ...communitySafetyPlan, id: 'plan-second', decisionId: 'dec-second' });
      const second = await store.changeMarkers();
      expect(countOf(second.plans)).toBe(countOf(afterCreate.plans) + 1);
      await store.committees.create(cabinet);
      await store.agendaItems.create(communitySafetyItem);
      expect((await store.changeMarkers()).plans).toBe(second.plans);
    });

    it('moves the plans part for other Store instances too, none lost when several create at once', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = await other.changeMarkers();
      await Promise.all(Array.from({ length: 4 }, (_, i) =>
        (i % 2 === 0 ? store : other).actionPlans.create({ ...communitySafetyPlan, id: `plan-race-${i}`, decisionId: `dec-race-${i}` })));
      const after = await other.changeMarkers();
      expect(countOf(after.plans)).toBe(countOf(before.plans) + 4);
      expect(await store.changeMarkers()).toEqual(after);
    });

    it('reads a marker document written with the roster part alone: its plans part "none", the first plan adds it and keeps the rest', async () => {
      const { store, writeRawDocument } = current();
      const rosterEra = {
        key: 'changeMarker', count: 3, generation: '0b7c1f9e-4d2a-4c8e-8f1b-6a5d3e2c1b0a',
        roster: { count: 2, generation: 'a1e5c3d7-9b8f-4e6a-b2c4-d8f0e1a3c5b7' },
      };
      await writeRawDocument('work', { id: 'changeMarker:changeMarker', pk: 'changeMarker', type: 'changeMarker', ix: {}, data: rosterEra });
      const business = `3.${rosterEra.generation}`;
      const roster = `2.${rosterEra.roster.generation}`;
      expect(await store.changeMarkers()).toEqual({ business, roster, plans: 'none', meetings: 'none' });
      await store.actionPlans.create(communitySafetyPlan);
      expect(await store.changeMarkers()).toEqual({ business, roster, plans: expect.stringMatching(/^1\./) as string, meetings: 'none' });
    });

    it('has a meetings part: every meeting create and replace moves it and no other part; other writes leave it', async () => {
      const { store } = current();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      await store.committees.create(cabinet);
      const before = await store.changeMarkers();
      const made = created(await store.meetings.create(cabinetJuly));
      const afterCreate = await store.changeMarkers();
      expect(countOf(afterCreate.meetings)).toBe(countOf(before.meetings) + 1);
      expect(afterCreate).toEqual({ ...before, meetings: afterCreate.meetings });
      // A meeting moved to another day: what an item card shows.
      const moved = await store.meetings.replace({ ...made.value, startsAt: '2021-07-16T17:00:00.000Z' }, made.etag);
      const afterReplace = await store.changeMarkers();
      expect(countOf(afterReplace.meetings)).toBe(countOf(afterCreate.meetings) + 1);
      expect(afterReplace).toEqual({ ...afterCreate, meetings: afterReplace.meetings });
      // Writes that did not happen move nothing; reads move nothing.
      expect((await store.meetings.create(cabinetJuly)).created).toBe(false);
      await expect(store.meetings.replace(made.value, made.etag)).rejects.toMatchObject({ code: 'conflict' });
      await store.meetings.listVersioned();
      await store.meetings.get(cabinet.id, cabinetJuly.id);
      expect(await store.changeMarkers()).toEqual(afterReplace);
      // The other parts' writes leave it as it is.
      await store.members.create(alanPearson);
      await store.agendaItems.create(communitySafetyItem);
      await store.actionPlans.create(communitySafetyPlan);
      expect((await store.changeMarkers()).meetings).toBe(afterReplace.meetings);
      expect((await store.meetings.get(cabinet.id, cabinetJuly.id))?.etag).toBe(moved.etag);
    });

    it('moves the meetings part for other Store instances too, none lost when several write at once', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      const countOf = (marker: string): number => (marker === 'none' ? 0 : Number(marker.split('.')[0]));
      const before = await other.changeMarkers();
      await Promise.all(Array.from({ length: 4 }, (_, i) =>
        (i % 2 === 0 ? store : other).meetings.create({ ...cabinetJuly, id: `cabinet-race-${i}`, source: undefined })));
      const after = await other.changeMarkers();
      expect(countOf(after.meetings)).toBe(countOf(before.meetings) + 4);
      expect(await store.changeMarkers()).toEqual(after);
    });

    it('reads a marker document written before the meetings part: that part "none", the first meeting write adds it and keeps the rest', async () => {
      const { store, writeRawDocument } = current();
      const plansEra = {
        key: 'changeMarker', count: 4, generation: '6e2b8d4f-1c3a-4b5e-9d7f-2a4c6e8b0d1f',
        roster: { count: 2, generation: 'a1e5c3d7-9b8f-4e6a-b2c4-d8f0e1a3c5b7' }, plans: { count: 3, generation: 'f0e1d2c3-b4a5-4968-8776-655443322110' },
      };
      await writeRawDocument('work', { id: 'changeMarker:changeMarker', pk: 'changeMarker', type: 'changeMarker', ix: {}, data: plansEra });
      const kept = { business: `4.${plansEra.generation}`, roster: `2.${plansEra.roster.generation}`, plans: `3.${plansEra.plans.generation}` };
      expect(await store.changeMarkers()).toEqual({ ...kept, meetings: 'none' });
      await store.meetings.create(cabinetJuly);
      expect(await store.changeMarkers()).toEqual({ ...kept, meetings: expect.stringMatching(/^1\./) as string });
    });

    it('reads and moves a marker document holding a part it does not know (written by a later version)', async () => {
      const { store, writeRawDocument } = current();
      const later = { key: 'changeMarker', count: 5, generation: 'c4d2e6f8-1a3b-4c5d-9e7f-0a1b2c3d4e5f', minutes: { count: 9, generation: 'later' } };
      await writeRawDocument('work', { id: 'changeMarker:changeMarker', pk: 'changeMarker', type: 'changeMarker', ix: {}, data: later });
      expect(await store.changeMarkers()).toEqual({ business: `5.${later.generation}`, roster: 'none', plans: 'none', meetings: 'none' });
      await store.committees.create(cabinet);
      await store.agendaItems.create(communitySafetyItem);
      await store.actionPlans.create(communitySafetyPlan);
      await store.meetings.create(cabinetJuly);
      const moved = await store.changeMarkers();
      expect([moved.business, moved.roster, moved.plans, moved.meetings].map((m) => m.split('.')[0])).toEqual(['6', '1', '1', '1']);
    });

    it('is not disturbed by writes of other records (whether they change it is not promised)', async () => {
      const { store } = current();
      await store.committees.create(cabinet);
      await store.meetings.create(cabinetJuly);
      await store.acknowledgements.create(acknowledgement('cllr-alan-pearson', communitySafetyItem.id, '2021-07-10T09:00:00Z'));
      await store.activities.claim('19:abc@thread.tacv2|1', '2021-07-10T09:00:00Z');
      const marker = await store.changeMarker();
      expect(typeof marker).toBe('string');
      await store.agendaItems.create(communitySafetyItem);
      expect(await store.changeMarker()).not.toBe(marker);
    });
  });
};
