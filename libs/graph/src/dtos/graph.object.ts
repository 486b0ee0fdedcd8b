import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClaimRelationKind, Stance } from '@claimtrace/database';

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
}

@ObjectType('GraphEdge')
export class GraphEdgeObject {
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
}

@ObjectType('Graph')
export class GraphObject {
  @Field(() => [GraphNodeObject])
  nodes: GraphNodeObject[];

  @Field(() => [GraphEdgeObject])
  edges: GraphEdgeObject[];
}

@ArgsType()
export class ClaimGraphArgs {
  @Field(() => ID, { nullable: true })
  claimId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => Int, { nullable: true, description: 'hops from the start, 0 to 3; 1 by default' })
  depth?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'also the stances that a correction orphaned and no editor resolved yet, and superseded article versions',
  })
  includeSuperseded?: boolean | null;
}
