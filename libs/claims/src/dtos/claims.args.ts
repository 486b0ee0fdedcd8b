import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar, LANGUAGE_MESSAGE, LANGUAGE_TAG } from '@claimtrace/core';
import { Type } from 'class-transformer';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ClaimStatus, Stance } from '@claimtrace/database';

export enum ClaimOrder {
  FIRST_SEEN_DESC = 'FIRST_SEEN_DESC',
  UPDATED_DESC = 'UPDATED_DESC',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ClaimOrder, { name: 'ClaimOrder' });

@InputType({
  description:
    'filters combine with AND; actorId and stance must hold on the same attribution; since/until bound firstSeenAt',
})
export class ClaimFilter {
  @Field(() => [ClaimStatus], { nullable: true })
  status?: ClaimStatus[] | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => Stance, { nullable: true })
  stance?: Stance | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64, { message: 'tag must be at most 64 characters long' })
  tag?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'full-text search, as in `search(query)`; with orderBy RELEVANCE, best first',
  })
  @IsOptional()
  @MaxLength(500, { message: 'search must be at most 500 characters long' })
  search?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  until?: Date | null;

  @Field(() => ID, { nullable: true, description: 'claims assigned to this person' })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only claims assigned to nobody' })
  unassigned?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'claims due before this time' })
  dueBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'claims in this language (its primary subtag: `es` also finds `es-AR`)',
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'claims with unresolved source changes (true), or without any (false): see sourceChanges',
  })
  needsReview?: boolean | null;
}

@ArgsType()
export class ClaimsArgs {
  @Field(() => ClaimFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilter)
  filter?: ClaimFilter | null;

  @Field(() => ClaimOrder, { nullable: true })
  orderBy?: ClaimOrder | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
