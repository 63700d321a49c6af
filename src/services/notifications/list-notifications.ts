import type { Notification } from '../../domain';
import type { Page, Store } from '../../store/port';

/** Notifications newest first, a page at a time (continuation, never offsets). */
export const listNotifications = (store: Store, continuation: string | undefined, pageSize: number): Promise<Page<Notification>> =>
  store.notifications.listRecent(continuation, pageSize);
