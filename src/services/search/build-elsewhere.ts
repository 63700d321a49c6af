import type { AgendaItem, Decision, Meeting } from '../../domain';
import { SearchCorpus, type KnownCommittee } from './search-corpus';
import type { SearchProfile } from './search-document';
import { serialiseCorpus } from './search-snapshot';

/** What a build elsewhere starts from: the meetings that date the items, the committees, what to index. */
export interface BuildSettings {
  readonly meetings: readonly Pick<Meeting, 'id' | 'startsAt' | 'status'>[];
  readonly committees: readonly KnownCommittee[];
  readonly profile?: SearchProfile;
}

/**
 * The port for building the corpus away from the bot's own heap (the running bot's adapter is a child process,
 * src/search-build-process/). It is given the store's pages as SearchIndex reads them, and answers the built corpus
 * serialised (serialiseCorpus's bytes): the index loads them with deserialiseCorpus and keeps them as the snapshot.
 *
 * Why elsewhere: indexing 20,000 items with their minutes makes some hundreds of MB of short-lived objects, and the
 * allocator keeps much of that memory after the build whether it is garbage or not (docs/BENCHMARKS.md): wherever the
 * build ran, that memory should go when it is over.
 *
 * Aborting the signal stops the build at once: the promise rejects, saying so. Any other end of the build before
 * it answered (a crash, running out of memory) rejects with what is known of why.
 */
export type BuildCorpusElsewhere = (
  itemPages: AsyncIterable<readonly AgendaItem[]>,
  decisionPages: AsyncIterable<readonly Decision[]>,
  settings: BuildSettings,
  signal: AbortSignal,
) => Promise<Uint8Array>;

/** The far side of a build elsewhere: pages in, in order (items, then decisions), then the serialised corpus. */
export interface CorpusBuild {
  addItems(records: readonly AgendaItem[]): void;
  addDecisions(records: readonly Decision[]): void;
  /** Ends the build; the build takes no more pages after it. */
  finish(): Uint8Array;
}

export const startCorpusBuild = (settings: BuildSettings): CorpusBuild => {
  const corpus = SearchCorpus.loading(settings);
  return {
    addItems: (records) => records.forEach((item) => corpus.upsertItem(item)),
    addDecisions: (records) => records.forEach((decision) => corpus.upsertDecision(decision)),
    finish: () => {
      corpus.finishLoading();
      return serialiseCorpus(corpus);
    },
  };
};
