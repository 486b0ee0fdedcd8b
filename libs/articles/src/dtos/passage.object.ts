import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, NodeInterface, toGlobalId } from '@claimtrace/core';
import { AnchorStatus, PassageRow, ReanchoredPassageRow } from '@claimtrace/database';
import { ArticleObject } from './article.object';

registerEnumType(AnchorStatus, { name: 'AnchorStatus' });

export type PassageRecord = Pick<
  PassageRow,
  'id' | 'articleId' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix'
>;

@ObjectType('Passage', { implements: () => [NodeInterface] })
export class PassageObject implements NodeInterface {
  readonly __typename = 'Passage';

  @Field(() => ID)
  id: string;

  key: string;
  articleKey: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field()
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;

  /** the article the passage is in (always loaded with the passage: one join, no extra query) */
  @Field(() => ArticleObject)
  article: ArticleObject;

  @Field(() => JSONScalar, {
    description: 'W3C Web Annotation selectors: [TextQuoteSelector, TextPositionSelector]',
  })
  get selectors(): unknown {
    return [
      { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix },
      { type: 'TextPositionSelector', start: this.start, end: this.end },
    ];
  }

  static from(record: PassageRecord, article: ArticleObject): PassageObject {
    const passage = new PassageObject();
    passage.article = article;
    passage.id = toGlobalId('Passage', record.id);
    passage.key = record.id;
    passage.articleKey = record.articleId;
    passage.start = record.start;
    passage.end = record.end;
    passage.exact = record.exact;
    passage.prefix = record.prefix;
    passage.suffix = record.suffix;
    return passage;
  }
}

export type ReanchoredRecord = Pick<
  ReanchoredPassageRow,
  'fromPassageId' | 'toPassageId' | 'status' | 'score' | 'reason'
>;

@ObjectType('ReanchoredPassage', {
  description: "A passage of an article's previous version, re-found in the new text (or not).",
})
export class ReanchoredPassageObject {
  fromKey: string;
  toKey: string | null;

  @Field(() => AnchorStatus)
  status: AnchorStatus;

  @Field(() => Float, { description: '1 for an exact match; lower for fuzzy; 0 when orphaned' })
  score: number;

  @Field(() => String, {
    nullable: true,
    description: 'why it was orphaned or matched fuzzily, in words',
  })
  reason: string | null;

  static from(record: ReanchoredRecord): ReanchoredPassageObject {
    const object = new ReanchoredPassageObject();
    object.fromKey = record.fromPassageId;
    object.toKey = record.toPassageId;
    object.status = record.status;
    object.score = record.score;
    object.reason = record.reason;
    return object;
  }
}
