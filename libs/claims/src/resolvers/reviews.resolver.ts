import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@claimtrace/auth';
import { RequestContext } from '@claimtrace/core';
import { AddReviewInput, RetractReviewInput, UpdateReviewInput } from '../dtos/review.inputs';
import { ReviewObject } from '../dtos/review.object';
import { ReviewsService } from '../services/reviews.service';

@Resolver(() => ReviewObject)
export class ReviewsResolver {
  constructor(private readonly service: ReviewsService) {}

  @Roles('EDITOR')
  @Mutation(() => ReviewObject)
  addReview(@Args('input') input: AddReviewInput, @Context() ctx: RequestContext) {
    return this.service.add(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ReviewObject, {
    description: 'omitted fields stay; logged as REVIEW_UPDATED with what changed',
  })
  updateReview(@Args('input') input: UpdateReviewInput, @Context() ctx: RequestContext) {
    return this.service.update(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ReviewObject, {
    description:
      'leaves the ClaimReview feed for good and stays in history; logged as REVIEW_RETRACTED',
  })
  retractReview(@Args('input') input: RetractReviewInput, @Context() ctx: RequestContext) {
    return this.service.retract(input, ctx.principal);
  }
}
