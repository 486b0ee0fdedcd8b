import { ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleObject, ArticlesLoaders, PassageObject } from '@claimtrace/articles';
import { AttributionObject, AttributionsLoaders } from '@claimtrace/attributions';
import { PeopleLoaders, PersonObject } from '@claimtrace/auth';
import { ClaimObject, ClaimsLoaders } from '@claimtrace/claims';
import { FieldArgs, NoArgs, RequestContext } from '@claimtrace/core';
import { SourceChangesArgs } from '../dtos/source-change.inputs';
import {
  PassageMoveObject,
  SourceChangeConnection,
  SourceChangeObject,
} from '../dtos/source-change.object';
import { CorrectionsLoaders } from '../loaders/corrections.loaders';
import { CorrectionsService } from '../services/corrections.service';

@Resolver(() => SourceChangeObject)
export class SourceChangeFieldsResolver {
  constructor(
    private readonly claims: ClaimsLoaders,
    private readonly attributions: AttributionsLoaders,
    private readonly articles: ArticlesLoaders,
    private readonly people: PeopleLoaders,
  ) {}

  @ResolveField(() => ClaimObject)
  claim(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).byKey.load(change.claimKey);
  }

  @ResolveField(() => AttributionObject, {
    nullable: true,
    description: 'null when the passage is evidence of a status change',
  })
  attribution(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return change.attributionKey
      ? ctx.loaders.get(this.attributions.key).byKey.load(change.attributionKey)
      : null;
  }

  @ResolveField(() => ArticleObject)
  fromArticle(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).byKey.load(change.fromArticleKey);
  }

  @ResolveField(() => ArticleObject)
  toArticle(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).byKey.load(change.toArticleKey);
  }

  @ResolveField(() => PassageObject, { description: 'the passage in the older version' })
  from(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.articles.key).passageByKey.load(change.fromPassageKey);
  }

  @ResolveField(() => PassageObject, {
    nullable: true,
    description: 'where the correction re-found it in the newer version; null when ORPHANED',
  })
  to(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return change.toPassageKey
      ? ctx.loaders.get(this.articles.key).passageByKey.load(change.toPassageKey)
      : null;
  }

  @ResolveField(() => PersonObject, {
    nullable: true,
    description:
      'the person who resolved it (null until resolved, or when resolved without a token)',
  })
  resolvedBy(change: SourceChangeObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, change.resolvedByKey);
  }
}

@Resolver(() => ClaimObject)
export class ClaimSourceChangesResolver {
  constructor(
    private readonly service: CorrectionsService,
    private readonly loaders: CorrectionsLoaders,
  ) {}

  @ResolveField(() => SourceChangeConnection, {
    description: 'what corrections of the articles behind this claim changed, newest first',
  })
  sourceChanges(claim: ClaimObject, @FieldArgs() args: SourceChangesArgs, ctx: RequestContext) {
    const query = this.service.query(args, null);
    return ctx.loaders.get(this.loaders.key).pageOfClaim.load({ key: claim.key, query });
  }
}

@Resolver(() => AttributionObject)
export class AttributionCorrectionsResolver {
  constructor(private readonly loaders: CorrectionsLoaders) {}

  @ResolveField(() => Boolean, {
    description:
      'true while a correction of its article left it without a confirmed passage (see sourceChanges)',
  })
  needsReview(attribution: AttributionObject, _args: NoArgs, ctx: RequestContext) {
    const loaders = ctx.loaders.get(this.loaders.key);
    const { key, asOf } = attribution;
    return asOf
      ? loaders.needsReviewAt.load({ key, asOf: asOf.toISOString() })
      : loaders.needsReview.load(key);
  }

  @ResolveField(() => [PassageMoveObject], {
    description: 'the passages it stood on before corrections moved it, oldest first',
  })
  passageHistory(attribution: AttributionObject, _args: NoArgs, ctx: RequestContext) {
    return this.loaders.passageHistory(attribution.key, ctx, attribution.asOf);
  }
}
