import type { Config } from '../../config';
import type { SearchIndex } from '../../services/search';
import type { Store } from '../../store/port';

/** What the officer API's routes are built from. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: Config;
  /** Imports update it at once, so officers and members find what was just imported. */
  readonly search: SearchIndex;
}
