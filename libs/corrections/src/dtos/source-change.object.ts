import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PassageObject } from '@claimtrace/articles';
import { connectionTypes, DateTimeScalar, NodeInterface, toGlobalId } from '@claimtrace/core';
import { AnchorStatus, SourceChangeAction, SourceChangeRow } from '@claimtrace/database';

registerEnumType(SourceChangeAction, {
  name: 'SourceChangeAction',
  description: 'what an editor did with a source change',
});

export type SourceChangeRecord = Pick<
  SourceChangeRow,
  | 'id'
  | 'claimId'
  | 'attributionId'
  | 'statusChangeId'
  | 'fromArticleId'
  | 'toArticleId'
  | 'fromPassageId'
  | 'toPassageId'
  | 'status'
  | 'score'
  | 'reason'
  | 'needsReview'
  | 'at'
  | 'movedToPassageId'
  | 'movedAt'
  | 'resolution'
  | 'resolvedAt'
  | 'resolvedById'
  | 'resolvedReason'
>;

@ObjectType('SourceChange', {
  implements: () => [NodeInterface],
  description:
    'what a correction of an article did to one attribution or evidence passage of a claim',
})
export class SourceChangeObject implements NodeInterface {
  readonly __typename = 'SourceChange';

  @Field(() => ID)
  id: string;

  key: string;
  claimKey: string;
  attributionKey: string | null;
  statusChangeKey: string | null;
  fromArticleKey: string;
  toArticleKey: string;
  fromPassageKey: string;
  toPassageKey: string | null;
  /** where the attribution or evidence stands now because of this change (null: it did not move) */
  movedToPassageKey: string | null;
  movedAt: Date | null;
  needsReview: boolean;
  /** the person who resolved it (see `resolvedBy`) */
  resolvedByKey: string | null;

  @Field(() => AnchorStatus)
  status: AnchorStatus;

  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => DateTimeScalar, { description: 'when the correction was ingested' })
  at: Date;

  @Field({
    description:
      'true once an editor confirmed, re-anchored or removed it, or when it needed no review',
  })
  resolved: boolean;

  @Field(() => SourceChangeAction, { nullable: true })
  resolution: SourceChangeAction | null;

  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: "the editor's reason, when given" })
  resolvedReason: string | null;

  static from(record: SourceChangeRecord): SourceChangeObject {
    const change = new SourceChangeObject();
    change.id = toGlobalId('SourceChange', record.id);
    change.key = record.id;
    change.claimKey = record.claimId;
    change.attributionKey = record.attributionId;
    change.statusChangeKey = record.statusChangeId;
    change.fromArticleKey = record.fromArticleId;
    change.toArticleKey = record.toArticleId;
    change.fromPassageKey = record.fromPassageId;
    change.toPassageKey = record.toPassageId;
    change.movedToPassageKey = record.movedToPassageId;
    change.movedAt = record.movedAt;
    change.needsReview = record.needsReview;
    change.status = record.status;
    change.score = record.score;
    change.reason = record.reason;
    change.at = record.at;
    change.resolution = record.resolution;
    change.resolvedAt = record.resolvedAt;
    change.resolvedByKey = record.resolvedById;
    change.resolvedReason = record.resolvedReason;
    change.resolved = !record.needsReview || record.resolution !== null;
    return change;
  }
}

export const { Edge: SourceChangeEdge, Connection: SourceChangeConnection } = connectionTypes(
  SourceChangeObject,
  'SourceChange',
  { totalCount: true },
);

@ObjectType('PassageMove', {
  description:
    "an attribution's (or a status change's evidence's) passage carried to a newer version of its article",
})
export class PassageMoveObject {
  @Field(() => PassageObject)
  from: PassageObject;

  @Field(() => PassageObject)
  to: PassageObject;

  @Field(() => AnchorStatus, { description: 'how the correction re-found the passage' })
  status: AnchorStatus;

  @Field(() => Float)
  score: number;

  @Field(() => String, {
    nullable: true,
    description: 'what changed, in words (the words that differ, or why an editor re-anchored it)',
  })
  reason: string | null;

  @Field(() => DateTimeScalar)
  at: Date;
}
