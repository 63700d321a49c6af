import type { Config } from '../../config';
import type { ExemptViews } from '../../services/audit/exempt-views';
import type { NotificationDeps } from '../../services/notifications/notification-deps';
import type { RenderMessage } from '../../services/notifications/outgoing-message';
import type { PageReader } from '../../services/page-reader';
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
  /** Reads imported pages off the event loop, within the configured time budget. */
  readonly pages: PageReader;
  /** Records exempt records read through the API (the audit log). */
  readonly views: ExemptViews;
  /** Draws an outgoing message as the outbox sends it (the Teams adapter's, wired in app.ts): a push's preview. */
  readonly renderMessage: RenderMessage;
}
