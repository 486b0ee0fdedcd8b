import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, NodeInterface, toGlobalId } from '@claimtrace/core';
import { ReviewRow } from '@claimtrace/database';

export type ReviewRecord = Pick<
  ReviewRow,
  | 'id'
  | 'claimId'
  | 'rating'
  | 'ratingValue'
  | 'bestRating'
  | 'worstRating'
  | 'reviewerId'
  | 'summary'
  | 'url'
  | 'publishedAt'
  | 'inLanguage'
  | 'retractedAt'
  | 'retractedReason'
>;

@ObjectType('Review', {
  implements: () => [NodeInterface],
  description:
    "rating is the rating's name (ClaimReview reviewRating.alternateName); a retracted review stays in history and leaves the public feed. Published (in the ClaimReview feed) once it has url and publishedAt.",
})
export class ReviewObject implements NodeInterface {
  readonly __typename = 'Review';

  @Field(() => ID)
  id: string;

  key: string;
  claimKey: string;
  reviewerKey: string;

  @Field()
  rating: string;

  @Field(() => Float, { nullable: true })
  ratingValue: number | null;

  @Field(() => Float, { nullable: true })
  bestRating: number | null;

  @Field(() => Float, { nullable: true })
  worstRating: number | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'where the review is published' })
  url: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 tag of the review' })
  inLanguage: string | null;

  @Field()
  retracted: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  retractedAt: Date | null;

  /** has url and publishedAt: out in the ClaimReview feed (unless retracted), and publicly read */
  get published(): boolean {
    return this.url !== null && this.publishedAt !== null;
  }

  @Field(() => String, { nullable: true })
  retractedReason: string | null;

  static from(record: ReviewRecord): ReviewObject {
    const review = new ReviewObject();
    review.id = toGlobalId('Review', record.id);
    review.key = record.id;
    review.claimKey = record.claimId;
    review.reviewerKey = record.reviewerId;
    review.rating = record.rating;
    review.ratingValue = record.ratingValue;
    review.bestRating = record.bestRating;
    review.worstRating = record.worstRating;
    review.summary = record.summary;
    review.url = record.url;
    review.publishedAt = record.publishedAt;
    review.inLanguage = record.inLanguage;
    review.retracted = record.retractedAt !== null;
    review.retractedAt = record.retractedAt;
    review.retractedReason = record.retractedReason;
    return review;
  }
}
