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

/** Today's date in London (yyyy-mm-dd): council business runs on UK calendar days. */
export const londonToday = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
