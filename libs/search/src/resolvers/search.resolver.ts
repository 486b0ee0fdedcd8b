import { Args, Query, Resolver } from '@nestjs/graphql';
import { SearchArgs, SearchHitObject } from '../dtos/search-hit.object';
import { SearchService } from '../services/search.service';

@Resolver(() => SearchHitObject)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [SearchHitObject], {
    description:
      'claims, passages, articles (title and text, newest version) and actors (name and aliases) ranked by full-text relevance (stemmed in each text’s language, then unstemmed and prefix matches); `types` narrows the kinds; operators and quotes in `query` are plain text',
  })
  search(@Args() args: SearchArgs): Promise<SearchHitObject[]> {
    return this.service.search(
      args.query,
      args.first ?? null,
      args.types ?? null,
      Boolean(args.includeSuperseded),
    );
  }
}
