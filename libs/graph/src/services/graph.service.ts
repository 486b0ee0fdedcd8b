import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@claimtrace/core';
import {
  ClaimGraphArgs,
  GraphEdgeObject,
  GraphEdgeType,
  GraphNodeType,
  GraphObject,
} from '../dtos/graph.object';
import { GraphRepository } from '../repositories/graph.repository';
import { toGraphSelection } from '../selection/graph-selection';

/** The neighbourhood of a claim or an actor, walked in SQL (graph-selection.sql.ts). */
@Injectable()
export class GraphService {
  constructor(private readonly repository: GraphRepository) {}

  async claimGraph(args: ClaimGraphArgs): Promise<GraphObject> {
    const selection = toGraphSelection(args, { requireStart: true });
    const start = selection.start!;
    const { nodes, edges } = await this.repository.graph(selection);
    // a start narrowed away (another tag, a time before it) is an empty graph; an unknown one is not
    if (nodes.length === 0 && !(await this.repository.startExists(start))) {
      throw new NotFoundError(
        start.type === 'CLAIM' ? 'Claim' : 'Actor',
        (args.claimId ?? args.actorId)!,
      );
    }
    return {
      nodes: nodes
        .map((node) => ({
          id: node.id,
          type: node.type as GraphNodeType,
          label: node.label,
          depth: node.depth ?? 0,
          appearedAt: node.appearedAt,
          endedAt: node.endedAt,
        }))
        .sort(
          (a, b) =>
            a.depth - b.depth ||
            compare(a.type, b.type) ||
            compare(a.label, b.label) ||
            compare(a.id, b.id),
        ),
      edges: edges
        .map((edge): GraphEdgeObject => ({
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type as GraphEdgeType,
          stance: edge.stance as GraphEdgeObject['stance'],
          relation: edge.relation as GraphEdgeObject['relation'],
          appearedAt: edge.appearedAt,
          endedAt: edge.endedAt,
        }))
        .sort((a, b) => compare(a.type, b.type) || compare(a.id, b.id)),
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
