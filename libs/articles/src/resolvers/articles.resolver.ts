import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@claimtrace/core';
import { ArticleConnection, ArticleObject, IngestArticlePayload } from '../dtos/article.object';
import { ArticlePreviewObject } from '../dtos/article-preview.object';
import { ArticlesArgs } from '../dtos/articles.args';
import { IngestArticleInput } from '../dtos/ingest-article.input';
import { ArticlesService } from '../services/articles.service';
import { Roles } from '@claimtrace/auth';

@Resolver(() => ArticleObject)
export class ArticlesResolver {
  constructor(private readonly service: ArticlesService) {}

  @Query(() => ArticleObject, { nullable: true })
  article(@Args('id', { type: () => ID }) id: string): Promise<ArticleObject> {
    return this.service.get(id);
  }

  @Query(() => ArticleConnection)
  articles(@Args() args: ArticlesArgs) {
    return this.service.page(args);
  }

  @Roles('EDITOR')
  @Query(() => ArticlePreviewObject, {
    description:
      'reads an article as ingestArticle would (fetching url when text is omitted) without storing anything: to check a page before ingesting it',
  })
  articlePreview(@Args('input') input: IngestArticleInput): Promise<ArticlePreviewObject> {
    return this.service.preview(input);
  }

  @Roles('EDITOR')
  @Mutation(() => IngestArticlePayload)
  ingestArticle(
    @Args('input') input: IngestArticleInput,
    @Context() ctx: RequestContext,
  ): Promise<IngestArticlePayload> {
    return this.service.ingest(input, ctx.principal);
  }
}
