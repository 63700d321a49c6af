import { claimDelivery, DEFAULT_RETRY_POLICY, deliveryAfterAttempt, type Delivery, type DueWork } from '../../src/domain';
import { alanPearson, andrewCotton, delivery, notification, ronanHolmes, sarahWhitcombe } from './council-fixtures';
import { anEtag, expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

export const describeNotifications = (current: CurrentStore): void => {
  describe('notifications and deliveries (the outbox)', () => {
    const pushed = notification({ id: 'n-agenda-published', sendAt: '2021-07-06T09:00:00.000Z' });

    it('creates once, reads and replaces a notification only with the current ETag', async () => {
      const { store } = current();
      const created = await store.notifications.create(pushed);
      expect(created).toEqual({ created: true, record: { value: pushed, etag: anEtag } });
      expect(await store.notifications.create({ ...pushed, kind: 'reminder' })).toEqual({ created: false, existing: { value: pushed, etag: anEtag } });
      expect(await store.notifications.get(pushed.id)).toEqual({ value: pushed, etag: anEtag });
      expect(await store.notifications.get('n-none')).toBeUndefined();
      const sending = { ...pushed, status: 'sending' as const, prepared: true, recipientCount: 3 };
      const replaced = await store.notifications.replace(sending, created.created ? created.record.etag : '');
      expect(await store.notifications.get(pushed.id)).toEqual({ value: sending, etag: replaced.etag });
      await expectDomainError(store.notifications.replace(pushed, created.created ? created.record.etag : ''), 'conflict');
    });

    it('refuses a notification that is not valid, storing nothing', async () => {
      const { store } = current();
      await expectDomainError(store.notifications.create({ ...pushed, message: 'x'.repeat(501) }), 'invalid');
      expect(await store.notifications.get(pushed.id)).toBeUndefined();
    });

    it('lists notifications newest first, a page at a time, across notifications', async () => {
      const { store } = current();
      const made = Array.from({ length: 7 }, (_, i) =>
        notification({ id: `n-${i}`, sendAt: '2021-07-06T09:00:00.000Z', createdAt: new Date(Date.UTC(2021, 6, 1 + i, 9)).toISOString() }),
      );
      for (const n of [made[3], made[0], made[6], made[1], made[5], made[2], made[4]]) await store.notifications.create(n!);
      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await store.notifications.listRecent(continuation, 3);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((n) => n.id));
        continuation = page.continuation;
        pages += 1;
      } while (continuation !== undefined && pages < 10);
      expect(seen).toEqual(['n-6', 'n-5', 'n-4', 'n-3', 'n-2', 'n-1', 'n-0']);
    });

    it('lists only a committee\'s notifications, or those about an item or a meeting, newest first, a page at a time', async () => {
      const { store } = current();
      const at = (day: number) => new Date(Date.UTC(2021, 6, day, 9)).toISOString();
      const made = [
        notification({ id: 'n-item-a-1', sendAt: at(1), createdAt: at(1), subject: { agendaItemId: 'item-a', meetingId: 'meeting-x' } }),
        notification({ id: 'n-digest-x', kind: 'meeting-digest', sendAt: at(2), createdAt: at(2), subject: { meetingId: 'meeting-x' } }),
        notification({ id: 'n-item-b', sendAt: at(3), createdAt: at(3), subject: { agendaItemId: 'item-b', meetingId: 'meeting-y' } }),
        notification({ id: 'n-item-a-2', kind: 'reminder', sendAt: at(4), createdAt: at(4), subject: { agendaItemId: 'item-a', meetingId: 'meeting-x' } }),
        notification({ id: 'n-council', committeeId: 'full-council', sendAt: at(5), createdAt: at(5), subject: { agendaItemId: 'item-c', meetingId: 'meeting-z' } }),
      ];
      for (const n of made) await store.notifications.create(n);
      const all = async (filter: Parameters<typeof store.notifications.listRecent>[2]) => {
        const seen: string[] = [];
        let continuation: string | undefined;
        do {
          const page = await store.notifications.listRecent(continuation, 1, filter);
          expect(page.items.length).toBeLessThanOrEqual(1);
          seen.push(...page.items.map((n) => n.id));
          continuation = page.continuation;
        } while (continuation !== undefined && seen.length < 10);
        return seen;
      };
      expect(await all({ agendaItemId: 'item-a' })).toEqual(['n-item-a-2', 'n-item-a-1']);
      expect(await all({ meetingId: 'meeting-x' })).toEqual(['n-item-a-2', 'n-digest-x', 'n-item-a-1']);
      expect(await all({ committeeId: 'full-council' })).toEqual(['n-council']);
      expect(await all({ committeeId: 'cabinet', meetingId: 'meeting-y' })).toEqual(['n-item-b']);
      expect(await all({ agendaItemId: 'item-none' })).toEqual([]);
    });

    it('records one delivery per recipient key and replaces it only with the current ETag', async () => {
      const { store } = current();
      await store.notifications.create(pushed);
      const toAlan = delivery(pushed.id, alanPearson);
      const created = await store.notifications.createDelivery(toAlan);
      expect(created).toEqual({ created: true, record: { value: toAlan, etag: anEtag } });
      expect(await store.notifications.createDelivery({ ...toAlan, status: 'sent' })).toEqual({ created: false, existing: { value: toAlan, etag: anEtag } });
      expect(await store.notifications.getDelivery(pushed.id, alanPearson.id)).toEqual({ value: toAlan, etag: anEtag });
      expect(await store.notifications.getDelivery(pushed.id, ronanHolmes.id)).toBeUndefined();

      const etag = created.created ? created.record.etag : '';
      const now = new Date('2021-07-06T09:10:01.000Z');
      const claimed = claimDelivery(toAlan, now, DEFAULT_RETRY_POLICY);
      const afterClaim = await store.notifications.replaceDelivery(claimed, etag);
      // A second sender holding the old ETag cannot claim it again: one claim, one send.
      await expectDomainError(store.notifications.replaceDelivery(claimDelivery(toAlan, now, DEFAULT_RETRY_POLICY), etag), 'conflict');
      const sent = deliveryAfterAttempt(claimed, { kind: 'sent', activityId: '1:1a2b3c' }, new Date('2021-07-06T09:10:02.000Z'), DEFAULT_RETRY_POLICY, 0.5);
      const afterSend = await store.notifications.replaceDelivery(sent, afterClaim.etag);
      expect(await store.notifications.getDelivery(pushed.id, alanPearson.id)).toEqual({ value: sent, etag: afterSend.etag });
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, activityId: '1:1a2b3c', sentAt: '2021-07-06T09:10:02.000Z' });
      expect(sent.dueAt).toBeUndefined();
      await expectDomainError(store.notifications.replaceDelivery(delivery(pushed.id, { id: 'cllr-nobody', name: 'Nobody' }), etag), 'not-found');
    });

    it('records and replaces many deliveries at once, each with its own outcome: a repeat answers the first, a stale ETag is refused alone', async () => {
      const { store } = current();
      await store.notifications.create(pushed);
      const earlier = delivery(pushed.id, alanPearson);
      await store.notifications.createDelivery(earlier);
      const batch = [sarahWhitcombe, alanPearson, ronanHolmes].map((m) => delivery(pushed.id, m, { dueAt: '2021-07-06T09:05:00.000Z' }));
      const created = await store.notifications.createDeliveries(batch);
      expect(created.map((c) => c.created)).toEqual([true, false, true]);
      expect(created[1]).toEqual({ created: false, existing: { value: earlier, etag: anEtag } });
      expect(await store.notifications.createDeliveries([])).toEqual([]);

      const [sarah, alan, ronan] = await Promise.all(batch.map((d) => store.notifications.getDelivery(pushed.id, d.key)));
      const now = new Date('2021-07-06T09:10:00.000Z');
      const claims = await store.notifications.replaceDeliveries([
        { value: claimDelivery(sarah!.value, now, DEFAULT_RETRY_POLICY), etag: sarah!.etag },
        { value: claimDelivery(alan!.value, now, DEFAULT_RETRY_POLICY), etag: 'stale-etag' },
        { value: claimDelivery(ronan!.value, now, DEFAULT_RETRY_POLICY), etag: ronan!.etag },
        { value: claimDelivery(delivery(pushed.id, andrewCotton, { dueAt: '2021-07-06T09:05:00.000Z' }), now, DEFAULT_RETRY_POLICY), etag: 'none' },
      ]);
      expect(claims[0]).toEqual({ value: expect.objectContaining({ key: sarahWhitcombe.id, status: 'sending' }), etag: anEtag });
      expect(claims[1]).toMatchObject({ code: 'conflict' });
      expect(claims[2]).toEqual({ value: expect.objectContaining({ key: ronanHolmes.id, status: 'sending' }), etag: anEtag });
      expect(claims[3]).toMatchObject({ code: 'not-found' });
      expect((await store.notifications.getDelivery(pushed.id, alanPearson.id))?.value.status).toBe('pending');
      expect((await store.notifications.getDelivery(pushed.id, sarahWhitcombe.id))?.etag).toBe((claims[0] as { etag: string }).etag);
    });

    it('lists the deliveries of one notification by key, a page at a time', async () => {
      const { store } = current();
      const other = notification({ id: 'n-other', sendAt: '2021-07-06T09:00:00.000Z' });
      for (const n of [pushed, other]) await store.notifications.create(n);
      const deliveries = [sarahWhitcombe, alanPearson, ronanHolmes, andrewCotton].map((m) => delivery(pushed.id, m));
      for (const d of deliveries) await store.notifications.createDelivery(d);
      await store.notifications.createDelivery(delivery(other.id, alanPearson));
      const first = await store.notifications.listDeliveries(pushed.id, undefined, 3);
      expect(first.items).toHaveLength(3);
      expect(first.continuation).toEqual(expect.any(String));
      const second = await store.notifications.listDeliveries(pushed.id, first.continuation, 3);
      expect([...first.items, ...second.items]).toEqual([...deliveries].sort((a, b) => a.key.localeCompare(b.key)));
      expect(second.continuation).toBeUndefined();
      expect((await store.notifications.listDeliveries('n-none')).items).toEqual([]);
    });

    it('finds only waiting deliveries that are due, earliest first, never the final ones', async () => {
      const { store } = current();
      await store.notifications.create(pushed);
      const at = (minute: number) => `2021-07-06T09:${String(minute).padStart(2, '0')}:00.000Z`;
      const waiting: Delivery[] = [
        delivery(pushed.id, alanPearson, { dueAt: at(12) }),
        delivery(pushed.id, ronanHolmes, { dueAt: at(10) }),
        // claimed by a sender whose lease runs out at 09:11: due again after that
        delivery(pushed.id, andrewCotton, { status: 'sending', attempts: 1, dueAt: at(11) }),
      ];
      const finished: Delivery[] = [
        { ...delivery(pushed.id, sarahWhitcombe), status: 'sent', dueAt: undefined, attempts: 1, activityId: 'a1', sentAt: at(5) },
        { ...delivery(pushed.id, { id: 'cllr-blocked', name: 'Cllr Blocked' }), status: 'blocked', dueAt: undefined, attempts: 1 },
      ];
      for (const d of [...finished, ...waiting]) await store.notifications.createDelivery(d);
      const ids = async (until: string, limit = 10) =>
        (await store.notifications.listWaitingDeliveries(pushed.id, new Date(until), limit)).map((v) => v.value.key);
      expect(await ids(at(9))).toEqual([]);
      expect(await ids(at(11))).toEqual([ronanHolmes.id, andrewCotton.id]);
      expect(await ids('2099-01-01T00:00:00.000Z')).toEqual([ronanHolmes.id, andrewCotton.id, alanPearson.id]);
      expect(await ids('2099-01-01T00:00:00.000Z', 1)).toEqual([ronanHolmes.id]);
      const [first] = await store.notifications.listWaitingDeliveries(pushed.id, new Date(at(10)), 1);
      expect(first).toEqual({ value: waiting[1], etag: anEtag });
    });

    it('counts one notification\'s deliveries by status without reading them, and lists those in one status', async () => {
      const { store } = current();
      const other = notification({ id: 'n-other', sendAt: '2021-07-06T09:00:00.000Z' });
      for (const n of [pushed, other]) await store.notifications.create(n);
      const sent = (m: typeof alanPearson): Delivery => ({ ...delivery(pushed.id, m), status: 'sent', dueAt: undefined, attempts: 1, activityId: `act-${m.id}`, sentAt: '2021-07-06T09:10:05.000Z' });
      const blocked: Delivery = { ...delivery(pushed.id, { id: 'cllr-blocked', name: 'Cllr Blocked' }), status: 'blocked', dueAt: undefined, attempts: 1 };
      for (const d of [sent(alanPearson), sent(ronanHolmes), blocked, delivery(pushed.id, sarahWhitcombe), delivery(pushed.id, andrewCotton, { status: 'sending', attempts: 1 })]) {
        await store.notifications.createDelivery(d);
      }
      await store.notifications.createDelivery({ ...delivery(other.id, alanPearson), status: 'blocked', dueAt: undefined, attempts: 1 });
      expect(await store.notifications.countDeliveries(pushed.id)).toEqual({ pending: 1, sending: 1, sent: 2, failed: 0, blocked: 1, unreachable: 0, cancelled: 0 });
      expect(await store.notifications.countDeliveries('n-none')).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, unreachable: 0, cancelled: 0 });
      expect(await store.notifications.listDeliveriesWithStatus(pushed.id, 'blocked')).toEqual([blocked]);
      expect((await store.notifications.listDeliveriesWithStatus(pushed.id, 'sent')).map((d) => d.key)).toEqual([alanPearson.id, ronanHolmes.id].sort());
      expect(await store.notifications.listDeliveriesWithStatus(pushed.id, 'failed')).toEqual([]);
    });

    it("finds sent cards about a subject across notifications, for redrawing them when it changes", async () => {
      const { store } = current();
      const digest = notification({ id: 'n-digest', kind: 'meeting-digest', sendAt: '2021-07-06T09:00:00.000Z' });
      for (const n of [pushed, digest]) await store.notifications.create(n);
      const sentCard = (n: string, m: typeof alanPearson, keys: string[], activityId: string): Delivery => ({
        ...delivery(n, m, { subjectKeys: keys }), status: 'sent', dueAt: undefined, attempts: 1, activityId, conversationId: `a:chat-${m.id}`, sentAt: '2021-07-06T09:10:05.000Z',
      });
      const a = sentCard(pushed.id, alanPearson, ['item:ai-1'], 'act-1');
      const b = sentCard(digest.id, ronanHolmes, ['meeting:m-1', 'item:ai-1', 'item:ai-2'], 'act-2');
      const c = sentCard(digest.id, alanPearson, ['meeting:m-1', 'item:ai-2'], 'act-3');
      const pending = delivery(digest.id, sarahWhitcombe, { subjectKeys: ['meeting:m-1', 'item:ai-1'] });
      for (const d of [a, b, c, pending]) await store.notifications.createDelivery(d);
      const about = async (key: string) => (await store.notifications.listSentDeliveriesAbout(key)).map((d) => d.activityId).sort();
      expect(await about('item:ai-1')).toEqual(['act-1', 'act-2']);
      expect(await about('meeting:m-1')).toEqual(['act-2', 'act-3']);
      expect(await about('item:ai-9')).toEqual([]);
    });
  });

  describe('due work', () => {
    const work = (id: string, dueAt: string, overrides: Partial<DueWork> = {}): DueWork => ({
      id, kind: 'notification', notificationId: id.replace(/^notification-/, ''), dueAt, failures: 0, updatedAt: '2021-07-06T09:00:00.000Z', ...overrides,
    });

    it('creates once, lists the earliest first, replaces and removes only with the current ETag', async () => {
      const { store } = current();
      const later = work('notification-n-2', '2021-07-06T12:00:00.000Z');
      const sooner = work('notification-n-1', '2021-07-06T09:30:00.000Z');
      const sweep = work('overdue-actions-sweep', '2021-07-07T08:00:00.000Z', { kind: 'overdue-actions-sweep', notificationId: undefined });
      for (const w of [later, sweep, sooner]) expect((await store.dueWork.create(w)).created).toBe(true);
      expect((await store.dueWork.create({ ...sooner, dueAt: '2021-07-06T09:00:00.000Z' })).created).toBe(false);
      expect((await store.dueWork.listEarliest(10)).map((w) => w.value.id)).toEqual([sooner.id, later.id, sweep.id]);
      expect((await store.dueWork.listEarliest(1)).map((w) => w.value.id)).toEqual([sooner.id]);

      const read = await store.dueWork.get(sooner.id);
      expect(read).toEqual({ value: sooner, etag: anEtag });
      const moved = await store.dueWork.replace({ ...sooner, dueAt: '2021-07-06T13:00:00.000Z' }, read!.etag);
      await expectDomainError(store.dueWork.replace(sooner, read!.etag), 'conflict');
      expect((await store.dueWork.listEarliest(10)).map((w) => w.value.id)).toEqual([later.id, sooner.id, sweep.id]);

      expect(await store.dueWork.remove(read!)).toBe(false); // changed since it was read
      expect(await store.dueWork.remove({ value: moved.value, etag: moved.etag })).toBe(true);
      expect(await store.dueWork.remove({ value: moved.value, etag: moved.etag })).toBe(false); // already gone
      expect(await store.dueWork.get(sooner.id)).toBeUndefined();
      expect((await store.dueWork.listEarliest(10)).map((w) => w.value.id)).toEqual([later.id, sweep.id]);
    });
  });

  describe('leases', () => {
    const t0 = new Date('2021-07-06T09:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);

    it('has one holder at a time; the holder renews it; it passes on when it expires or is released', async () => {
      const { store } = current();
      const first = await store.leases.acquire('sender', 'instance-a', t0, 10_000);
      if (!first.acquired) throw new Error('expected the free lease to be taken');
      expect(first.lease.value).toEqual({ name: 'sender', holder: 'instance-a', acquiredAt: t0.toISOString(), expiresAt: at(10_000).toISOString() });
      expect(await store.leases.acquire('sender', 'instance-b', at(5_000), 10_000)).toEqual({ acquired: false, current: first.lease.value });

      const renewed = await store.leases.renew(first.lease, at(6_000), 10_000);
      expect(renewed?.value.expiresAt).toBe(at(16_000).toISOString());
      expect(await store.leases.acquire('sender', 'instance-b', at(12_000), 10_000)).toMatchObject({ acquired: false });
      // renewing with the stale ETag is refused: it is no longer that version
      expect(await store.leases.renew(first.lease, at(7_000), 10_000)).toBeUndefined();

      // a holder that stops renewing loses it once it expires
      const taken = await store.leases.acquire('sender', 'instance-b', at(16_001), 10_000);
      expect(taken).toMatchObject({ acquired: true, lease: { value: { holder: 'instance-b' } } });
      expect(await store.leases.renew(renewed!, at(16_500), 10_000)).toBeUndefined();
      expect(await store.leases.get('sender')).toMatchObject({ holder: 'instance-b' });

      if (!taken.acquired) throw new Error('unreachable');
      await store.leases.release(taken.lease, at(17_000));
      expect(await store.leases.acquire('sender', 'instance-a', at(17_001), 10_000)).toMatchObject({ acquired: true });
      expect(await store.leases.get('none')).toBeUndefined();
    });

    it('gives a free lease to exactly one of many instances racing for it', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).leases.acquire('sync', `instance-${i}`, t0, 10_000)),
      );
      const winners = attempts.filter((a) => a.acquired);
      expect(winners).toHaveLength(1);
      const holder = winners[0]!.acquired ? winners[0]!.lease.value.holder : '';
      for (const a of attempts) if (!a.acquired) expect(a.current.holder).toBe(holder);
    });
  });
};
