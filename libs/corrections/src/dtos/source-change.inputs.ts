import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { SourceChangeAction } from '@claimtrace/database';
import { PositionSelectorInput, QuoteSelectorInput } from '@claimtrace/attributions';

@ArgsType()
export class SourceChangesArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'false (the default for the queue): those awaiting review; true: resolved ones',
  })
  resolved?: boolean | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class ResolveSourceChangeInput {
  @Field(() => ID)
  sourceChangeId: string;

  @Field(() => SourceChangeAction)
  action: SourceChangeAction;

  @Field(() => QuoteSelectorInput, {
    nullable: true,
    description: 'for REANCHOR: the new words',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuoteSelectorInput)
  quote?: QuoteSelectorInput | null;

  @Field(() => PositionSelectorInput, {
    nullable: true,
    description: 'for REANCHOR: the new words by position',
  })
  @IsOptional()
  position?: PositionSelectorInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'reason must be at most 5000 characters long' })
  reason?: string | null;
}
