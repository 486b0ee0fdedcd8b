import { Injectable } from '@nestjs/common';
import { Database } from '@claimtrace/database';
import { GraphSelection } from '../selection/graph-selection';
import { GraphEdgeRow, GraphNodeRow } from './graph-rows';
import { graphSelectionSql } from './graph-selection.sql';

/** The most nodes a graph query answers; a start next to a hub could otherwise reach everything. */
export const MAX_GRAPH_NODES = 5000;

/** All SQL of graph queries (graph-selection.sql.ts builds it). */
@Injectable()
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /** The nodes (at most MAX_GRAPH_NODES, nearest first) and edges of a selection, one statement. */
  async graph(
    selection: GraphSelection,
  ): Promise<{ nodes: GraphNodeRow[]; edges: GraphEdgeRow[] }> {
    const sql = graphSelectionSql(selection, { maxNodes: MAX_GRAPH_NODES });
    const [row] = await this.db.query<{ nodes: GraphNodeRow[]; edges: GraphEdgeRow[] }>(
      sql.both,
      sql.params,
    );
    return row;
  }

  /** Whether the start of a selection exists now (not merged away), whatever else narrows it. */
  async startExists(start: NonNullable<GraphSelection['start']>): Promise<boolean> {
    const table = start.type === 'CLAIM' ? 'claims' : 'actors';
    const rows = await this.db.query(
      `SELECT 1 FROM ${table} WHERE id = $1::uuid AND merged_into_id IS NULL`,
      [start.key],
    );
    return rows.length > 0;
  }
}
