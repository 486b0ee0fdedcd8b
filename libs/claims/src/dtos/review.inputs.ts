import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  DateTimeScalar,
  LANGUAGE_TAG,
  LANGUAGE_TAG_EXAMPLES,
  LANGUAGE_TAG_MAX_LENGTH,
} from '@claimtrace/core';
import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { REVIEW_URL_MAX_LENGTH } from '../reviews/review-url';

const LANGUAGE_MESSAGE = `inLanguage must be a BCP 47 language tag such as ${LANGUAGE_TAG_EXAMPLES}`;

/** The fields a review is made of, as addReview and updateReview take them. */
@InputType({ isAbstract: true })
class ReviewFields {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-1e6)
  @Max(1e6)
  ratingValue?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-1e6)
  @Max(1e6)
  bestRating?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-1e6)
  @Max(1e6)
  worstRating?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'summary must be at most 10000 characters long' })
  summary?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'where the review is published: an absolute http(s) URL, or a path taken relative to PUBLIC_BASE_URL; never this machine nor a private network (localhost, 10.0.0.1)',
  })
  @IsOptional()
  @MaxLength(REVIEW_URL_MAX_LENGTH, {
    message: `url must be at most ${REVIEW_URL_MAX_LENGTH} characters long`,
  })
  url?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'when the review was published: not in the future (leave it out until then)',
  })
  @IsOptional()
  publishedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "BCP 47 tag of the review; addReview takes the claim's language when omitted",
  })
  @IsOptional()
  @MaxLength(LANGUAGE_TAG_MAX_LENGTH, {
    message: `inLanguage must be at most ${LANGUAGE_TAG_MAX_LENGTH} characters long`,
  })
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  inLanguage?: string | null;
}

@InputType({
  description:
    'A review is published (in the ClaimReview feed) once it has url and publishedAt; before, it is a draft.',
})
export class AddReviewInput extends ReviewFields {
  @Field(() => ID)
  claimId: string;

  @Field()
  @Length(1, 200, { message: 'rating must be 1 to 200 characters long' })
  rating: string;

  @Field(() => ID)
  reviewerId: string;
}

@InputType({
  description: 'omitted fields stay as they are; null clears a field (rating excepted)',
})
export class UpdateReviewInput extends ReviewFields {
  @Field(() => ID)
  reviewId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'rating must be 1 to 200 characters long' })
  rating?: string | null;
}

@InputType()
export class RetractReviewInput {
  @Field(() => ID)
  reviewId: string;

  @Field()
  @Length(1, 2000, { message: 'reason must be 1 to 2000 characters long' })
  reason: string;
}
