import { DeliveryStatus, type Delivery, type Notification } from '../../domain';
import type { NotificationStore } from '../port';
import { pageSizeOf } from './page-size';
import type { TypedDocuments } from './typed-documents';

export const notificationStore = (
  notifications: TypedDocuments<Notification>,
  deliveries: TypedDocuments<Delivery>,
): NotificationStore => ({
  create: (notification) => notifications.create(notification),
  get: (id) => notifications.get(id, id),
  replace: (notification, etag) => notifications.replace(notification, etag),
  // Cross-partition (one partition per notification), on the officer's request only, a page at a time.
  listRecent: (continuation, pageSize, filter = {}) =>
    notifications.page(
      {
        where: [
          ...(filter.committeeId !== undefined ? [{ path: 'data.committeeId', op: '=', value: filter.committeeId } as const] : []),
          ...(filter.agendaItemId !== undefined ? [{ path: 'data.subject.agendaItemId', op: '=', value: filter.agendaItemId } as const] : []),
          ...(filter.meetingId !== undefined ? [{ path: 'data.subject.meetingId', op: '=', value: filter.meetingId } as const] : []),
        ],
        orderBy: { path: 'ix.createdAtMs', direction: 'desc' },
      },
      continuation,
      pageSizeOf(pageSize),
    ),
  createDelivery: (delivery) => deliveries.create(delivery),
  createDeliveries: (batch) => deliveries.createMany(batch),
  replaceDeliveries: (batch) => deliveries.replaceMany(batch),
  getDelivery: (notificationId, key) => deliveries.get(notificationId, key),
  replaceDelivery: (delivery, etag) => deliveries.replace(delivery, etag),
  listDeliveries: (notificationId, continuation, pageSize) =>
    deliveries.page({ partitionKey: notificationId, orderBy: { path: 'id', direction: 'asc' } }, continuation, pageSizeOf(pageSize)),
  // One count per status, single-partition, answered from an index (documents_by_partition_and_status in SQLite): a report on a
  // notification to 2,000 costs seven small aggregates, not a read of 2,000 documents.
  countDeliveries: async (notificationId) =>
    Object.fromEntries(
      await Promise.all(
        DeliveryStatus.options.map(async (status) => [status, await deliveries.count({ partitionKey: notificationId, where: [{ path: 'data.status', op: '=', value: status }] })] as const),
      ),
    ) as Record<DeliveryStatus, number>,
  listDeliveriesWithStatus: (notificationId, status) =>
    deliveries.values({ partitionKey: notificationId, where: [{ path: 'data.status', op: '=', value: status }], orderBy: { path: 'id', direction: 'asc' } }),
  // Only waiting deliveries carry ix.dueAtMs, so this range reads what is left to do and nothing else.
  listWaitingDeliveries: (notificationId, until, limit) =>
    deliveries.query({
      partitionKey: notificationId,
      where: [{ path: 'ix.dueAtMs', op: '<=', value: until.getTime() }],
      orderBy: { path: 'ix.dueAtMs', direction: 'asc' },
      limit,
    }),
  listSentDeliveriesAbout: (subjectKey) =>
    deliveries.values({
      where: [
        { path: 'ix.subjectKeys', op: 'contains', value: subjectKey },
        { path: 'data.status', op: '=', value: 'sent' },
      ],
    }),
});
