import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActorObject, ActorsLoaders } from '@claimtrace/actors';
import { ArticlesLoaders, PassageObject } from '@claimtrace/articles';
import { PeopleLoaders, PersonObject } from '@claimtrace/auth';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { ChecklistItemObject } from '../dtos/claim-desk.dto';
import { ClaimEventObject } from '@claimtrace/events';
import { ClaimObject, ClaimRelationObject, StatusChangeObject } from '../dtos/claim.object';
import { ReviewObject } from '../dtos/review.object';
import { ClaimsLoaders } from '../loaders/claims.loaders';
import { ClaimDeskService } from '../services/claim-desk.service';

@Resolver(() => ClaimObject)
export class ClaimFieldsResolver {
  constructor(
    private readonly claims: ClaimsLoaders,
    private readonly people: PeopleLoaders,
    private readonly desk: ClaimDeskService,
  ) {}

  @ResolveField(() => PersonObject, { nullable: true })
  assignee(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, claim.assigneeKey);
  }

  @ResolveField(() => [ChecklistItemObject], {
    description: "the deployment's checklist (CHECKLIST), with what is done on this claim",
  })
  async checklist(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    return this.desk.checklist(await ctx.loaders.get(this.claims.key).ticks.load(claim.key));
  }

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

  @ResolveField(() => [ReviewObject], {
    description: 'oldest first; drafts (no url or publishedAt yet) only with a token',
  })
  async reviews(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    const reviews = await ctx.loaders.get(this.claims.key).reviews.load(claim.key);
    return ctx.principal ? reviews : reviews.filter((review) => review.published);
  }
}

@Resolver(() => StatusChangeObject)
export class StatusChangeFieldsResolver {
  constructor(
    private readonly articles: ArticlesLoaders,
    private readonly people: PeopleLoaders,
  ) {}

  @ResolveField(() => PersonObject, { nullable: true, description: 'who changed it' })
  person(change: StatusChangeObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, change.personKey);
  }

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
  constructor(
    private readonly claims: ClaimsLoaders,
    private readonly people: PeopleLoaders,
  ) {}

  @ResolveField(() => PersonObject, { nullable: true, description: 'who made the change' })
  person(event: ClaimEventObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, event.personKey);
  }

  @ResolveField(() => ClaimObject, { nullable: true, description: 'the claim, as it is now' })
  claim(event: ClaimEventObject, _args: NoArgs, ctx: RequestContext) {
    return event.claimKey ? ctx.loaders.get(this.claims.key).byKey.load(event.claimKey) : null;
  }
}

@Resolver(() => ChecklistItemObject)
export class ChecklistItemFieldsResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => PersonObject, { nullable: true })
  doneBy(item: ChecklistItemObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, item.doneByKey);
  }
}
