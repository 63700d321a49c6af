import type { Notification } from '../../domain';
import type { NotificationFilter, Page, Store } from '../../store/port';

/** Notifications newest first, a page at a time (continuation, never offsets), of a committee or about an item or meeting when asked. */
export const listNotifications = (store: Store, continuation: string | undefined, pageSize: number, filter: NotificationFilter = {}): Promise<Page<Notification>> =>
  store.notifications.listRecent(continuation, pageSize, filter);
