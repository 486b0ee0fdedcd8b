import { ResolveField, Resolver } from '@nestjs/graphql';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { PassageObject, ReanchoredPassageObject } from '../dtos/passage.object';
import { ArticlesLoaders } from '../loaders/articles.loaders';

@Resolver(() => ReanchoredPassageObject)
export class ReanchoredPassageFieldsResolver {
  constructor(private readonly articles: ArticlesLoaders) {}

  @ResolveField(() => PassageObject)
  from(reanchored: ReanchoredPassageObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).passageByKey.load(reanchored.fromKey);
  }

  @ResolveField(() => PassageObject, { nullable: true, description: 'null when ORPHANED' })
  to(reanchored: ReanchoredPassageObject, _args: NoArgs, ctx: RequestContext) {
    return reanchored.toKey
      ? ctx.loaders.get(this.articles.key).passageByKey.load(reanchored.toKey)
      : null;
  }
}
