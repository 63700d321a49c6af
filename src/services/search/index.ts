export { SearchIndex, DEFAULT_REFRESH_INTERVAL_MS, type SearchIndexOptions, type SearchSource } from './search-index';
export { SearchCorpus, type AskContext, type KnownCommittee, type MeetingListing, type ResultListing, type SearchAnswer, type SearchOptions, type SearchResult, type Suggestions } from './search-corpus';
export { passageFor, passageSourcesOf, type Passage, type PassageField, type PassageRun } from './passage';
export { mayFind, type Asker, type DocumentFacts, type RecordListing, type SearchProfile } from './search-document';
export { describeFilters, type Question, type QuestionFilters } from './question';
export { acronymsOf } from './acronyms';
export { stem } from './stem';
export { decodeSnapshot, deserialiseCorpus, encodeSnapshot, serialiseCorpus, type MarkedCorpus, type SnapshotStore } from './search-snapshot';
export { startCorpusBuild, type BuildCorpusElsewhere, type BuildSettings, type CorpusBuild } from './build-elsewhere';
