import type { Config } from '../../config';
import type { Store } from '../../store/port';

/** What the officer API's routes are built from. */
export interface RouteDeps {
  readonly store: Store;
  readonly config: Config;
}
