import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ClaimObject } from '@claimtrace/claims';
import { PassageObject } from '@claimtrace/articles';

@ObjectType('TextRange')
export class TextRangeObject {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('SearchHit', {
  description:
    'a claim or a passage that matched; exactly one of claim and passage is set. `highlights` are code-point ranges of `snippet` (0-based, end exclusive)',
})
export class SearchHitObject {
  @Field(() => Float)
  score: number;

  @Field()
  snippet: string;

  @Field(() => [TextRangeObject])
  highlights: TextRangeObject[];

  @Field(() => ClaimObject, { nullable: true })
  claim: ClaimObject | null;

  @Field(() => PassageObject, { nullable: true })
  passage: PassageObject | null;
}

@ArgsType()
export class SearchArgs {
  @Field()
  @MaxLength(500, { message: 'query must be at most 500 characters long' })
  query: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  first?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'also find passages of article versions a correction replaced',
  })
  @IsOptional()
  includeSuperseded?: boolean | null;
}
