import { Args, Query, Resolver } from '@nestjs/graphql';
import { SearchArgs, SearchHitObject } from '../dtos/search-hit.object';
import { SearchService } from '../services/search.service';

@Resolver(() => SearchHitObject)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [SearchHitObject], {
    description:
      'claims and passages ranked by full-text relevance (stemmed in each text’s language, then unstemmed and prefix matches); operators and quotes in `query` are plain text',
  })
  search(@Args() args: SearchArgs): Promise<SearchHitObject[]> {
    return this.service.search(args.query, args.first ?? null, Boolean(args.includeSuperseded));
  }
}
