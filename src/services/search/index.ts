export { SearchIndex, DEFAULT_REFRESH_INTERVAL_MS, type SearchIndexOptions, type SearchSource } from './search-index';
export { SearchCorpus, type AskContext, type SearchAnswer, type SearchOptions, type SearchResult, type Suggestions } from './search-corpus';
export { mayFind, type Asker, type SearchProfile } from './search-document';
export { describeFilters, type Question, type QuestionFilters } from './question';
export { acronymsOf } from './acronyms';
export { stem } from './stem';
