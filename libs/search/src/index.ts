export * from './search.module';
export * from './dtos/search-hit.object';
export * from './services/search.service';
export * from './snippets/snippet';
export * from './repositories/search.repository';
export * from './repositories/search.sql';
