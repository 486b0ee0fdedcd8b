import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@claimtrace/core';
import type { CompleteIngestInput } from '../services/article-reader.service';

@ObjectType('ArticlePreview', {
  description:
    'what ingestArticle would store for the same input, read but not stored: the page fetched and its article extracted when text is omitted',
})
export class ArticlePreviewObject {
  @Field({
    description:
      'the URL it would be stored under (the page’s canonical URL on its own site, else the URL fetched)',
  })
  url: string;

  @Field()
  title: string;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  publisherName: string | null;

  @Field(() => [String])
  authorNames: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  fetchedAt: Date | null;

  static from(input: CompleteIngestInput): ArticlePreviewObject {
    const preview = new ArticlePreviewObject();
    preview.url = input.url;
    preview.title = input.title;
    preview.text = input.text;
    preview.publisherName = input.publisherName ?? null;
    preview.authorNames = input.authorNames ?? [];
    preview.publishedAt = input.publishedAt ?? null;
    preview.language = input.language ?? null;
    preview.fetchedAt = input.fetchedAt;
    return preview;
  }
}
