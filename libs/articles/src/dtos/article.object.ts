import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, NodeInterface, toGlobalId, DateTimeScalar } from '@claimtrace/core';
import { ArticleRow } from '@claimtrace/database';
import type { ActorObject } from '@claimtrace/actors';
import { IngestOutcome } from './ingest-outcome';

registerEnumType(IngestOutcome, { name: 'IngestOutcome' });

/** An article's row without its text (texts are loaded only when asked for). */
export type ArticleRecord = Pick<
  ArticleRow,
  | 'id'
  | 'url'
  | 'title'
  | 'publisherId'
  | 'publishedAt'
  | 'language'
  | 'contentHash'
  | 'previousVersionId'
  | 'fetchedAt'
> &
  /** only selected where articles are paged (the page cursor); not in joins */
  Partial<Pick<ArticleRow, 'createdAt'>>;

@ObjectType('Article', { implements: () => [NodeInterface] })
export class ArticleObject implements NodeInterface {
  readonly __typename = 'Article';

  @Field(() => ID)
  id: string;

  key: string;

  @Field()
  url: string;

  @Field()
  title: string;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field()
  contentHash: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'when the server fetched the text from url (ingest by link); null for pasted text',
  })
  fetchedAt: Date | null;

  publisherKey: string | null;
  /** the publisher, when the statement that read the article joined it (else `publisher` loads it) */
  publisher?: ActorObject | null;
  previousVersionKey: string | null;
  createdAt?: Date;

  static from(record: ArticleRecord): ArticleObject {
    const article = new ArticleObject();
    article.id = toGlobalId('Article', record.id);
    article.key = record.id;
    article.url = record.url;
    article.title = record.title;
    article.publishedAt = record.publishedAt;
    article.language = record.language;
    article.contentHash = record.contentHash;
    article.fetchedAt = record.fetchedAt ?? null;
    article.publisherKey = record.publisherId;
    article.previousVersionKey = record.previousVersionId;
    article.createdAt = record.createdAt;
    return article;
  }
}

export const { Edge: ArticleEdge, Connection: ArticleConnection } = connectionTypes(
  ArticleObject,
  'Article',
  { totalCount: true },
);

@ObjectType('IngestArticlePayload')
export class IngestArticlePayload {
  @Field(() => ArticleObject)
  article: ArticleObject;

  @Field(() => IngestOutcome)
  outcome: IngestOutcome;
}
