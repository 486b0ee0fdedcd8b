import { Injectable } from '@nestjs/common';
import { ArticleRow, Database } from '@claimtrace/database';
import {
  GraphEdgeRow,
  GraphNodeRow,
  GraphSelection,
  graphSelectionSql,
  isoSql as ISO,
} from '@claimtrace/graph';
import { AnnotatedPassageRecord } from '../writers/annotation';
import { ReviewedClaimRecord } from '../writers/claimreview';
import { ExportCursor } from './export-cursor';

/** All SQL of the exports; every large read goes through an ExportCursor. */
@Injectable()
export class ExportRepository {
  constructor(private readonly db: Database) {}

  open(signal?: AbortSignal): Promise<ExportCursor> {
    return ExportCursor.open(this.db.pool, signal);
  }

  /**
   * About how many rows these tables hold now, as PostgreSQL's planner reckons it, with no scan:
   * the rows per page of the last ANALYZE (`pg_class`, kept by autovacuum) times the pages the
   * table has now, so rows added since count too. A table never analysed (a fresh database, or
   * right after a bulk import: `reltuples` is -1, and read alone it priced any export at the
   * minimum) is asked of the planner itself, which guesses rows per page from the row type.
   */
  async estimatedRows(tables: readonly string[]): Promise<number> {
    const stats = await this.db.query<{ name: string; rows: number; pages: number; now: number }>(
      `SELECT oid::regclass::text AS name, reltuples::float8 AS rows, relpages::float8 AS pages,
              (pg_relation_size(oid) / current_setting('block_size')::int)::float8 AS now
       FROM pg_class WHERE oid = ANY($1::regclass[])`,
      [tables],
    );
    let total = 0;
    for (const { name, rows, pages, now } of stats) {
      if (now === 0) continue;
      if (rows >= 0 && pages > 0) total += (rows / pages) * now;
      else total += await this.plannedRows(name, now);
    }
    return total;
  }

  /**
   * The planner's estimate of a table's rows, for one that has `pages` pages and no statistics.
   * The planner takes such a table of fewer than 10 pages to have 10 (it may grow before the plan
   * runs); the estimate is scaled back to the pages it has.
   */
  private async plannedRows(table: string, pages: number): Promise<number> {
    // `table` is a regclass's text: an identifier, quoted where it needs to be
    const [row] = await this.db.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
      `EXPLAIN (FORMAT JSON) SELECT FROM ${table}`,
    );
    return (row['QUERY PLAN'][0].Plan['Plan Rows'] * pages) / Math.max(pages, 10);
  }

  /**
   * The nodes of a selection, a batch at a time: claims, then actors, then articles (ids are
   * global). The SQL is `claimGraph`'s (graph-selection.sql.ts in libs/graph), without its cap.
   */
  nodes(cursor: ExportCursor, selection: GraphSelection): AsyncGenerator<GraphNodeRow[]> {
    const sql = graphSelectionSql(selection);
    return cursor.batches<GraphNodeRow>(sql.nodes, sql.params);
  }

  /** The edges, a batch at a time; both ends of each are among `nodes` of the same selection. */
  edges(cursor: ExportCursor, selection: GraphSelection): AsyncGenerator<GraphEdgeRow[]> {
    const sql = graphSelectionSql(selection);
    return cursor.batches<GraphEdgeRow>(sql.edges, sql.params);
  }

  /** One row per review of a current claim (of one claim when `claimKey` is given). */
  async *reviewedClaims(
    cursor: ExportCursor,
    claimKey: string | null,
  ): AsyncGenerator<ReviewedClaimRecord> {
    const party = (alias: string) =>
      `json_build_object('name', ${alias}.name, 'kind', ${alias}.kind, 'wikidataId', ${alias}.wikidata_id)`;
    yield* flat(
      cursor.batches<ReviewedClaimRecord>(
        `SELECT c.id AS "claimId", c.text AS "claimText", ${ISO('c.first_seen_at')} AS "claimFirstSeenAt",
              r.id AS "reviewId", r.rating, r.rating_value AS "ratingValue", r.best_rating AS "bestRating",
              r.worst_rating AS "worstRating", r.summary, r.url, ${ISO('r.published_at')} AS "publishedAt",
              ${party('rv')} AS reviewer,
              (SELECT ${party('au')} FROM attributions a JOIN actors au ON au.id = a.actor_id
               WHERE a.claim_id = c.id AND a.removed_at IS NULL
                 AND a.stance IN ('ASSERTS', 'CONFIRMS', 'REPORTS')
               ORDER BY a.stance = 'ASSERTS' DESC, a.reported_via_id IS NOT NULL,
                        a.stated_at NULLS LAST, a.created_at LIMIT 1) AS "claimAuthor",
              coalesce((SELECT json_agg(json_build_object('url', ar.url, 'title', ar.title,
                          'publishedAt', ${ISO('ar.published_at')},
                          'publisher', CASE WHEN pb.id IS NULL THEN NULL ELSE ${party('pb')} END)
                        ORDER BY ar.published_at NULLS LAST, ar.created_at)
                        FROM articles ar LEFT JOIN actors pb ON pb.id = ar.publisher_id
                        WHERE ar.id IN (SELECT p.article_id FROM attributions a
                                        JOIN passages p ON p.id = a.passage_id
                                        WHERE a.claim_id = c.id AND a.removed_at IS NULL)),
                       '[]'::json) AS appearances
       FROM reviews r JOIN claims c ON c.id = r.claim_id JOIN actors rv ON rv.id = r.reviewer_id
       WHERE c.merged_into_id IS NULL ${claimKey ? 'AND c.id = $1::uuid' : ''}
       ORDER BY c.id, r.created_at, r.id`,
        claimKey ? [claimKey] : [],
      ),
    );
  }

  async claimExists(claimKey: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM claims WHERE id = $1::uuid', [claimKey]);
    return rows.length > 0;
  }

  async article(articleKey: string): Promise<Pick<ArticleRow, 'url' | 'title'> | null> {
    const [row] = await this.db.query<Pick<ArticleRow, 'url' | 'title'>>(
      'SELECT url, title FROM articles WHERE id = $1::uuid',
      [articleKey],
    );
    return row ?? null;
  }

  async *annotatedPassages(
    cursor: ExportCursor,
    articleKey: string,
  ): AsyncGenerator<AnnotatedPassageRecord> {
    yield* flat(
      cursor.batches<AnnotatedPassageRecord>(
        `SELECT p.id AS "passageId", p.start, p."end", p.exact, p.prefix, p.suffix,
              ${ISO('p.created_at')} AS "createdAt",
              coalesce((SELECT json_agg(json_build_object('actor', ac.name, 'stance', a.stance,
                          'claim', c.text, 'claimId', c.id) ORDER BY a.created_at, a.id)
                        FROM attributions a JOIN actors ac ON ac.id = a.actor_id
                        JOIN claims c ON c.id = a.claim_id
                        WHERE a.passage_id = p.id AND a.removed_at IS NULL), '[]'::json) AS stances
       FROM passages p WHERE p.article_id = $1::uuid ORDER BY p.start, p."end"`,
        [articleKey],
      ),
    );
  }
}

async function* flat<R>(batches: AsyncIterable<R[]>): AsyncGenerator<R> {
  for await (const batch of batches) yield* batch;
}
