import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionTypes, NodeInterface, toGlobalId, DateTimeScalar } from '@claimtrace/core';
import { ActorObject } from '@claimtrace/actors';
import { PassageObject } from '@claimtrace/articles';
import type { ClaimObject } from '@claimtrace/claims';
import { AttributionRow, Stance } from '@claimtrace/database';

export type AttributionRecord = Pick<
  AttributionRow,
  | 'id'
  | 'claimId'
  | 'actorId'
  | 'stance'
  | 'passageId'
  | 'statedAt'
  | 'reportedViaId'
  | 'confidence'
  | 'createdAt'
  | 'removedAt'
>;

@ObjectType('Attribution', { implements: () => [NodeInterface] })
export class AttributionObject implements NodeInterface {
  readonly __typename = 'Attribution';

  @Field(() => ID)
  id: string;

  key: string;
  claimKey: string;
  actorKey: string;
  passageKey: string;
  /** the global id of the passage (no GraphQL field: `passage` resolves it) */
  get passageId(): string {
    return toGlobalId('Passage', this.passageKey);
  }
  reportedViaKey: string | null;
  /** the claim, where the attribution was read as part of its page (else `claim` loads it) */
  claim?: ClaimObject;
  createdAt: Date;
  removedAt: Date | null;
  /** when read as part of a claim `asOf` that time: `needsReview` and `passageHistory` answer then */
  asOf?: Date;

  @Field(() => Stance)
  stance: Stance;

  // The relations below are loaded with the attribution (joins and one chain query per batch, see
  // AttributionHydrator), so GraphQL reads them as plain properties on the hot read paths.
  @Field(() => ActorObject)
  actor: ActorObject;

  @Field(() => PassageObject)
  passage: PassageObject;

  @Field(() => AttributionObject, { nullable: true })
  reportedVia: AttributionObject | null;

  @Field(() => [AttributionObject], {
    description: 'this attribution first, then each relaying hop out to the outermost',
  })
  chain: AttributionObject[];

  @Field(() => DateTimeScalar, { nullable: true })
  statedAt: Date | null;

  @Field(() => Float, { nullable: true })
  confidence: number | null;

  /** An attribution with its actor and passage; `chain` and `reportedVia` are set by the hydrator. */
  static from(
    record: AttributionRecord,
    actor: ActorObject,
    passage: PassageObject,
  ): AttributionObject {
    const attribution = new AttributionObject();
    attribution.actor = actor;
    attribution.passage = passage;
    attribution.reportedVia = null;
    attribution.chain = [attribution];
    attribution.id = toGlobalId('Attribution', record.id);
    attribution.key = record.id;
    attribution.claimKey = record.claimId;
    attribution.actorKey = record.actorId;
    attribution.passageKey = record.passageId;
    attribution.reportedViaKey = record.reportedViaId;
    attribution.stance = record.stance;
    attribution.statedAt = record.statedAt;
    attribution.confidence = record.confidence;
    attribution.createdAt = record.createdAt;
    attribution.removedAt = record.removedAt;
    return attribution;
  }
}

export const { Edge: AttributionEdge, Connection: AttributionConnection } = connectionTypes(
  AttributionObject,
  'Attribution',
  { totalCount: true },
);

@ObjectType('StanceCount')
export class StanceCountObject {
  @Field(() => Stance)
  stance: Stance;

  @Field(() => Int)
  count: number;
}

@ObjectType('StanceSummary')
export class StanceSummaryObject {
  @Field(() => [StanceCountObject])
  counts: StanceCountObject[];

  @Field(() => Int)
  distinctActors: number;
}
