import type { DocumentCollection } from '../documents/document-collection';
import { REVISION_PATH, type DocumentKind } from './document-kind';

/**
 * Store.changeMarker(): the number of counted documents and the sum of their write revisions, from one aggregate
 * query. Every create adds 1 to the count and to the sum, every replace adds 1 to the sum, and nothing else writes
 * these kinds (the port has no delete), so the sum only ever grows: the marker differs after every write, however
 * close together the writes are and whichever instance (with whatever clock) made them. Compare for equality only.
 */
type CountedKind = Pick<DocumentKind<unknown>, 'type' | 'label' | 'container' | 'countsWrites'>;

export const changeMarker = (collection: DocumentCollection, kinds: readonly CountedKind[]): (() => Promise<string>) => {
  for (const kind of kinds) {
    if (!kind.countsWrites) throw new Error(`The ${kind.label} store does not count its writes`);
    if (kind.container !== collection.name) throw new Error(`The ${kind.label} store is not in container ${collection.name}`);
  }
  const types = kinds.map((k) => k.type);
  return async () => {
    const { count, sum } = await collection.tally(types, REVISION_PATH);
    return `${count}.${sum}`;
  };
};
