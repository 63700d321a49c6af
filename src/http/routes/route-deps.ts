import type { Config } from '../../config';
import type { NotificationDeps } from '../../services/notifications/notification-deps';
import type { SearchIndex } from '../../services/search';
import type { Store } from '../../store/port';

/** What the officer API's routes are built from. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: Config;
  /** Imports update it at once, so officers and members find what was just imported. */
  readonly search: SearchIndex;
  /** Pushes wake this instance's sender, so they start at once. */
  readonly notifications: NotificationDeps;
}
