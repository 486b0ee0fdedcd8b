import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar, PageArgs } from '@claimtrace/core';
import { Type } from 'class-transformer';
import { IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Stance } from '@claimtrace/database';

@InputType()
export class QuoteSelectorInput {
  @Field()
  @MinLength(1, { message: 'quote.exact must not be empty' })
  @MaxLength(10_000, { message: 'quote.exact must be at most 10000 characters long' })
  exact: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'quote.prefix must be at most 1000 characters long' })
  prefix?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'quote.suffix must be at most 1000 characters long' })
  suffix?: string | null;
}

@InputType()
export class PositionSelectorInput {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@InputType()
export class AttributeClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID)
  actorId: string;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => ID)
  articleId: string;

  @Field(() => QuoteSelectorInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuoteSelectorInput)
  quote?: QuoteSelectorInput | null;

  @Field(() => PositionSelectorInput, { nullable: true })
  @IsOptional()
  position?: PositionSelectorInput | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  reportedViaId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  statedAt?: Date | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'confidence must be between 0 and 1' })
  @Max(1, { message: 'confidence must be between 0 and 1' })
  confidence?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'the claim version the editor saw; another is a CONFLICT with extensions.currentVersion',
  })
  @IsOptional()
  @Min(1, { message: 'expectedVersion starts at 1' })
  expectedVersion?: number | null;
}

@InputType()
export class RemoveAttributionInput {
  @Field(() => ID)
  attributionId: string;

  @Field()
  @MinLength(1, { message: 'reason must not be empty: say why the attribution is removed' })
  @MaxLength(5000, { message: 'reason must be at most 5000 characters long' })
  reason: string;
}

@ArgsType()
export class AttributionsArgs extends PageArgs {
  @Field(() => Stance, { nullable: true })
  stance?: Stance | null;
}
