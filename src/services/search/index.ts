export { SearchIndex, DEFAULT_REFRESH_INTERVAL_MS, type SearchIndexOptions, type SearchSource } from './search-index';
export { SearchCorpus, type SearchOptions, type SearchResult } from './search-corpus';
export { mayFind, type Asker, type SearchDocument } from './search-document';
export { acronymsOf } from './acronyms';
export { stem } from './stem';
