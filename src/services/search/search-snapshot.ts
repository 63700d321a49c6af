import { deserialize, serialize } from 'node:v8';
import { SearchCorpus, type CorpusSnapshot } from './search-corpus';

/**
 * Where a built index is kept between runs, so that a restart loads it (about a second at 20,000 items) instead of
 * reading and indexing every record again (about ten). The bytes are opaque: encodeSnapshot and decodeSnapshot.
 */
export interface SnapshotStore {
  /** The bytes last written, or undefined when there are none. */
  read(): Promise<Uint8Array | undefined>;
  /**
   * Replaces the snapshot with these parts, one after the other: the next read answers them as one. In parts so
   * that the corpus's tens of MB are written as they are, never copied behind a header.
   */
  write(parts: readonly Uint8Array[]): Promise<void>;
}

/** A corpus and the store's change marker it reflects: it is current only while the marker has not moved. */
export interface MarkedCorpus {
  readonly marker: string;
  readonly corpus: SearchCorpus;
}

/**
 * The corpus in V8's own serialisation (it keeps typed arrays, Maps and Sets as they are, and is the fastest Node
 * has); a build elsewhere (build-elsewhere.ts) makes these bytes there, so that making them costs the bot nothing.
 */
export const serialiseCorpus = (corpus: SearchCorpus): Uint8Array => serialize(corpus.snapshot());

export const deserialiseCorpus = (bytes: Uint8Array): SearchCorpus => SearchCorpus.fromSnapshot(deserialize(bytes) as CorpusSnapshot);

/**
 * A snapshot: the marker's length (4 bytes, little-endian), the marker (UTF-8), then the serialised corpus. As two
 * parts, header and corpus, for SnapshotStore.write: the corpus is not copied.
 */
export const encodeSnapshot = (marker: string, corpus: Uint8Array): readonly Uint8Array[] => {
  const label = Buffer.from(marker, 'utf8');
  const header = Buffer.allocUnsafe(4 + label.length);
  header.writeUInt32LE(label.length, 0);
  label.copy(header, 4);
  return [header, corpus];
};

/** Undefined for bytes that are not a snapshot of this version (an older release's, a damaged file): rebuild then. */
export const decodeSnapshot = (bytes: Uint8Array): MarkedCorpus | undefined => {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = buffer.readUInt32LE(0);
    if (4 + length > buffer.length) return undefined;
    return { marker: buffer.toString('utf8', 4, 4 + length), corpus: deserialiseCorpus(buffer.subarray(4 + length)) };
  } catch {
    return undefined;
  }
};
