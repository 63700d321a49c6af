import type { Acknowledgement } from '../../src/domain';
import type { CreateResult } from '../../src/store/port';
import { acknowledgement, alanPearson, andrewCotton, communitySafetyItem, conversation, ronanHolmes, sarahWhitcombe } from './council-fixtures';
import { anEtag, expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

export const describeMemberRecords = (current: CurrentStore): void => {
  describe('members', () => {
    it('creates once, reads, and replaces only with the current ETag', async () => {
      const { store } = current();
      const created = await store.members.create(alanPearson);
      expect(created).toEqual({ created: true, record: { value: alanPearson, etag: anEtag } });
      expect(await store.members.create({ ...alanPearson, name: 'A. Pearson' })).toEqual({
        created: false,
        existing: { value: alanPearson, etag: anEtag },
      });
      expect(await store.members.get(alanPearson.id)).toEqual({ value: alanPearson, etag: anEtag });
      expect(await store.members.get('cllr-nobody')).toBeUndefined();

      const etag = created.created ? created.record.etag : '';
      const retitled = { ...alanPearson, title: 'Deputy Leader' };
      const replaced = await store.members.replace(retitled, etag);
      await expectDomainError(store.members.replace({ ...alanPearson, title: 'Stale' }, etag), 'conflict');
      expect(await store.members.get(alanPearson.id)).toEqual({ value: retitled, etag: replaced.etag });
    });

    it('upserts without an ETag: creates, then overwrites', async () => {
      const { store } = current();
      const first = await store.members.upsert(sarahWhitcombe);
      expect(first).toEqual({ value: sarahWhitcombe, etag: anEtag });
      const moved = { ...sarahWhitcombe, committees: [{ committeeId: 'scrutiny', seat: 'Vice-Chair' }] };
      const second = await store.members.upsert(moved);
      expect(second).toEqual({ value: moved, etag: anEtag });
      expect(second.etag).not.toBe(first.etag);
      expect(await store.members.get(sarahWhitcombe.id)).toEqual(second);
    });

    it('finds a member by Entra object id and by email, whatever the case', async () => {
      const { store } = current();
      for (const m of [alanPearson, ronanHolmes, sarahWhitcombe]) await store.members.create(m);
      expect(await store.members.findByAadObjectId('6F1C2A7E-3B9D-4C5E-8A21-0D4E5F6A7B8C')).toEqual({ value: alanPearson, etag: anEtag });
      expect(await store.members.findByAadObjectId(ronanHolmes.aadObjectId ?? '')).toEqual({ value: ronanHolmes, etag: anEtag });
      expect(await store.members.findByAadObjectId('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await store.members.findByEmail(' alan.pearson@COUNCILLORS.example.gov.uk')).toEqual({ value: alanPearson, etag: anEtag });
      expect(await store.members.findByEmail('nobody@example.gov.uk')).toBeUndefined();
    });

    it('lists the members of a committee, and everyone, by name', async () => {
      const { store } = current();
      for (const m of [sarahWhitcombe, ronanHolmes, andrewCotton, alanPearson]) await store.members.create(m);
      expect(await store.members.listByCommittee('cabinet')).toEqual([alanPearson, ronanHolmes]);
      expect(await store.members.listByCommittee('council')).toEqual([alanPearson, ronanHolmes, sarahWhitcombe]);
      expect(await store.members.listByCommittee('planning')).toEqual([]);
      expect(await store.members.list()).toEqual([andrewCotton, alanPearson, ronanHolmes, sarahWhitcombe]);
    });
  });

  describe('acknowledgements', () => {
    const item = communitySafetyItem.id;

    it('records one acknowledgement per member per item; pressing again answers the first', async () => {
      const { store } = current();
      const ack = acknowledgement(alanPearson.id, item, '2021-07-08T10:15:00.000Z');
      const first = await store.acknowledgements.create(ack);
      expect(first).toEqual({ created: true, record: { value: ack, etag: anEtag } });

      const later = acknowledgement(alanPearson.id, item, '2021-07-09T16:40:00.000Z');
      expect(await store.acknowledgements.create(later)).toEqual({ created: false, existing: { value: ack, etag: anEtag } });
      expect(await store.acknowledgements.get(alanPearson.id, item)).toEqual(ack);
      expect(await store.acknowledgements.get(ronanHolmes.id, item)).toBeUndefined();
      expect(await store.acknowledgements.listByAgendaItem(item)).toEqual([ack]);
    });

    it('keeps exactly one record when 50 presses of the same card arrive at once', async () => {
      const { store } = current();
      const presses = Array.from({ length: 50 }, (_, i) =>
        acknowledgement(ronanHolmes.id, item, new Date(Date.UTC(2021, 6, 8, 9, 0, i)).toISOString()),
      );
      const results: CreateResult<Acknowledgement>[] = await Promise.all(presses.map((p) => store.acknowledgements.create(p)));
      const winners = results.filter((r) => r.created);
      expect(winners).toHaveLength(1);
      const winner = winners[0]?.created ? winners[0].record.value : undefined;
      for (const r of results) if (!r.created) expect(r.existing.value).toEqual(winner);
      expect(await store.acknowledgements.listByMember(ronanHolmes.id)).toEqual([winner]);
      expect(await store.acknowledgements.listByAgendaItem(item)).toEqual([winner]);
    });

    it("lists a member's acknowledgements, oldest first, and an item's across members", async () => {
      const { store } = current();
      const a1 = acknowledgement(alanPearson.id, item, '2021-07-08T10:15:00.000Z');
      const a2 = acknowledgement(alanPearson.id, 'ai-leisure', '2021-07-07T12:00:00.000Z');
      const r1 = acknowledgement(ronanHolmes.id, item, '2021-07-08T08:00:00+01:00');
      const s1 = { ...acknowledgement(sarahWhitcombe.id, 'ai-scrutiny-work-programme', '2021-07-01T09:00:00.000Z'), committeeId: 'scrutiny' };
      for (const a of [a1, a2, r1, s1]) await store.acknowledgements.create(a);
      expect(await store.acknowledgements.listByMember(alanPearson.id)).toEqual([a2, a1]);
      expect(await store.acknowledgements.listByMember(andrewCotton.id)).toEqual([]);
      expect(await store.acknowledgements.listByAgendaItem(item)).toEqual([r1, a1]);
    });

    it('lists the acknowledgements of several items at once, more than one query\'s worth of them', async () => {
      const { store } = current();
      const a1 = acknowledgement(alanPearson.id, item, '2021-07-08T10:15:00.000Z');
      const a2 = acknowledgement(alanPearson.id, 'ai-leisure', '2021-07-07T12:00:00.000Z');
      const r1 = acknowledgement(ronanHolmes.id, item, '2021-07-08T08:00:00+01:00');
      const elsewhere = acknowledgement(ronanHolmes.id, 'ai-elsewhere', '2021-07-08T09:00:00.000Z');
      // 60 items: two queries (an `in` takes 50 values); the 55th has an acknowledgement.
      const many = Array.from({ length: 60 }, (_, i) => `ai-many-${i}`);
      const a55 = acknowledgement(alanPearson.id, 'ai-many-55', '2021-07-09T09:00:00.000Z');
      for (const a of [a1, a2, r1, elsewhere, a55]) await store.acknowledgements.create(a);
      const key = (a: Acknowledgement) => `${a.memberId}|${a.agendaItemId}`;
      const listed = await store.acknowledgements.listByAgendaItems([item, 'ai-leisure', item]);
      expect(listed.map(key).sort()).toEqual([a1, a2, r1].map(key).sort());
      expect(listed.find((a) => key(a) === key(a1))).toEqual(a1);
      expect((await store.acknowledgements.listByAgendaItems([...many, item])).map(key).sort()).toEqual([a55, a1, r1].map(key).sort());
      expect(await store.acknowledgements.listByAgendaItems([])).toEqual([]);
    });
  });

  describe('conversations', () => {
    it('upserts, refreshes and reads a conversation by id', async () => {
      const { store } = current();
      const record = conversation('a:1personal-alan', alanPearson.id, '2021-07-01T09:00:00.000Z');
      const first = await store.conversations.upsert(record);
      expect(first).toEqual({ value: record, etag: anEtag });
      expect(await store.conversations.get(record.id)).toEqual(first);

      const refreshed = { ...record, reference: { ...record.reference, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, updatedAt: '2021-07-02T09:00:00.000Z' };
      const second = await store.conversations.upsert(refreshed);
      expect(second.etag).not.toBe(first.etag);
      expect(await store.conversations.get(record.id)).toEqual({ value: refreshed, etag: second.etag });
      expect(await store.conversations.get('a:1unknown')).toBeUndefined();
    });

    it('removes a conversation only with its current ETag, and says when it changed or was gone', async () => {
      const { store } = current();
      const record = conversation('a:1personal-alan', alanPearson.id, '2021-07-01T09:00:00.000Z');
      const first = await store.conversations.upsert(record);
      const refreshed = await store.conversations.upsert({ ...record, updatedAt: '2021-07-02T09:00:00.000Z' });
      expect(await store.conversations.remove(first)).toBe(false);
      expect(await store.conversations.get(record.id)).toEqual(refreshed);
      expect(await store.conversations.remove(refreshed)).toBe(true);
      expect(await store.conversations.get(record.id)).toBeUndefined();
      expect(await store.conversations.listByMember(alanPearson.id)).toEqual([]);
      expect(await store.conversations.remove(refreshed)).toBe(false);
    });

    it("lists a member's conversations", async () => {
      const { store } = current();
      const personal = conversation('a:1personal-alan', alanPearson.id, '2021-07-01T09:00:00.000Z');
      const channel = { ...conversation('19:cabinet-channel@thread.tacv2', alanPearson.id, '2021-07-01T09:05:00.000Z'), kind: 'channel' as const, teamId: '19:cabinet-team@thread.tacv2' };
      const other = conversation('a:1personal-ronan', ronanHolmes.id, '2021-07-01T09:00:00.000Z');
      const anonymous = conversation('19:group@thread.v2', undefined, '2021-07-01T09:00:00.000Z');
      for (const c of [personal, channel, other, anonymous]) await store.conversations.upsert(c);
      const alans = await store.conversations.listByMember(alanPearson.id);
      expect([...alans].sort((a, b) => a.id.localeCompare(b.id))).toEqual([channel, personal].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await store.conversations.listByMember(sarahWhitcombe.id)).toEqual([]);
    });

    it("finds a Teams user's conversations by Entra object id (any case), and the team channels, and links one with its ETag", async () => {
      const { store } = current();
      const unlinked = { ...conversation('a:1personal-new', undefined, '2021-07-01T09:00:00.000Z'), aadObjectId: alanPearson.aadObjectId };
      const channel = { ...conversation('19:cabinet-channel@thread.tacv2', undefined, '2021-07-01T09:05:00.000Z'), kind: 'channel' as const, teamId: '19:cabinet-team@thread.tacv2' };
      const group = { ...conversation('19:group@thread.v2', undefined, '2021-07-01T09:00:00.000Z'), kind: 'groupChat' as const };
      const other = { ...conversation('a:1personal-ronan', ronanHolmes.id, '2021-07-01T09:00:00.000Z'), aadObjectId: ronanHolmes.aadObjectId };
      for (const c of [unlinked, channel, group, other]) await store.conversations.upsert(c);
      const found = await store.conversations.listByAadObjectId(alanPearson.aadObjectId!.toUpperCase());
      expect(found).toEqual([{ value: unlinked, etag: anEtag }]);
      expect(await store.conversations.listByAadObjectId('00000000-0000-4000-8000-000000000000')).toEqual([]);
      expect(await store.conversations.listTeamChannels()).toEqual([channel]);
      const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
      expect((await store.conversations.listPersonal()).sort(byId)).toEqual([unlinked, other].sort(byId));

      const linked = await store.conversations.replace({ ...unlinked, memberId: alanPearson.id }, found[0]!.etag);
      expect(await store.conversations.listByMember(alanPearson.id)).toEqual([linked.value]);
      await expectDomainError(store.conversations.replace({ ...unlinked, memberId: ronanHolmes.id }, found[0]!.etag), 'conflict');
    });

    it('marks a conversation unreachable, unless a later refresh says otherwise', async () => {
      const { store } = current();
      const record = conversation('a:1personal-alan', alanPearson.id, '2021-07-01T09:00:00.000Z');
      await store.conversations.upsert(record);
      await store.conversations.markUnreachable(record.id, '2021-07-05T10:00:00.000Z');
      expect((await store.conversations.get(record.id))?.value).toEqual({ ...record, reachable: false, updatedAt: '2021-07-05T10:00:00.000Z' });

      const reinstalled = { ...record, reachable: true, updatedAt: '2021-07-06T10:00:00.000Z' };
      await store.conversations.upsert(reinstalled);
      await store.conversations.markUnreachable(record.id, '2021-07-05T11:00:00.000Z'); // an older failure, reported late
      expect((await store.conversations.get(record.id))?.value).toEqual(reinstalled);

      await expectDomainError(store.conversations.markUnreachable('a:1unknown', '2021-07-05T10:00:00.000Z'), 'not-found');
    });
  });
};
