import { Injectable } from '@nestjs/common';
import { AttributionRow, ClaimRelationRow, Database } from '@claimtrace/database';
import { GraphNodeType } from '../dtos/graph.object';

export interface GraphNodeRow {
  type: GraphNodeType;
  key: string;
  label: string;
  depth: number;
}

export interface GraphEdgeRow {
  type: string;
  sourceType: GraphNodeType;
  source: string;
  targetType: GraphNodeType;
  target: string;
  stance: AttributionRow['stance'] | null;
  relation: ClaimRelationRow['relation'] | null;
}

/** The most nodes a graph query answers; a start next to a hub could otherwise reach everything. */
export const MAX_GRAPH_NODES = 5000;

/**
 * The walk, in SQL: a recursive CTE steps from each reached node to its neighbours through the
 * indexed foreign keys (attributions by actor and by claim, relations both ways, publishers,
 * affiliations, relays), so only the neighbourhood is read, never the whole graph. Then every edge
 * between two reached nodes is collected. Merged actors and claims and removed attributions are
 * left out.
 */
const neighbourhoodSql = (latestArticle: string) => `
WITH RECURSIVE reach(type, key, depth) AS (
  SELECT $1::text, $2::uuid, 0
  WHERE ($1 = 'CLAIM' AND EXISTS (SELECT 1 FROM claims WHERE id = $2::uuid AND merged_into_id IS NULL))
     OR ($1 = 'ACTOR' AND EXISTS (SELECT 1 FROM actors WHERE id = $2::uuid AND merged_into_id IS NULL))
  UNION
  SELECT n.type, n.key, r.depth + 1
  FROM reach r CROSS JOIN LATERAL (
    SELECT 'CLAIM'::text, a.claim_id FROM attributions a
      WHERE r.type = 'ACTOR' AND a.actor_id = r.key AND a.removed_at IS NULL
    UNION ALL
    SELECT 'ACTOR', a.actor_id FROM attributions a
      WHERE r.type = 'CLAIM' AND a.claim_id = r.key AND a.removed_at IS NULL
    UNION ALL
    SELECT 'CLAIM', cr.to_claim_id FROM claim_relations cr WHERE r.type = 'CLAIM' AND cr.from_claim_id = r.key
    UNION ALL
    SELECT 'CLAIM', cr.from_claim_id FROM claim_relations cr WHERE r.type = 'CLAIM' AND cr.to_claim_id = r.key
    UNION ALL
    SELECT 'ARTICLE', p.article_id FROM attributions a JOIN passages p ON p.id = a.passage_id
      WHERE r.type = 'CLAIM' AND a.claim_id = r.key AND a.removed_at IS NULL
    UNION ALL
    SELECT 'CLAIM', a.claim_id FROM passages p JOIN attributions a ON a.passage_id = p.id
      WHERE r.type = 'ARTICLE' AND p.article_id = r.key AND a.removed_at IS NULL
    UNION ALL
    SELECT 'ACTOR', ar.publisher_id FROM articles ar
      WHERE r.type = 'ARTICLE' AND ar.id = r.key AND ar.publisher_id IS NOT NULL
    UNION ALL
    SELECT 'ARTICLE', ar.id FROM articles ar WHERE r.type = 'ACTOR' AND ar.publisher_id = r.key
      AND ${latestArticle}
    UNION ALL
    SELECT 'ACTOR', ac.affiliation_id FROM actors ac
      WHERE r.type = 'ACTOR' AND ac.id = r.key AND ac.affiliation_id IS NOT NULL
    UNION ALL
    SELECT 'ACTOR', ac.id FROM actors ac WHERE r.type = 'ACTOR' AND ac.affiliation_id = r.key
    UNION ALL
    SELECT 'ACTOR', v.actor_id FROM attributions a JOIN attributions v ON v.id = a.reported_via_id
      WHERE r.type = 'ACTOR' AND a.actor_id = r.key AND a.removed_at IS NULL
    UNION ALL
    SELECT 'ACTOR', a.actor_id FROM attributions v JOIN attributions a ON a.reported_via_id = v.id
      WHERE r.type = 'ACTOR' AND v.actor_id = r.key AND a.removed_at IS NULL
  ) AS n(type, key)
  WHERE r.depth < $3
),
found AS (
  SELECT type, key, min(depth) AS depth FROM reach GROUP BY type, key
),
nodes AS (
  SELECT f.type, f.key, f.depth, c.text AS label FROM found f
    JOIN claims c ON f.type = 'CLAIM' AND c.id = f.key AND c.merged_into_id IS NULL
  UNION ALL
  SELECT f.type, f.key, f.depth, a.name FROM found f
    JOIN actors a ON f.type = 'ACTOR' AND a.id = f.key AND a.merged_into_id IS NULL
  UNION ALL
  SELECT f.type, f.key, f.depth, ar.title FROM found f
    JOIN articles ar ON f.type = 'ARTICLE' AND ar.id = f.key
  ORDER BY 3, 1, 4, 2
  LIMIT ${MAX_GRAPH_NODES}
),
claim_nodes AS (SELECT key FROM nodes WHERE type = 'CLAIM'),
actor_nodes AS (SELECT key FROM nodes WHERE type = 'ACTOR'),
article_nodes AS (SELECT key FROM nodes WHERE type = 'ARTICLE'),
edges AS (
  SELECT 'STANCE' AS type, 'ACTOR' AS "sourceType", a.actor_id AS source, 'CLAIM' AS "targetType",
         a.claim_id AS target, a.stance::text AS stance, NULL::text AS relation
  FROM attributions a
  WHERE a.removed_at IS NULL AND a.actor_id IN (SELECT key FROM actor_nodes)
    AND a.claim_id IN (SELECT key FROM claim_nodes)
  UNION
  SELECT 'REPORTED_VIA', 'ACTOR', a.actor_id, 'ACTOR', v.actor_id, NULL, NULL
  FROM attributions a JOIN attributions v ON v.id = a.reported_via_id
  WHERE a.removed_at IS NULL AND a.actor_id <> v.actor_id
    AND a.actor_id IN (SELECT key FROM actor_nodes) AND v.actor_id IN (SELECT key FROM actor_nodes)
  UNION
  SELECT 'RELATION', 'CLAIM', cr.from_claim_id, 'CLAIM', cr.to_claim_id, NULL, cr.relation::text
  FROM claim_relations cr
  WHERE cr.from_claim_id IN (SELECT key FROM claim_nodes) AND cr.to_claim_id IN (SELECT key FROM claim_nodes)
  UNION
  SELECT 'PUBLISHED_BY', 'ARTICLE', ar.id, 'ACTOR', ar.publisher_id, NULL, NULL
  FROM articles ar
  WHERE ar.id IN (SELECT key FROM article_nodes) AND ar.publisher_id IN (SELECT key FROM actor_nodes)
  UNION
  SELECT 'AFFILIATED_WITH', 'ACTOR', ac.id, 'ACTOR', ac.affiliation_id, NULL, NULL
  FROM actors ac
  WHERE ac.id IN (SELECT key FROM actor_nodes) AND ac.affiliation_id IN (SELECT key FROM actor_nodes)
  UNION
  SELECT 'APPEARS_IN', 'CLAIM', a.claim_id, 'ARTICLE', p.article_id, NULL, NULL
  FROM attributions a JOIN passages p ON p.id = a.passage_id
  WHERE a.removed_at IS NULL AND a.claim_id IN (SELECT key FROM claim_nodes)
    AND p.article_id IN (SELECT key FROM article_nodes)
)
SELECT
  coalesce((SELECT json_agg(json_build_object('type', type, 'key', key, 'label', label, 'depth', depth)
            ORDER BY depth, type, label, key) FROM nodes), '[]'::json) AS nodes,
  coalesce((SELECT json_agg(e ORDER BY e.type, e.source, e.target, e.stance, e.relation) FROM edges e),
           '[]'::json) AS edges`;

/**
 * By default the graph is of the latest versions: an attribution that a correction orphaned and no
 * editor has resolved yet is left out (as from the stance summary; it stands on a superseded
 * version), and a publisher reaches only its articles' latest versions. `includeSuperseded` keeps
 * both.
 */
const NEIGHBOURHOOD_LATEST = neighbourhoodSql(
  'NOT EXISTS (SELECT 1 FROM articles n WHERE n.previous_version_id = ar.id)',
).replaceAll(
  'a.removed_at IS NULL',
  `a.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM source_changes sc
     WHERE sc.attribution_id = a.id AND sc.status = 'ORPHANED' AND sc.resolved_at IS NULL)`,
);
const NEIGHBOURHOOD_ALL_VERSIONS = neighbourhoodSql('TRUE');

/** All SQL of graph queries. */
@Injectable()
export class GraphRepository {
  constructor(private readonly db: Database) {}

  async neighbourhood(
    start: { type: GraphNodeType; key: string },
    depth: number,
    includeSuperseded = false,
  ): Promise<{ nodes: GraphNodeRow[]; edges: GraphEdgeRow[] }> {
    const [row] = await this.db.query<{ nodes: GraphNodeRow[]; edges: GraphEdgeRow[] }>(
      includeSuperseded ? NEIGHBOURHOOD_ALL_VERSIONS : NEIGHBOURHOOD_LATEST,
      [start.type, start.key, depth],
    );
    return row;
  }
}
