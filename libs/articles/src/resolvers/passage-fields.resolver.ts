import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@claimtrace/core';
import { PassageObject, ReanchoredPassageObject } from '../dtos/passage.object';
import { ArticlesLoaders } from '../loaders/articles.loaders';

@Resolver(() => ReanchoredPassageObject)
export class ReanchoredPassageFieldsResolver {
  constructor(private readonly articles: ArticlesLoaders) {}

  @ResolveField(() => PassageObject)
  from(@Parent() reanchored: ReanchoredPassageObject, @Context() ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).passageByKey.load(reanchored.fromKey);
  }

  @ResolveField(() => PassageObject, { nullable: true, description: 'null when ORPHANED' })
  to(@Parent() reanchored: ReanchoredPassageObject, @Context() ctx: RequestContext) {
    return reanchored.toKey
      ? ctx.loaders.get(this.articles.key).passageByKey.load(reanchored.toKey)
      : null;
  }
}
