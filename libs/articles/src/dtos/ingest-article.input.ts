import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar, LANGUAGE_MESSAGE, LANGUAGE_TAG } from '@claimtrace/core';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_URL_MAX } from '../url';

@InputType({
  description:
    'url: an absolute URI (http, https or urn). Without text, the server fetches url (http/https) and extracts the article and its metadata; given fields override what the page says.',
})
export class IngestArticleInput {
  @Field()
  @MaxLength(ARTICLE_URL_MAX, { message: `url must be at most ${ARTICLE_URL_MAX} characters long` })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: 'the page’s title when fetched; for pasted text, its first line when omitted',
  })
  @IsOptional()
  @Length(1, 1000, { message: 'title must be 1 to 1000 characters long' })
  title?: string | null;

  /** stored exactly as given; its size limit is ARTICLE_MAX_CHARS (checked by the service) */
  @Field(() => String, {
    nullable: true,
    description: 'the article’s text, stored exactly as given; omit it to fetch url',
  })
  @IsOptional()
  @MinLength(1, { message: 'text must not be empty' })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  publisherId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'publisherName must be 1 to 300 characters long' })
  publisherName?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'authorNames may hold at most 50 names' })
  @Length(1, 300, { each: true, message: 'each author name must be 1 to 300 characters long' })
  authorNames?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: LANGUAGE_MESSAGE })
  language?: string | null;
}
