import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { LANGUAGE_MESSAGE, LANGUAGE_TAG } from '@claimtrace/core';
import { ClaimObject } from './claim.object';

@ObjectType('SimilarClaim', {
  description:
    'a current claim like the text asked about; score 1 is the same words once case, accents, punctuation and order are set aside',
})
export class SimilarClaimObject {
  @Field(() => ClaimObject)
  claim: ClaimObject;

  @Field(() => Float)
  score: number;
}

@ArgsType()
export class SimilarClaimsArgs {
  @Field()
  @Length(1, 2000, { message: 'text must be 1 to 2000 characters long' })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: 'the text’s language: claims in another language are left out',
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string | null;

  @Field(() => Int, { nullable: true, description: 'at most this many, best first (default 5)' })
  @IsOptional()
  first?: number | null;
}
