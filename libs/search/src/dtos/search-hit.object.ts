import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ActorObject } from '@claimtrace/actors';
import { ClaimObject } from '@claimtrace/claims';
import { ArticleObject, PassageObject } from '@claimtrace/articles';

export enum SearchHitType {
  CLAIM = 'CLAIM',
  PASSAGE = 'PASSAGE',
  ARTICLE = 'ARTICLE',
  ACTOR = 'ACTOR',
}
registerEnumType(SearchHitType, {
  name: 'SearchHitType',
  description:
    'what a search hit is: a claim, a passage, an article (title and text) or an actor (name and aliases)',
});

@ObjectType('TextRange')
export class TextRangeObject {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('SearchHit', {
  description:
    'a claim, a passage, an article or an actor that matched; exactly one of claim, passage, article and actor is set. `highlights` are code-point ranges of `snippet` (0-based, end exclusive)',
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

  @Field(() => ArticleObject, { nullable: true, description: 'the newest version of the article' })
  article: ArticleObject | null;

  @Field(() => ActorObject, { nullable: true })
  actor: ActorObject | null;
}

@ArgsType()
export class SearchArgs {
  @Field()
  @MaxLength(500, { message: 'query must be at most 500 characters long' })
  query: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  first?: number | null;

  @Field(() => [SearchHitType], {
    nullable: true,
    description: 'the kinds of hits to find; all of them when omitted',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  types?: SearchHitType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'also find passages and articles of article versions a correction replaced',
  })
  @IsOptional()
  includeSuperseded?: boolean | null;
}
