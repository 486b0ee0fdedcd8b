import { Injectable } from '@nestjs/common';
import { BadInputError, keyOf, NotFoundError, toGlobalId } from '@claimtrace/core';
import { ClaimGraphArgs, GraphEdgeType, GraphNodeType, GraphObject } from '../dtos/graph.object';
import { GraphRepository } from '../repositories/graph.repository';

export const MAX_GRAPH_DEPTH = 3;

const GLOBAL_TYPE: Record<GraphNodeType, string> = {
  CLAIM: 'Claim',
  ACTOR: 'Actor',
  ARTICLE: 'Article',
};

/** The neighbourhood of a claim or an actor, walked in SQL. */
@Injectable()
export class GraphService {
  constructor(private readonly repository: GraphRepository) {}

  async claimGraph(args: ClaimGraphArgs): Promise<GraphObject> {
    const depth = args.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_GRAPH_DEPTH) {
      throw new BadInputError(
        `\`depth\` must be between 0 and ${MAX_GRAPH_DEPTH} (got ${depth}); a deeper graph is most of the database — use the exports (GET /exports/graph) for that.`,
        { argument: 'depth', max: MAX_GRAPH_DEPTH },
      );
    }
    if ((args.claimId == null) === (args.actorId == null)) {
      throw new BadInputError('Give exactly one of `claimId` and `actorId`.', {
        argument: args.claimId == null ? 'claimId' : 'actorId',
      });
    }
    const start = args.claimId
      ? { type: GraphNodeType.CLAIM, key: keyOf(args.claimId, 'Claim', 'claimId') }
      : { type: GraphNodeType.ACTOR, key: keyOf(args.actorId!, 'Actor', 'actorId') };
    const { nodes, edges } = await this.repository.neighbourhood(
      start,
      depth,
      Boolean(args.includeSuperseded),
    );
    if (nodes.length === 0) {
      throw new NotFoundError(
        start.type === GraphNodeType.CLAIM ? 'Claim' : 'Actor',
        (args.claimId ?? args.actorId)!,
      );
    }
    const id = (type: GraphNodeType, key: string) => toGlobalId(GLOBAL_TYPE[type], key);
    return {
      nodes: nodes.map((node) => ({
        id: id(node.type, node.key),
        type: node.type,
        label: node.label,
        depth: node.depth,
      })),
      edges: edges.map((edge) => ({
        source: id(edge.sourceType, edge.source),
        target: id(edge.targetType, edge.target),
        type: edge.type as GraphEdgeType,
        stance: edge.stance,
        relation: edge.relation,
      })),
    };
  }
}
