import type { QuietHours } from '../../domain';
import type { Store } from '../../store/port';

/** What the notification use cases need. */
export interface NotificationDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** Non-urgent notifications wait for the end of quiet hours (QUIET_HOURS); undefined when there are none. */
  readonly quietHours?: QuietHours;
  /**
   * Tells this instance's sender that work was written, so it starts at once instead of at its next poll. Other
   * instances (and the bot, when the CLI writes) see the work at their next poll.
   */
  readonly wake?: () => void;
}
