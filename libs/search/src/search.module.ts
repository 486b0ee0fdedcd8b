import { Module } from '@nestjs/common';
import { ArticlesModule } from '@claimtrace/articles';
import { SearchRepository } from './repositories/search.repository';
import { SearchResolver } from './resolvers/search.resolver';
import { SearchService } from './services/search.service';

/** `search(query, first)`: ranked full-text search over claims and passages. */
@Module({
  imports: [ArticlesModule],
  providers: [SearchRepository, SearchService, SearchResolver],
  exports: [SearchService],
})
export class SearchModule {}
