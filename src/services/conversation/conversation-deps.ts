import type { ExemptViews } from '../audit/exempt-views';
import type { SearchIndex } from '../search';
import type { Store } from '../../store/port';

/** What the conversation use cases need: the store, the search index and a clock (tests fix the date). */
export interface ConversationDeps {
  readonly store: Store;
  readonly search: SearchIndex;
  readonly now: () => Date;
  /** Records who was shown exempt business (the audit log). */
  readonly views: ExemptViews;
}

/**
 * Made once: building an Intl.DateTimeFormat (time-zone data, locale) cost more than the rest of a status turn's date
 * work put together (6 % of the bot's CPU in the status benchmark's profile when it was made per call).
 */
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in London (yyyy-mm-dd): council business runs on UK calendar days. */
export const londonToday = (now: Date): string => LONDON_DAY.format(now);
