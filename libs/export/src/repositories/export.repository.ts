import { Injectable } from '@nestjs/common';
import { notWithdrawnSql } from '@claimtrace/core';
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

/** Which published reviews the ClaimReview exports read. */
export interface ReviewFilter {
  claimKey?: string | null;
  /** a BCP 47 tag: the reviews in that language or one of its subtags */
  inLanguage?: string | null;
}

/** A claim's reviews counted by state: drafts lack url or publishedAt; retracted left the feed. */
export interface ReviewStanding {
  mergedIntoId: string | null;
  reviews: number;
  retracted: number;
  drafts: number;
}

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

  /**
   * One row per published review (it has url and publishedAt, and is not retracted) of a current
   * claim; of one claim when `filter.claimKey` is given, in one language (or its subtags: `es`
   * takes `es-AR`) when `filter.inLanguage` is. Appearances are one per URL, described by the
   * URL's latest version and dated by its first publication.
   */
  async *reviewedClaims(
    cursor: ExportCursor,
    filter: ReviewFilter,
  ): AsyncGenerator<ReviewedClaimRecord> {
    const party = (alias: string) =>
      `json_build_object('name', ${alias}.name, 'kind', ${alias}.kind, 'wikidataId', ${alias}.wikidata_id)`;
    const params: unknown[] = [];
    const where = [
      'c.merged_into_id IS NULL',
      'r.url IS NOT NULL',
      'r.published_at IS NOT NULL',
      'r.retracted_at IS NULL',
    ];
    if (filter.claimKey) {
      params.push(filter.claimKey);
      where.push(`c.id = $${params.length}::uuid`);
    }
    if (filter.inLanguage) {
      params.push(filter.inLanguage.toLowerCase());
      const language = 'lower(coalesce(r.in_language, c.language))';
      where.push(`(${language} = $${params.length} OR ${language} LIKE $${params.length} || '-%')`);
    }
    yield* flat(
      cursor.batches<ReviewedClaimRecord>(
        `SELECT c.id AS "claimId", c.text AS "claimText", ${ISO('c.first_seen_at')} AS "claimFirstSeenAt",
              c.language AS "claimLanguage",
              r.id AS "reviewId", r.rating, r.rating_value AS "ratingValue", r.best_rating AS "bestRating",
              r.worst_rating AS "worstRating", r.summary, r.url, ${ISO('r.published_at')} AS "publishedAt",
              coalesce(r.in_language, c.language) AS "inLanguage",
              ${party('rv')} AS reviewer,
              (SELECT ${party('au')} FROM attributions a JOIN actors au ON au.id = a.actor_id
               WHERE a.claim_id = c.id AND a.removed_at IS NULL AND ${notWithdrawnSql('a')}
                 AND a.stance IN ('ASSERTS', 'CONFIRMS', 'REPORTS')
               ORDER BY a.stance = 'ASSERTS' DESC, a.reported_via_id IS NOT NULL,
                        a.stated_at NULLS LAST, a.created_at LIMIT 1) AS "claimAuthor",
              coalesce((SELECT json_agg(json_build_object('url', v.url, 'title', v.title,
                          'publishedAt', ${ISO('v.first_published_at')},
                          'publisher', CASE WHEN pb.id IS NULL THEN NULL ELSE ${party('pb')} END)
                        ORDER BY v.first_published_at NULLS LAST, v.first_created_at, v.url)
                        FROM (SELECT DISTINCT ON (ar.url) ar.url, ar.title, ar.publisher_id,
                                     min(ar.published_at) OVER same_url AS first_published_at,
                                     min(ar.created_at) OVER same_url AS first_created_at
                              FROM articles ar
                              WHERE ar.url IN (SELECT sa.url FROM attributions a
                                               JOIN passages p ON p.id = a.passage_id
                                               JOIN articles sa ON sa.id = p.article_id
                                               WHERE a.claim_id = c.id AND a.removed_at IS NULL
                                                 AND ${notWithdrawnSql('a')})
                              WINDOW same_url AS (PARTITION BY ar.url)
                              ORDER BY ar.url, ar.created_at DESC, ar.id DESC) v
                        LEFT JOIN actors pb ON pb.id = v.publisher_id),
                       '[]'::json) AS appearances
       FROM reviews r JOIN claims c ON c.id = r.claim_id JOIN actors rv ON rv.id = r.reviewer_id
       WHERE ${where.join(' AND ')}
       ORDER BY c.id, r.created_at, r.id`,
        params,
      ),
    );
  }

  /** How a claim's reviews stand, to say why it has no ClaimReview (null: no such claim). */
  async reviewStanding(claimKey: string): Promise<ReviewStanding | null> {
    const [row] = await this.db.query<ReviewStanding>(
      `SELECT c.merged_into_id AS "mergedIntoId",
              count(r.id)::int AS reviews,
              count(r.id) FILTER (WHERE r.retracted_at IS NOT NULL)::int AS retracted,
              count(r.id) FILTER (WHERE r.retracted_at IS NULL
                                    AND (r.url IS NULL OR r.published_at IS NULL))::int AS drafts
       FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id
       WHERE c.id = $1::uuid GROUP BY c.id`,
      [claimKey],
    );
    return row ?? null;
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
