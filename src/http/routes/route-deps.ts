import type { Config } from '../../config';
import type { PageReader } from '../../services/page-reader';
import type { SearchIndex } from '../../services/search';
import type { Store } from '../../store/port';

/** What the officer API's routes are built from. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: Config;
  /** Imports update it at once, so officers and members find what was just imported. */
  readonly search: SearchIndex;
  /** Reads imported pages off the event loop, within the configured time budget. */
  readonly pages: PageReader;
}
