import type { Delivery, Notification } from '../../domain';
import type { NotificationStore } from '../port';
import type { TypedDocuments } from './typed-documents';

export const notificationStore = (
  notifications: TypedDocuments<Notification>,
  deliveries: TypedDocuments<Delivery>,
): NotificationStore => ({
  create: (notification) => notifications.create(notification),
  get: (id) => notifications.get(id, id),
  replace: (notification, etag) => notifications.replace(notification, etag),
  // Cross-partition (one partition per notification), polled by the scheduler; the status filter keeps it small.
  listDue: (now) =>
    notifications.values({
      where: [
        { path: 'data.status', op: '=', value: 'scheduled' },
        { path: 'ix.sendAtMs', op: '<=', value: now.getTime() },
      ],
      orderBy: { path: 'ix.sendAtMs', direction: 'asc' },
    }),
  createDelivery: (delivery) => deliveries.create(delivery),
  getDelivery: (notificationId, memberId) => deliveries.get(notificationId, memberId),
  replaceDelivery: (delivery, etag) => deliveries.replace(delivery, etag),
  listDeliveries: (notificationId) =>
    deliveries.values({ partitionKey: notificationId, orderBy: { path: 'id', direction: 'asc' } }),
});
