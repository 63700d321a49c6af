import type { Store } from '../../store/port';

/** The roster use cases need the members and the committees they sit on, nothing else. */
export type RosterDeps = Pick<Store, 'members' | 'committees'>;
