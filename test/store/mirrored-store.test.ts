import { mirroredStore } from '../../src/store/mirrored-store';
import { DecisionPlanMirror } from '../../src/store/decision-plan-mirror';
import { MIRROR_UNCONFIRMED_MS } from '../../src/store/marker-mirror';
import { MeetingMirror } from '../../src/store/meeting-mirror';
import { RosterMirror } from '../../src/store/roster-mirror';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alanPearson, cabinet, cabinetJuly, communitySafetyDecision, communitySafetyPlan, meeting, sarahWhitcombe, scrutiny } from '../contract/council-fixtures';

describe('the per-instance mirrors (committees, members, the plans of decisions, meetings: on Cosmos DB turns)', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-roster-cache-'));
    store = createEmbeddedStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A mirror fed by hand, as the app's one marker read feeds it, and the reads it makes of the store. */
  const mirrorOf = (options: { now?: () => number; unconfirmedAfterMs?: number } = {}) => {
    const reads = { marker: 0, members: 0, committees: 0 };
    const source = {
      changeMarkers: () => (reads.marker++, store.changeMarkers()),
      members: { listVersioned: () => (reads.members++, store.members.listVersioned()) },
      committees: { listVersioned: () => (reads.committees++, store.committees.listVersioned()) },
    };
    const errors: unknown[] = [];
    const mirror = new RosterMirror(source, { ...options, onBackgroundError: (err) => errors.push(err) });
    return { mirror, reads, errors };
  };
  /** The roster mirror under test, beside the other mirrors of the same store. */
  const mirrorsWith = (roster: RosterMirror) => ({ roster, plans: new DecisionPlanMirror(store), meetings: new MeetingMirror(store) });
  /** What the app's periodic read does: one read of both markers, the roster part handed to the mirror. */
  const markerRead = async (mirror: RosterMirror): Promise<void> => mirror.markerRead((await store.changeMarkers()).roster);
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

  it('answers members and committees from memory, loaded once, without reading the store per lookup', async () => {
    await store.committees.create(scrutiny);
    await store.committees.create(cabinet);
    await store.members.create(alanPearson);
    await store.members.create(sarahWhitcombe);
    const { mirror, reads } = mirrorOf();
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await mirror.whenLoaded();
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!.toUpperCase()))?.value.id).toBe(alanPearson.id);
      expect((await cached.members.get(sarahWhitcombe.id))?.value.name).toBe(sarahWhitcombe.name);
      expect(await cached.members.get('nobody')).toBeUndefined();
      expect(await cached.members.findByAadObjectId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      expect((await cached.members.findByEmail(' SARAH.Whitcombe@councillors.example.gov.uk '))?.value.id).toBe(sarahWhitcombe.id);
      expect((await cached.members.findByEmail('sarah.whitcombe@councillors.example.gov.uk'))?.value.id)
        .toBe((await store.members.findByEmail('sarah.whitcombe@councillors.example.gov.uk'))?.value.id);
      expect(await cached.members.findByEmail('nobody@example.gov.uk')).toBeUndefined();
      expect((await cached.committees.list()).map((c) => c.id)).toEqual((await store.committees.list()).map((c) => c.id));
      expect((await cached.committees.get(cabinet.id))?.value.name).toBe('Cabinet');
    }
    // Held with its ETag: a replace through the store with it lands.
    const held = await cached.members.get(alanPearson.id);
    expect(held?.etag).toBe((await store.members.get(alanPearson.id))?.etag);
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
  });

  it("reads the roster again when another process's write moves the roster marker, answering from what it held meanwhile", async () => {
    await store.committees.create(cabinet);
    await store.members.create(alanPearson);
    const { mirror, reads, errors } = mirrorOf();
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await mirror.whenLoaded();
    // A marker read that finds nothing moved reads nothing more.
    await markerRead(mirror);
    await settle();
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
    // Another process removes Alan from the cabinet and adds a committee: not seen until the marker is read...
    const alan = await store.members.get(alanPearson.id);
    await store.members.replace({ ...alan!.value, committees: [{ committeeId: 'council', seat: 'Member' }] }, alan!.etag);
    await store.committees.create(scrutiny);
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.committees.map((c) => c.committeeId)).toContain('cabinet');
    // ...then reloaded in the background, once.
    await markerRead(mirror);
    await settle();
    expect(reads).toEqual({ marker: 1, members: 2, committees: 2 });
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.committees.map((c) => c.committeeId)).toEqual(['council']);
    expect((await cached.committees.list()).map((c) => c.id).sort()).toEqual(['cabinet', 'scrutiny']);
    await markerRead(mirror);
    await settle();
    expect(reads).toEqual({ marker: 1, members: 2, committees: 2 });
    expect(errors).toEqual([]);
  });

  it('does not reload for writes of agenda items or decisions (the business part of the marker)', async () => {
    await store.committees.create(cabinet);
    const { mirror, reads } = mirrorOf();
    await mirror.whenLoaded();
    await store.decisions.create(communitySafetyDecision);
    await markerRead(mirror);
    await settle();
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
  });

  it('sees its own writes at once, and a refused write reads the roster again', async () => {
    await store.committees.create(cabinet);
    await store.members.create(alanPearson);
    const { mirror, reads } = mirrorOf();
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await mirror.whenLoaded();
    const held = await cached.committees.get(cabinet.id);
    const renamed = await cached.committees.replace({ ...held!.value, name: 'The Cabinet' }, held!.etag);
    expect((await cached.committees.get(cabinet.id))?.value.name).toBe('The Cabinet');
    expect((await cached.committees.list()).map((c) => c.name)).toEqual(['The Cabinet']);
    await cached.committees.create(scrutiny);
    expect((await cached.committees.list()).map((c) => c.id)).toEqual(['scrutiny', 'cabinet']);
    const alan = await cached.members.get(alanPearson.id);
    const relinked = await cached.members.replace({ ...alan!.value, aadObjectId: 'AAAAAAAA-0000-4000-8000-000000000001' }, alan!.etag);
    expect(await cached.members.findByAadObjectId(alanPearson.aadObjectId!)).toBeUndefined();
    expect((await cached.members.findByAadObjectId('aaaaaaaa-0000-4000-8000-000000000001'))?.etag).toBe(relinked.etag);
    await cached.members.upsert(sarahWhitcombe);
    expect((await cached.members.get(sarahWhitcombe.id))?.value.name).toBe(sarahWhitcombe.name);
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
    // A stale ETag: refused, and the mirror reads the roster again (what it held may be stale).
    await expect(cached.committees.replace({ ...renamed.value, name: 'Stale' }, held!.etag)).rejects.toMatchObject({ code: 'conflict' });
    await settle();
    expect(reads).toEqual({ marker: 2, members: 2, committees: 2 });
    expect((await cached.committees.get(cabinet.id))?.value.name).toBe('The Cabinet');
  });

  it('keeps a write made through it while a reload runs, and reloads once more at the next marker read', async () => {
    await store.committees.create(cabinet);
    const { mirror, reads } = mirrorOf();
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await mirror.whenLoaded();
    await store.committees.create(scrutiny); // another process
    await markerRead(mirror); // reload starts
    await cached.members.create(alanPearson); // lands while it runs (or just after)
    await settle();
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.id).toBe(alanPearson.id);
    expect((await cached.committees.list()).map((c) => c.id).sort()).toEqual(['cabinet', 'scrutiny']);
    const before = reads.members;
    await markerRead(mirror);
    await settle();
    expect(reads.members).toBe(before + 1);
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.id).toBe(alanPearson.id);
  });

  it('falls back to reading the store in the turn when the marker has not confirmed what it holds for its stated time', async () => {
    let now = 0;
    await store.committees.create(cabinet);
    await store.members.create(alanPearson);
    const { mirror, reads } = mirrorOf({ now: () => now, unconfirmedAfterMs: 60_000 });
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await mirror.whenLoaded();
    // Another process removes Alan from the roster's cabinet; no marker read reaches this mirror (the store fails them).
    const alan = await store.members.get(alanPearson.id);
    await store.members.replace({ ...alan!.value, committees: [] }, alan!.etag);
    now = 59_999;
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.committees).toHaveLength(2);
    expect(reads).toEqual({ marker: 1, members: 1, committees: 1 });
    now = 60_000;
    expect((await cached.members.findByAadObjectId(alanPearson.aadObjectId!))?.value.committees).toEqual([]);
    expect(reads).toEqual({ marker: 2, members: 2, committees: 2 });
    // Confirmed by a marker read, it answers from memory again.
    now = 119_000;
    await markerRead(mirror);
    now = 178_000;
    expect((await cached.members.get(alanPearson.id))?.value.committees).toEqual([]);
    expect(reads).toEqual({ marker: 2, members: 2, committees: 2 });
  });

  it('loads on the first lookup when the start-up load has not run, and a failed load is tried again', async () => {
    await store.members.create(alanPearson);
    let fail = true;
    const source = {
      changeMarkers: async () => {
        if (fail) throw new Error('store unavailable');
        return store.changeMarkers();
      },
      members: store.members,
      committees: store.committees,
    };
    const mirror = new RosterMirror(source);
    const cached = mirroredStore(store, mirrorsWith(mirror));
    await expect(cached.members.get(alanPearson.id)).rejects.toThrow('store unavailable');
    await expect(mirror.whenLoaded(1000)).rejects.toThrow('store unavailable');
    fail = false;
    expect((await cached.members.get(alanPearson.id))?.value.id).toBe(alanPearson.id);
    await mirror.whenLoaded(1000);
  });

  /** A meeting mirror fed by hand, as the app's one marker read feeds it, counting its loads and the turns' reads. */
  const meetingMirrorOf = (options: { now?: () => number } = {}) => {
    const calls = { listing: 0, get: 0, query: 0 };
    const counted: Store = {
      ...store,
      meetings: {
        ...store.meetings,
        listVersioned: () => (calls.listing++, store.meetings.listVersioned()),
        get: (c: string, id: string) => (calls.get++, store.meetings.get(c, id)),
        listUpcoming: (c: string, from: Date, limit: number) => (calls.query++, store.meetings.listUpcoming(c, from, limit)),
        listByCommittee: (c: string) => (calls.query++, store.meetings.listByCommittee(c)),
      },
    };
    const meetings = new MeetingMirror(counted, options);
    const cached = mirroredStore(counted, { roster: new RosterMirror(counted), plans: new DecisionPlanMirror(counted), meetings });
    const meetingsMarkerRead = async (): Promise<void> => meetings.markerRead((await store.changeMarkers()).meetings);
    return { meetings, cached, calls, meetingsMarkerRead };
  };

  it('answers meetings from memory, by id and a committee\'s upcoming ones, as the store answers them', async () => {
    const { meetings, cached, calls } = meetingMirrorOf();
    await store.committees.create(cabinet);
    await store.committees.create(scrutiny);
    // Instants in other offsets, a tie at one instant, another committee's and a cancelled meeting among them.
    const cabinetMeetings = [
      cabinetJuly,
      meeting({ id: 'cabinet-2021-09-08', startsAt: '2021-09-08T18:00:00.000+01:00' }),
      meeting({ id: 'cabinet-2021-09-08b', startsAt: '2021-09-08T17:00:00.000Z', status: 'cancelled' }),
      meeting({ id: 'cabinet-2021-06-02', startsAt: '2021-06-02T17:00:00.000Z' }),
      meeting({ id: 'cabinet-2021-10-13', startsAt: '2021-10-13T16:30:00.000-00:30' }),
    ];
    for (const m of cabinetMeetings) await store.meetings.create(m);
    await store.meetings.create(meeting({ id: 'scrutiny-2021-07-20', committeeId: scrutiny.id, startsAt: '2021-07-20T17:00:00.000Z' }));
    await meetings.whenLoaded();
    expect(calls).toEqual({ listing: 1, get: 0, query: 0 });
    const ids = (list: { id: string }[]) => list.map((m) => m.id);
    for (const [from, limit] of [['2021-01-01T00:00:00Z', 10], ['2021-07-14T17:00:00.000Z', 3], ['2021-07-14T17:00:00.001Z', 3], ['2022-01-01T00:00:00Z', 1]] as const) {
      const mirrored = ids(await cached.meetings.listUpcoming(cabinet.id, new Date(from), limit));
      const stored = ids(await store.meetings.listUpcoming(cabinet.id, new Date(from), limit));
      // The store promises time order only: two meetings at one instant may come either way (so no limit here falls
      // between them: which of the two a limit keeps is not promised either).
      expect([...mirrored].sort()).toEqual([...stored].sort());
      expect(mirrored.map((id) => Date.parse(cabinetMeetings.find((m) => m.id === id)!.startsAt))).toEqual(
        stored.map((id) => Date.parse(cabinetMeetings.find((m) => m.id === id)!.startsAt)),
      );
    }
    expect(ids(await cached.meetings.listUpcoming(cabinet.id, new Date('2021-01-01T00:00:00Z'), 10))).toEqual(
      ['cabinet-2021-06-02', 'cabinet-2021-07-14', 'cabinet-2021-09-08', 'cabinet-2021-09-08b', 'cabinet-2021-10-13'],
    );
    expect(ids(await cached.meetings.listByCommittee(scrutiny.id))).toEqual(ids(await store.meetings.listByCommittee(scrutiny.id)));
    expect(ids(await cached.meetings.listByCommittee(cabinet.id))).toHaveLength(5);
    await expect(cached.meetings.listUpcoming(cabinet.id, new Date(), 0)).rejects.toMatchObject({ code: 'invalid' });
    const held = await cached.meetings.get(cabinet.id, cabinetJuly.id);
    expect(held).toEqual(await store.meetings.get(cabinet.id, cabinetJuly.id)); // with its ETag
    expect(await cached.meetings.get(scrutiny.id, cabinetJuly.id)).toBeUndefined(); // by committee and id
    expect(calls).toEqual({ listing: 1, get: 1, query: 0 }); // only the meeting it does not hold is read
  });

  it('sees a meeting another process moved or created once the meetings marker moves, and its own writes at once', async () => {
    const { meetings, cached, calls, meetingsMarkerRead } = meetingMirrorOf();
    await store.committees.create(cabinet);
    const original = await store.meetings.create(cabinetJuly);
    if (!original.created) throw new Error('not created');
    await meetings.whenLoaded();
    // Another process moves the meeting and adds one: not seen until the marker is read...
    await store.meetings.replace({ ...cabinetJuly, startsAt: '2021-07-16T17:00:00.000Z' }, original.record.etag);
    const added = meeting({ id: 'cabinet-2021-08-11', startsAt: '2021-08-11T17:00:00.000Z' });
    await store.meetings.create(added);
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe(cabinetJuly.startsAt);
    expect(await cached.meetings.listUpcoming(cabinet.id, new Date('2021-01-01T00:00:00Z'), 5)).toEqual([cabinetJuly]);
    // ...though a meeting asked for by id and not held is read from the store.
    expect((await cached.meetings.get(cabinet.id, added.id))?.value).toEqual(added);
    expect(calls).toEqual({ listing: 1, get: 1, query: 0 });
    // ...then read again in the background, once.
    await meetingsMarkerRead();
    await settle();
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe('2021-07-16T17:00:00.000Z');
    expect((await cached.meetings.listUpcoming(cabinet.id, new Date('2021-01-01T00:00:00Z'), 5)).map((m) => m.id)).toEqual([cabinetJuly.id, added.id]);
    expect(calls).toEqual({ listing: 2, get: 1, query: 0 });
    await meetingsMarkerRead();
    await settle();
    expect(calls.listing).toBe(2);
    // Writes of other records do not move the meetings part: nothing is read again.
    await store.members.create(alanPearson);
    await store.decisions.create(communitySafetyDecision);
    await meetingsMarkerRead();
    await settle();
    expect(calls.listing).toBe(2);
    // A write through this store is seen at once, with no read; a refused one reads the meetings again.
    const held = await cached.meetings.get(cabinet.id, cabinetJuly.id);
    const moved = await cached.meetings.replace({ ...held!.value, startsAt: '2021-07-17T17:00:00.000Z' }, held!.etag);
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.etag).toBe(moved.etag);
    expect((await cached.meetings.listUpcoming(cabinet.id, new Date('2021-07-17T00:00:00Z'), 5)).map((m) => m.id)).toEqual([cabinetJuly.id, added.id]);
    await cached.meetings.create(meeting({ id: 'cabinet-2021-09-08', startsAt: '2021-09-08T17:00:00.000Z' }));
    expect((await cached.meetings.get(cabinet.id, 'cabinet-2021-09-08'))?.value.id).toBe('cabinet-2021-09-08');
    expect(calls).toEqual({ listing: 2, get: 1, query: 0 });
    await expect(cached.meetings.replace(held!.value, held!.etag)).rejects.toMatchObject({ code: 'conflict' });
    await settle();
    expect(calls.listing).toBe(3);
  });

  it('reads the meetings again in the turn when the marker has not confirmed what it holds for MIRROR_UNCONFIRMED_MS', async () => {
    let now = 0;
    const { meetings, cached, calls } = meetingMirrorOf({ now: () => now });
    await store.committees.create(cabinet);
    const original = await store.meetings.create(cabinetJuly);
    if (!original.created) throw new Error('not created');
    await meetings.whenLoaded();
    // Another process moves the meeting; no marker read reaches this instance (the store fails them).
    await store.meetings.replace({ ...cabinetJuly, startsAt: '2021-07-16T17:00:00.000Z' }, original.record.etag);
    now = MIRROR_UNCONFIRMED_MS - 1;
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe(cabinetJuly.startsAt);
    now = MIRROR_UNCONFIRMED_MS;
    expect((await cached.meetings.get(cabinet.id, cabinetJuly.id))?.value.startsAt).toBe('2021-07-16T17:00:00.000Z');
    expect(calls).toEqual({ listing: 2, get: 0, query: 0 });
  });

  /** A decision-plan mirror fed by hand, as the app's one marker read feeds it, counting the turns' reads of plans. */
  const planMirrorOf = (options: { now?: () => number } = {}) => {
    const calls = { listing: 0, query: 0, get: 0 };
    const counted: Store = {
      ...store,
      actionPlans: {
        ...store.actionPlans,
        listDecisionLinks: () => (calls.listing++, store.actionPlans.listDecisionLinks()),
        findByDecision: (c: string, d: string) => (calls.query++, store.actionPlans.findByDecision(c, d)),
        idByDecision: (c: string, d: string) => (calls.query++, store.actionPlans.idByDecision(c, d)),
        get: (c: string, id: string) => (calls.get++, store.actionPlans.get(c, id)),
      },
    };
    const plans = new DecisionPlanMirror(counted, options);
    const cached = mirroredStore(counted, { roster: new RosterMirror(counted), plans, meetings: new MeetingMirror(counted) });
    const plansMarkerRead = async (): Promise<void> => plans.markerRead((await store.changeMarkers()).plans);
    return { plans, cached, calls, plansMarkerRead };
  };

  it('knows which action plan a decision has from memory, never by a query, and reads the plan itself fresh by its id', async () => {
    const { plans, cached, calls } = planMirrorOf();
    const decisionId = communitySafetyPlan.decisionId;
    await store.committees.create(cabinet);
    await store.decisions.create({ ...communitySafetyDecision, id: decisionId });
    await store.actionPlans.create(communitySafetyPlan);
    await plans.whenLoaded();
    expect(calls).toEqual({ listing: 1, query: 0, get: 0 });
    // The first look at a decision (an instance's first status or acknowledgement of it) reads no more than later ones.
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBe(communitySafetyPlan.id);
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-without-plan')).toBeUndefined();
    expect(await cached.actionPlans.findByDecision(cabinet.id, 'dec-without-plan')).toBeUndefined();
    expect(calls).toEqual({ listing: 1, query: 0, get: 0 });
    // The plan by a point read of the id held: its changes (progress updates) are seen at once.
    const held = await store.actionPlans.get(cabinet.id, communitySafetyPlan.id);
    if (held === undefined) throw new Error('no plan');
    await store.actionPlans.replace({ ...held.value, title: 'Community Safety Action Plan 2025' }, held.etag);
    expect((await cached.actionPlans.findByDecision(cabinet.id, decisionId))?.value.title).toBe('Community Safety Action Plan 2025');
    expect(calls).toEqual({ listing: 1, query: 0, get: 1 });
  });

  it("sees a plan another process created once the plans marker moves, and its own creates at once", async () => {
    const { plans, cached, calls, plansMarkerRead } = planMirrorOf();
    const decisionId = communitySafetyPlan.decisionId;
    await store.committees.create(cabinet);
    await store.decisions.create({ ...communitySafetyDecision, id: decisionId });
    await plans.whenLoaded();
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBeUndefined();
    // Another process starts the plan: not seen until the marker is read...
    await store.actionPlans.create(communitySafetyPlan);
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBeUndefined();
    // ...then read again in the background, once.
    await plansMarkerRead();
    await settle();
    expect(await cached.actionPlans.idByDecision(cabinet.id, decisionId)).toBe(communitySafetyPlan.id);
    expect((await cached.actionPlans.findByDecision(cabinet.id, decisionId))?.value.id).toBe(communitySafetyPlan.id);
    expect(calls).toEqual({ listing: 2, query: 0, get: 1 });
    await plansMarkerRead();
    await settle();
    expect(calls.listing).toBe(2);
    // A plan's progress, roster writes and business writes do not move the plans part: nothing is read again.
    const held = await store.actionPlans.get(cabinet.id, communitySafetyPlan.id);
    await store.actionPlans.replace({ ...held!.value, title: 'Renamed' }, held!.etag);
    await store.members.create(alanPearson);
    await store.decisions.create({ ...communitySafetyDecision, id: 'dec-other-business' });
    await plansMarkerRead();
    await settle();
    expect(calls.listing).toBe(2);
    // A plan created through this store is seen at once, with no read.
    const other = { ...communitySafetyPlan, id: 'plan-other', decisionId: 'dec-other' };
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-other')).toBeUndefined();
    await cached.actionPlans.create(other);
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-other')).toBe('plan-other');
    expect(calls).toEqual({ listing: 2, query: 0, get: 1 });
  });

  it('reads the plans again in the turn when the marker has not confirmed what it holds for MIRROR_UNCONFIRMED_MS', async () => {
    let now = 0;
    const { plans, cached, calls, plansMarkerRead } = planMirrorOf({ now: () => now });
    await store.committees.create(cabinet);
    await plans.whenLoaded();
    // Another process starts a plan; no marker read reaches this instance (the store fails them).
    await store.actionPlans.create(communitySafetyPlan);
    now = MIRROR_UNCONFIRMED_MS - 1;
    expect(await cached.actionPlans.idByDecision(cabinet.id, communitySafetyPlan.decisionId)).toBeUndefined();
    expect(calls.listing).toBe(1);
    now = MIRROR_UNCONFIRMED_MS;
    expect(await cached.actionPlans.idByDecision(cabinet.id, communitySafetyPlan.decisionId)).toBe(communitySafetyPlan.id);
    expect(calls.listing).toBe(2);
    // Confirmed by a marker read, it answers from memory again.
    now = 2 * MIRROR_UNCONFIRMED_MS - 1_000;
    await plansMarkerRead();
    now = 3 * MIRROR_UNCONFIRMED_MS - 2_000;
    expect(await cached.actionPlans.idByDecision(cabinet.id, communitySafetyPlan.decisionId)).toBe(communitySafetyPlan.id);
    expect(calls.listing).toBe(2);
  });

  it('does not trust a plan that is no longer the decision\'s: the store answers, and the mirror reads again', async () => {
    const { plans, cached, calls } = planMirrorOf();
    await store.committees.create(cabinet);
    await store.actionPlans.create(communitySafetyPlan);
    await plans.whenLoaded();
    // Rewritten past the port's promise (a plan keeps its decision): the point read shows it.
    const held = await store.actionPlans.get(cabinet.id, communitySafetyPlan.id);
    await store.actionPlans.replace({ ...held!.value, decisionId: 'dec-elsewhere' }, held!.etag);
    expect(await cached.actionPlans.findByDecision(cabinet.id, communitySafetyPlan.decisionId)).toBeUndefined();
    await settle();
    expect(calls).toEqual({ listing: 2, query: 1, get: 1 });
    expect(await cached.actionPlans.idByDecision(cabinet.id, 'dec-elsewhere')).toBe(communitySafetyPlan.id);
  });
});
