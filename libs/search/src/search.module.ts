import { Module } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { SearchRepository } from './repositories/search.repository';
import { SearchResolver } from './resolvers/search.resolver';
import { SearchService } from './services/search.service';

/** `search(query, first, types)`: ranked full-text search over claims, passages, articles and actors. */
@Module({
  imports: [ArticlesModule, ActorsModule],
  providers: [SearchRepository, SearchService, SearchResolver],
  exports: [SearchService],
})
export class SearchModule {}
