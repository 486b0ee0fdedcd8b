import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LANGUAGE_MESSAGE, LANGUAGE_TAG, LANGUAGE_TAG_MAX_LENGTH } from '@claimtrace/core';
import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ClaimRelationKind, ClaimStatus } from '@claimtrace/database';

const TAG_MESSAGE = 'each tag must be 1 to 64 characters long';

@InputType()
export class CreateClaimInput {
  @Field()
  @Length(1, 2000, { message: 'text must be 1 to 2000 characters long' })
  text: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'a claim may have at most 50 tags' })
  @Length(1, 64, { each: true, message: TAG_MESSAGE })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LANGUAGE_TAG_MAX_LENGTH, {
    message: `language must be at most ${LANGUAGE_TAG_MAX_LENGTH} characters long`,
  })
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'create even when similarClaims finds a likely duplicate (otherwise CONFLICT naming it)',
  })
  @IsOptional()
  allowDuplicate?: boolean | null;
}

@InputType()
export class UpdateClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: 'text must be 1 to 2000 characters long' })
  text?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'a claim may have at most 50 tags' })
  @Length(1, 64, { each: true, message: TAG_MESSAGE })
  tags?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'expectedVersion starts at 1' })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'why a new text keeps a reviewed status (CORROBORATED, CONFIRMED, REFUTED); without it the claim goes back to UNVERIFIED for review',
  })
  @IsOptional()
  @MaxLength(5000, { message: 'rationale must be at most 5000 characters long' })
  rationale?: string | null;
}

@InputType()
export class ChangeClaimStatusInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field()
  @MinLength(1, { message: 'rationale must not be empty: say why the status changes' })
  @MaxLength(5000, { message: 'rationale must be at most 5000 characters long' })
  rationale: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'expectedVersion starts at 1' })
  expectedVersion?: number | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'at most 100 evidence passages' })
  evidencePassageIds?: string[] | null;
}

@InputType()
export class LinkClaimsInput {
  @Field(() => ID)
  fromId: string;

  @Field(() => ID)
  toId: string;

  @Field(() => ClaimRelationKind)
  relation: ClaimRelationKind;
}
