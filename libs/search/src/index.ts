export * from './search.module';
export * from './dtos/search-hit.object';
export * from './services/search.service';
export * from './snippets/snippet';
// the search's cost bound, which the search tests pin
export { PROBE_ROWS } from './repositories/search.sql';
