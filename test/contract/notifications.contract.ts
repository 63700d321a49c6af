import { alanPearson, delivery, notification, ronanHolmes, sarahWhitcombe } from './council-fixtures';
import { anEtag, expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

export const describeNotifications = (current: CurrentStore): void => {
  describe('notifications and deliveries', () => {
    const now = new Date('2021-07-06T10:00:00.000Z');
    const dueEarly = notification({ id: 'n-agenda-published', sendAt: '2021-07-06T09:00:00.000Z' });
    const dueNow = notification({ id: 'n-reminder', kind: 'reminder', sendAt: '2021-07-06T11:00:00+01:00' }); // 10:00Z exactly
    const future = notification({ id: 'n-digest', kind: 'meeting-digest', sendAt: '2021-07-13T08:00:00.000Z' });
    const sent = notification({ id: 'n-sent', sendAt: '2021-07-05T09:00:00.000Z', status: 'sent' });
    const cancelled = notification({ id: 'n-cancelled', sendAt: '2021-07-05T09:00:00.000Z', status: 'cancelled' });

    it('creates once, reads and replaces a notification', async () => {
      const { store } = current();
      const created = await store.notifications.create(dueEarly);
      expect(created).toEqual({ created: true, record: { value: dueEarly, etag: anEtag } });
      expect(await store.notifications.create({ ...dueEarly, kind: 'reminder' })).toEqual({ created: false, existing: { value: dueEarly, etag: anEtag } });
      expect(await store.notifications.get(dueEarly.id)).toEqual({ value: dueEarly, etag: anEtag });
      expect(await store.notifications.get('n-none')).toBeUndefined();
      const sending = { ...dueEarly, status: 'sending' as const };
      const replaced = await store.notifications.replace(sending, created.created ? created.record.etag : '');
      expect(await store.notifications.get(dueEarly.id)).toEqual({ value: sending, etag: replaced.etag });
      await expectDomainError(store.notifications.replace(dueEarly, created.created ? created.record.etag : ''), 'conflict');
    });

    it('lists scheduled notifications whose time has come, earliest first', async () => {
      const { store } = current();
      for (const n of [future, dueNow, sent, dueEarly, cancelled]) await store.notifications.create(n);
      expect(await store.notifications.listDue(now)).toEqual([dueEarly, dueNow]);
      expect(await store.notifications.listDue(new Date('2021-07-06T08:59:59.999Z'))).toEqual([]);
      expect(await store.notifications.listDue(new Date('2021-08-01T00:00:00.000Z'))).toEqual([dueEarly, dueNow, future]);
    });

    it('records one delivery per recipient and updates it only with the current ETag', async () => {
      const { store } = current();
      await store.notifications.create(dueEarly);
      const toAlan = delivery(dueEarly.id, alanPearson.id);
      const created = await store.notifications.createDelivery(toAlan);
      expect(created).toEqual({ created: true, record: { value: toAlan, etag: anEtag } });
      expect(await store.notifications.createDelivery({ ...toAlan, status: 'sent' })).toEqual({ created: false, existing: { value: toAlan, etag: anEtag } });
      expect(await store.notifications.getDelivery(dueEarly.id, alanPearson.id)).toEqual({ value: toAlan, etag: anEtag });
      expect(await store.notifications.getDelivery(dueEarly.id, ronanHolmes.id)).toBeUndefined();

      const etag = created.created ? created.record.etag : '';
      const done = { ...toAlan, status: 'sent' as const, attempts: 1, activityId: '1:1a2b3c', updatedAt: '2021-07-06T09:00:02.000Z' };
      const replaced = await store.notifications.replaceDelivery(done, etag);
      // Another instance that picked up the same delivery with the old ETag must not overwrite "sent".
      const retry = { ...toAlan, status: 'failed' as const, attempts: 1, lastError: '429 Too Many Requests', updatedAt: '2021-07-06T09:00:03.000Z' };
      await expectDomainError(store.notifications.replaceDelivery(retry, etag), 'conflict');
      expect(await store.notifications.getDelivery(dueEarly.id, alanPearson.id)).toEqual({ value: done, etag: replaced.etag });
      await expectDomainError(store.notifications.replaceDelivery(delivery(dueEarly.id, 'cllr-nobody'), etag), 'not-found');
    });

    it('lists the deliveries of one notification', async () => {
      const { store } = current();
      for (const n of [dueEarly, dueNow]) await store.notifications.create(n);
      const deliveries = [sarahWhitcombe, alanPearson, ronanHolmes].map((m) => delivery(dueEarly.id, m.id));
      for (const d of deliveries) await store.notifications.createDelivery(d);
      await store.notifications.createDelivery(delivery(dueNow.id, alanPearson.id));
      expect(await store.notifications.listDeliveries(dueEarly.id)).toEqual(
        [...deliveries].sort((a, b) => a.memberId.localeCompare(b.memberId)),
      );
      expect(await store.notifications.listDeliveries('n-none')).toEqual([]);
    });
  });
};
