import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { DateTimeScalar } from '@claimtrace/core';
import { ClaimRelationKind, ClaimStatus, Stance } from '@claimtrace/database';

export enum GraphNodeType {
  CLAIM = 'CLAIM',
  ACTOR = 'ACTOR',
  ARTICLE = 'ARTICLE',
}
registerEnumType(GraphNodeType, { name: 'GraphNodeType' });

export enum GraphEdgeType {
  /** actor → claim: the actor's stance on the claim (one edge per attribution) */
  STANCE = 'STANCE',
  /** actor → actor: the actor's stance was relayed by the other (attribution.reportedVia) */
  REPORTED_VIA = 'REPORTED_VIA',
  /** claim → claim: SUPPORTS, CONTRADICTS, REFINES or DUPLICATES */
  RELATION = 'RELATION',
  /** article → actor: the article's publisher */
  PUBLISHED_BY = 'PUBLISHED_BY',
  /** actor → actor: a spokesperson → the body they speak for */
  AFFILIATED_WITH = 'AFFILIATED_WITH',
  /** claim → article: a stance on the claim is evidenced by a passage of the article */
  APPEARS_IN = 'APPEARS_IN',
}
registerEnumType(GraphEdgeType, {
  name: 'GraphEdgeType',
  valuesMap: {
    STANCE: { description: "actor → claim: the actor's stance on the claim (one per attribution)" },
    REPORTED_VIA: { description: 'actor → actor: the stance was relayed by the other actor' },
    RELATION: { description: 'claim → claim: the relation kind is in `relation`' },
    PUBLISHED_BY: { description: 'article → actor: the publisher' },
    AFFILIATED_WITH: { description: 'actor → actor: the affiliation' },
    APPEARS_IN: { description: 'claim → article: a stance on the claim is written in the article' },
  },
});

@ObjectType('GraphNode')
export class GraphNodeObject {
  @Field(() => ID)
  id: string;

  @Field(() => GraphNodeType)
  type: GraphNodeType;

  @Field()
  label: string;

  @Field(() => Int, { description: 'hops from the starting node' })
  depth: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'when it appeared: a claim when first seen, an actor at its first stance or publication, an article when published',
  })
  appearedAt: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'when it ended, where that applies: a claim retracted, an article superseded',
  })
  endedAt: string | null;
}

@ObjectType('GraphEdge')
export class GraphEdgeObject {
  @Field(() => ID, {
    description:
      'the fact the edge stands for: an Attribution id for a STANCE, `reportedVia:<Attribution id>` for a relay hop, the same id as in the exports',
  })
  id: string;

  @Field(() => ID)
  source: string;

  @Field(() => ID)
  target: string;

  @Field(() => GraphEdgeType)
  type: GraphEdgeType;

  @Field(() => Stance, { nullable: true })
  stance: Stance | null;

  @Field(() => ClaimRelationKind, { nullable: true })
  relation: ClaimRelationKind | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'when it appeared: a stance when stated (else its article published, else recorded), a relation when recorded',
  })
  appearedAt: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'when it ended, where that applies: an attribution removed (seen with asOf)',
  })
  endedAt: string | null;
}

@ObjectType('Graph')
export class GraphObject {
  @Field(() => [GraphNodeObject])
  nodes: GraphNodeObject[];

  @Field(() => [GraphEdgeObject])
  edges: GraphEdgeObject[];
}

/**
 * The selection of `claimGraph`, and of the exports under the same names (graph-selection.ts):
 * a start and its depth, the claims' tag, status, first-seen range and words, and a time.
 */
@ArgsType()
export class ClaimGraphArgs {
  @Field(() => ID, { nullable: true })
  claimId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => Int, { nullable: true, description: 'hops from the start, 0 to 3; 1 by default' })
  depth?: number | null;

  @Field(() => String, { nullable: true, description: 'only claims with this tag' })
  @IsOptional()
  @MaxLength(64, { message: 'tag must be at most 64 characters long' })
  tag?: string | null;

  @Field(() => [ClaimStatus], {
    nullable: true,
    description: 'only claims in these statuses (as of `asOf`)',
  })
  status?: ClaimStatus[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'only claims first seen at or after',
  })
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'only claims first seen before' })
  until?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'only claims matching these words (full-text, as the claims list)',
  })
  @IsOptional()
  @MaxLength(500, { message: 'search must be at most 500 characters long' })
  search?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'the graph as it stood then: the facts recorded by then and not removed by then, statuses as of then',
  })
  asOf?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'also the stances that a correction orphaned and no editor resolved yet, and superseded article versions',
  })
  includeSuperseded?: boolean | null;
}
