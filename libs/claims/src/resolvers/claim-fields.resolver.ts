import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActorObject, ActorsLoaders } from '@claimtrace/actors';
import { ArticlesLoaders, PassageObject } from '@claimtrace/articles';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { ClaimEventObject } from '@claimtrace/events';
import { ClaimObject, ClaimRelationObject, StatusChangeObject } from '../dtos/claim.object';
import { ReviewObject } from '../dtos/review.object';
import { ClaimsLoaders } from '../loaders/claims.loaders';

@Resolver(() => ClaimObject)
export class ClaimFieldsResolver {
  constructor(private readonly claims: ClaimsLoaders) {}

  @ResolveField(() => ClaimObject, {
    nullable: true,
    description: 'set when this claim was merged into another',
  })
  mergedInto(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return claim.mergedIntoKey
      ? ctx.loaders.get(this.claims.key).byKey.load(claim.mergedIntoKey)
      : null;
  }

  @ResolveField(() => [StatusChangeObject])
  statusHistory(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).statusHistory.load(claim.key);
  }

  @ResolveField(() => [ClaimRelationObject])
  relations(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).relations.load(claim.key);
  }

  @ResolveField(() => [ReviewObject])
  reviews(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).reviews.load(claim.key);
  }
}

@Resolver(() => StatusChangeObject)
export class StatusChangeFieldsResolver {
  constructor(private readonly articles: ArticlesLoaders) {}

  @ResolveField(() => [PassageObject])
  async evidence(change: StatusChangeObject, _args: NoArgs, ctx: RequestContext) {
    const passages = await ctx.loaders
      .get(this.articles.key)
      .passageByKey.loadMany(change.evidenceKeys);
    return passages.filter((p): p is PassageObject => p instanceof PassageObject);
  }
}

@Resolver(() => ClaimRelationObject)
export class ClaimRelationFieldsResolver {
  constructor(private readonly claims: ClaimsLoaders) {}

  @ResolveField(() => ClaimObject)
  from(relation: ClaimRelationObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).byKey.load(relation.fromKey);
  }

  @ResolveField(() => ClaimObject)
  to(relation: ClaimRelationObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).byKey.load(relation.toKey);
  }
}

@Resolver(() => ReviewObject)
export class ReviewFieldsResolver {
  constructor(private readonly actors: ActorsLoaders) {}

  @ResolveField(() => ActorObject)
  reviewer(review: ReviewObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.actors.key).byKey.load(review.reviewerKey);
  }
}

@Resolver(() => ClaimEventObject)
export class ClaimEventFieldsResolver {
  constructor(private readonly claims: ClaimsLoaders) {}

  @ResolveField(() => ClaimObject, { nullable: true, description: 'the claim, as it is now' })
  claim(event: ClaimEventObject, _args: NoArgs, ctx: RequestContext) {
    return event.claimKey ? ctx.loaders.get(this.claims.key).byKey.load(event.claimKey) : null;
  }
}
