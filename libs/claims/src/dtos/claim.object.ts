import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, NodeInterface, toGlobalId, DateTimeScalar } from '@claimtrace/core';
import {
  ClaimRelationKind,
  ClaimRelationRow,
  ClaimRow,
  ClaimStatus,
  Priority,
  Stance,
  StatusChangeRow,
} from '@claimtrace/database';

registerEnumType(ClaimStatus, { name: 'ClaimStatus' });
registerEnumType(ClaimRelationKind, { name: 'ClaimRelationKind' });
registerEnumType(Stance, { name: 'Stance' });
registerEnumType(Priority, { name: 'Priority' });

export type ClaimRecord = Pick<
  ClaimRow,
  | 'id'
  | 'text'
  | 'status'
  | 'version'
  | 'tags'
  | 'language'
  | 'firstSeenAt'
  | 'mergedIntoId'
  | 'assigneeId'
  | 'dueAt'
  | 'priority'
  | 'createdAt'
  | 'updatedAt'
>;

@ObjectType('Claim', { implements: () => [NodeInterface] })
export class ClaimObject implements NodeInterface {
  readonly __typename = 'Claim';

  @Field(() => ID)
  id: string;

  key: string;

  @Field()
  text: string;

  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field(() => Int)
  version: number;

  @Field(() => [String])
  tags: string[];

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  firstSeenAt: Date | null;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  mergedIntoKey: string | null;

  /** the assignee's database key (a Person), resolved by the `assignee` field */
  assigneeKey: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt: Date | null;

  @Field(() => Priority)
  priority: Priority;

  /** set on a claim rebuilt as it stood at a past time; its attributions honour it */
  asOf: Date | null = null;

  static from(record: ClaimRecord): ClaimObject {
    const claim = new ClaimObject();
    claim.id = toGlobalId('Claim', record.id);
    claim.key = record.id;
    claim.text = record.text;
    claim.status = record.status;
    claim.version = record.version;
    claim.tags = record.tags ?? [];
    claim.language = record.language;
    claim.firstSeenAt = record.firstSeenAt;
    claim.updatedAt = record.updatedAt;
    claim.mergedIntoKey = record.mergedIntoId;
    claim.assigneeKey = record.assigneeId ?? null;
    claim.dueAt = record.dueAt ?? null;
    claim.priority = record.priority ?? Priority.NORMAL;
    return claim;
  }
}

export const { Edge: ClaimEdge, Connection: ClaimConnection } = connectionTypes(
  ClaimObject,
  'Claim',
  { totalCount: true },
);

export type StatusChangeRecord = Pick<
  StatusChangeRow,
  'id' | 'claimId' | 'fromStatus' | 'toStatus' | 'rationale' | 'by' | 'personId' | 'at'
> & {
  /** the evidence passages' ids, in order */
  evidence: string[];
};

@ObjectType('StatusChange')
export class StatusChangeObject {
  @Field(() => ClaimStatus)
  from: ClaimStatus;

  @Field(() => ClaimStatus)
  to: ClaimStatus;

  @Field()
  rationale: string;

  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => String, { nullable: true })
  by: string | null;

  evidenceKeys: string[];

  /** who changed it (database key of a Person), when known */
  personKey: string | null;

  static from(record: StatusChangeRecord): StatusChangeObject {
    const change = new StatusChangeObject();
    change.from = record.fromStatus;
    change.to = record.toStatus;
    change.rationale = record.rationale;
    change.at = record.at;
    change.by = record.by;
    change.evidenceKeys = record.evidence ?? [];
    change.personKey = record.personId ?? null;
    return change;
  }
}

export type ClaimRelationRecord = Pick<ClaimRelationRow, 'fromClaimId' | 'toClaimId' | 'relation'>;

@ObjectType('ClaimRelation')
export class ClaimRelationObject {
  @Field(() => ClaimRelationKind)
  relation: ClaimRelationKind;

  fromKey: string;
  toKey: string;

  static from(record: ClaimRelationRecord): ClaimRelationObject {
    const relation = new ClaimRelationObject();
    relation.relation = record.relation;
    relation.fromKey = record.fromClaimId;
    relation.toKey = record.toClaimId;
    return relation;
  }
}
