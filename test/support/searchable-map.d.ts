/**
 * MiniSearch publishes its radix tree as the subpath `minisearch/SearchableMap` (package.json "exports"), which Node
 * and Jest resolve; TypeScript's node10 resolution reads no "exports", so this points it at the same types.
 */
declare module 'minisearch/SearchableMap' {
  import SearchableMap from 'minisearch/dist/es/SearchableMap';
  export default SearchableMap;
}
