import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActorObject, ActorsLoaders } from '@claimtrace/actors';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { ArticleObject } from '../dtos/article.object';
import { SuggestedAttributionObject } from '../dtos/suggested-attribution.object';
import { PassageObject, ReanchoredPassageObject } from '../dtos/passage.object';
import { ArticlesLoaders } from '../loaders/articles.loaders';

@Resolver(() => ArticleObject)
export class ArticleFieldsResolver {
  constructor(
    private readonly articles: ArticlesLoaders,
    private readonly actors: ActorsLoaders,
  ) {}

  @ResolveField(() => String)
  async text(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return (await ctx.loaders.get(this.articles.key).textByKey.load(article.key)) ?? '';
  }

  @ResolveField(() => ActorObject, { nullable: true })
  publisher(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    // joined by the attribution statements; loaded where the article was read alone
    if (article.publisher !== undefined) return article.publisher;
    return article.publisherKey
      ? ctx.loaders.get(this.actors.key).byKey.load(article.publisherKey)
      : null;
  }

  @ResolveField(() => [ActorObject])
  authors(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).authorsOf.load(article.key);
  }

  @ResolveField(() => [PassageObject])
  passages(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).passagesOf.load(article.key);
  }

  @ResolveField(() => [SuggestedAttributionObject], {
    description: 'attributions the extractor finds in the text: who said what, with which stance',
  })
  async suggestedAttributions(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    const found = await ctx.loaders.get(this.articles.key).suggestionsOf.load(article.key);
    return found.map(SuggestedAttributionObject.from);
  }

  @ResolveField(() => ArticleObject, {
    nullable: true,
    description: 'the version this one replaced (same URL, different text)',
  })
  previousVersion(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return article.previousVersionKey
      ? ctx.loaders.get(this.articles.key).byKey.load(article.previousVersionKey)
      : null;
  }

  @ResolveField(() => ArticleObject, {
    nullable: true,
    description: 'the version that replaced this one, if any',
  })
  async nextVersion(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    const versions = await this.versionsOf(article, ctx);
    return versions[versions.findIndex((v) => v.key === article.key) + 1] ?? null;
  }

  @ResolveField(() => ArticleObject, {
    description: 'the newest version of this article (itself when none replaced it)',
  })
  async latestVersion(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    const versions = await this.versionsOf(article, ctx);
    return versions[versions.length - 1] ?? article;
  }

  @ResolveField(() => [ArticleObject], {
    description: 'every version of this article, oldest first',
  })
  versions(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return this.versionsOf(article, ctx);
  }

  @ResolveField(() => Boolean, { description: 'true when a newer version replaced this one' })
  async superseded(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    const versions = await this.versionsOf(article, ctx);
    return versions.length > 0 && versions[versions.length - 1].key !== article.key;
  }

  private versionsOf(article: ArticleObject, ctx: RequestContext): Promise<ArticleObject[]> {
    return ctx.loaders.get(this.articles.key).versionsOf.load(article.url);
  }

  @ResolveField(() => [ReanchoredPassageObject], {
    description: 'how each passage of the previous version was carried over to this one',
  })
  reanchoredPassages(article: ArticleObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).reanchoredOf.load(article.key);
  }
}

@Resolver(() => SuggestedAttributionObject)
export class SuggestedAttributionFieldsResolver {
  constructor(private readonly actors: ActorsLoaders) {}

  @ResolveField(() => ActorObject, {
    nullable: true,
    description: 'the existing actor the source most likely is (by name or alias, fuzzily)',
  })
  actor(suggestion: SuggestedAttributionObject, _args: NoArgs, ctx: RequestContext) {
    return suggestion.sourceName
      ? ctx.loaders.get(this.actors.key).byName.load(suggestion.sourceName)
      : null;
  }
}
