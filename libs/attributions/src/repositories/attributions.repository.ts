import { Injectable } from '@nestjs/common';
import { ACTOR_COLUMNS } from '@claimtrace/actors';
import { passageWithArticleColumns } from '@claimtrace/articles';
import { ColumnSpec, columnList, selectColumns } from '@claimtrace/core';
import { ArticleRow, AttributionRow, Database, PassageRow, Stance, Tx } from '@claimtrace/database';
import { AttributionRecord } from '../dtos/attribution.object';

const ATTRIBUTION_COLUMNS: ColumnSpec<AttributionRow, AttributionRecord> = [
  ['id', 'id'],
  ['claim_id', 'claimId'],
  ['actor_id', 'actorId'],
  ['stance', 'stance'],
  ['passage_id', 'passageId'],
  ['stated_at', 'statedAt'],
  ['reported_via_id', 'reportedViaId'],
  ['confidence', 'confidence'],
  ['created_at', 'createdAt'],
  ['removed_at', 'removedAt'],
];
const COLUMNS = columnList(ATTRIBUTION_COLUMNS, 'a');

/** An attribution row with its actor (prefix `actor_`) and passage and article (prefix `passage_`). */
export type JoinedAttributionRow = AttributionRecord & Record<string, unknown>;

/** The attribution (alias a), its actor (ac), passage (p) and the passage's article (ar). */
const JOINED_COLUMNS = `${COLUMNS}, ${selectColumns(ACTOR_COLUMNS, 'ac', 'actor_')},
  ${passageWithArticleColumns('p', 'ar', 'passage_')}`;
const JOINS = `JOIN actors ac ON ac.id = a.actor_id
  JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id`;

/**
 * A hop of a relay chain: the attribution it starts from, the hop's id, and the hop's joined row,
 * or nulls where the caller has that row already (see `chains`).
 */
export type ChainRow = JoinedAttributionRow & { startId: string; hopId: string };

/**
 * The recursive CTE `hops(start_id, id, depth)`: every hop of the relay chains of the attributions
 * whose ids `starts` gives (a subquery, or with `array` an array parameter), 64 deep at most.
 */
function hopsOf(starts: string, array = false): string {
  return `hops(start_id, id, depth) AS (
    SELECT a.id, a.reported_via_id, 1 FROM attributions a
    WHERE a.id ${array ? `= ANY(${starts})` : `IN (${starts})`} AND a.reported_via_id IS NOT NULL
    UNION ALL
    SELECT h.start_id, a.reported_via_id, h.depth + 1
    FROM hops h JOIN attributions a ON a.id = h.id
    WHERE a.reported_via_id IS NOT NULL AND h.depth < 64)`;
}

export type AttributionOwner = 'claim_id' | 'actor_id';

export interface AttributionPageQuery {
  owner: AttributionOwner;
  keys: readonly string[];
  limit: number;
  after: [string, string] | null;
  stance: Stance | null;
  /** ISO time: the attributions that existed then; null or absent for the current ones */
  asOf?: string | null;
}

/** Attributions current at `$n` (an ISO time), or now when `n` is null. */
export function existingAt(n: number | null): string {
  return n === null
    ? 'a.removed_at IS NULL'
    : `a.created_at <= $${n}::timestamptz AND (a.removed_at IS NULL OR a.removed_at > $${n}::timestamptz)`;
}

export type NewAttribution = Omit<AttributionRecord, 'id' | 'createdAt' | 'removedAt'> &
  Pick<AttributionRow, 'createdBy'>;

/** All SQL about attributions. */
@Injectable()
export class AttributionsRepository {
  constructor(private readonly db: Database) {}

  findByIds(ids: readonly string[]): Promise<JoinedAttributionRow[]> {
    return this.db.query<JoinedAttributionRow>(
      `SELECT ${JOINED_COLUMNS} FROM attributions a ${JOINS} WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * For each owner (claim or actor), one page of its current attributions in creation order, with
   * their relay chains (as `chains` answers them) and the owners' totals: one statement whatever
   * the number of owners. A first page counts in that statement (a window over the rows it numbers
   * anyway); a page after a cursor needs a second one, since an owner with nothing after the cursor
   * has no row to carry its total.
   */
  async pages(query: AttributionPageQuery): Promise<{
    rows: (JoinedAttributionRow & { owner: string })[];
    chains: ChainRow[];
    totals: Map<string, number>;
  }> {
    const params: unknown[] = [query.keys, query.limit + 1];
    const countParams: unknown[] = [query.keys];
    let filter = `a.${query.owner} = ANY($1::uuid[])`;
    let countFilter = filter;
    if (query.asOf) {
      params.push(query.asOf);
      countParams.push(query.asOf);
      filter += ` AND ${existingAt(params.length)}`;
      countFilter += ` AND ${existingAt(countParams.length)}`;
    } else {
      filter += ` AND ${existingAt(null)}`;
      countFilter += ` AND ${existingAt(null)}`;
    }
    if (query.stance) {
      params.push(query.stance);
      countParams.push(query.stance);
      filter += ` AND a.stance = $${params.length}::stance`;
      countFilter += ` AND a.stance = $${countParams.length}::stance`;
    }
    // The page rows first (part 0, by owner and rank), then the hops of their chains (part 1, by
    // start and depth): a hop in the page comes back as its id alone, like `chains` with `known`.
    const pageSql = (after: string, total: string) =>
      `WITH RECURSIVE page AS (
         SELECT numbered.id, numbered.owner, numbered.rn, numbered.total FROM (
           SELECT a.id, a.${query.owner} AS owner,
                  row_number() OVER (PARTITION BY a.${query.owner} ORDER BY a.created_at, a.id) AS rn,
                  ${total} AS total
           FROM attributions a WHERE ${filter} ${after}) numbered
         WHERE numbered.rn <= $2),
       ${hopsOf('SELECT page.id FROM page')}
       SELECT 0 AS part, page.owner AS "sortKey", page.rn::int AS n, page.owner, page.total,
              NULL::uuid AS "startId", NULL::uuid AS "hopId", ${JOINED_COLUMNS}
       FROM page JOIN attributions a ON a.id = page.id ${JOINS}
       UNION ALL
       SELECT 1, h.start_id, h.depth, NULL, NULL, h.start_id, h.id, ${JOINED_COLUMNS}
       FROM hops h LEFT JOIN (attributions a ${JOINS})
         ON a.id = h.id AND h.id NOT IN (SELECT page.id FROM page)
       ORDER BY part, "sortKey", n`;
    type PageRow = JoinedAttributionRow & ChainRow & { part: number; owner: string; total: number };
    const split = (all: PageRow[]) => {
      const first = all.findIndex((row) => row.part === 1);
      const end = first < 0 ? all.length : first;
      return { rows: all.slice(0, end), chains: all.slice(end) };
    };
    if (!query.after) {
      const { rows, chains } = split(
        await this.db.query<PageRow>(
          pageSql('', `count(*) OVER (PARTITION BY a.${query.owner})::int`),
          params,
        ),
      );
      // an owner without rows has no current attributions (the page holds at least one if any)
      const totals = new Map<string, number>();
      for (const row of rows) totals.set(row.owner, row.total);
      return { rows, chains, totals };
    }
    params.push(query.after[0], query.after[1]);
    const after = `AND (a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    const [all, counts] = await Promise.all([
      this.db.query<PageRow>(pageSql(after, 'NULL::int'), params),
      this.db.query<{ owner: string; count: number }>(
        `SELECT a.${query.owner} AS owner, count(*)::int AS count FROM attributions a
         WHERE ${countFilter} GROUP BY a.${query.owner}`,
        countParams,
      ),
    ]);
    return { ...split(all), totals: new Map(counts.map((row) => [row.owner, row.count])) };
  }

  /**
   * Each attribution's relay chain: itself, then each hop it was reported via, outermost last. A
   * hop whose id is in `known` (read already by the caller) comes back as its id alone, every
   * joined column null: a relay hop is mostly in the page that asks, and its joined row is the
   * widest part of the answer.
   */
  chains(ids: readonly string[], known: readonly string[] = []): Promise<ChainRow[]> {
    return this.db.query(
      `WITH RECURSIVE ${hopsOf('$1::uuid[]', true)}
       SELECT h.start_id AS "startId", h.id AS "hopId", ${JOINED_COLUMNS}
       FROM hops h LEFT JOIN (attributions a ${JOINS}) ON a.id = h.id AND h.id <> ALL($2::uuid[])
       ORDER BY h.start_id, h.depth`,
      [ids, known],
    );
  }

  stanceSummaries(
    claimIds: readonly string[],
    asOf: string | null = null,
  ): Promise<
    (Pick<AttributionRow, 'claimId'> & {
      /** null on the claim's row of all stances */
      stance: Stance | null;
      count: number;
      actors: number;
    })[]
  > {
    return this.db.query(
      `SELECT a.claim_id AS "claimId", a.stance, count(*)::int AS count,
              count(DISTINCT a.actor_id)::int AS actors
       FROM attributions a WHERE a.claim_id = ANY($1::uuid[]) AND ${existingAt(asOf ? 2 : null)}
       GROUP BY GROUPING SETS ((a.claim_id, a.stance), (a.claim_id))`,
      asOf ? [claimIds, asOf] : [claimIds],
    );
  }

  async lock(
    tx: Tx,
    id: string,
  ): Promise<(AttributionRecord & Pick<PassageRow, 'articleId'>) | null> {
    const rows = await tx.$queryRawUnsafe<(AttributionRecord & Pick<PassageRow, 'articleId'>)[]>(
      `SELECT ${COLUMNS}, p.article_id AS "articleId"
       FROM attributions a JOIN passages p ON p.id = a.passage_id
       WHERE a.id = $1::uuid FOR UPDATE OF a`,
      id,
    );
    return rows[0] ?? null;
  }

  async activeRelaysOf(tx: Tx, id: string): Promise<number> {
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM attributions
      WHERE reported_via_id = ${id}::uuid AND removed_at IS NULL`;
    return count;
  }

  /**
   * Inserts the attribution, or answers `{ existingId }` when a current attribution has the same
   * claim, actor, stance and passage already: the unique index `attributions_current_key` decides,
   * so of two identical attributions sent at once exactly one is written.
   */
  async create(
    tx: Tx,
    attribution: NewAttribution,
  ): Promise<AttributionRecord | { existingId: string }> {
    const rows = await tx.$queryRawUnsafe<AttributionRecord[]>(
      `INSERT INTO attributions AS a (claim_id, actor_id, stance, passage_id, stated_at,
                                      reported_via_id, confidence, created_by, created_at)
       VALUES ($1::uuid, $2::uuid, $3::stance, $4::uuid, $5::timestamptz, $6::uuid, $7::float8, $8,
               $9::timestamptz)
       ON CONFLICT (claim_id, actor_id, stance, passage_id) WHERE removed_at IS NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      attribution.claimId,
      attribution.actorId,
      attribution.stance,
      attribution.passageId,
      attribution.statedAt,
      attribution.reportedViaId,
      attribution.confidence,
      attribution.createdBy,
      new Date(),
    );
    if (rows[0]) return rows[0];
    const existing = await tx.$queryRaw<Pick<AttributionRow, 'id'>[]>`
      SELECT id::text AS id FROM attributions
      WHERE claim_id = ${attribution.claimId}::uuid AND actor_id = ${attribution.actorId}::uuid
        AND stance = ${attribution.stance}::stance AND passage_id = ${attribution.passageId}::uuid
        AND removed_at IS NULL`;
    return { existingId: existing[0].id };
  }

  async remove(tx: Tx, id: string, by: string | null, reason: string): Promise<AttributionRecord> {
    const rows = await tx.$queryRawUnsafe<AttributionRecord[]>(
      `UPDATE attributions a SET removed_at = $2::timestamptz, removed_by = $3, removed_reason = $4
       WHERE a.id = $1::uuid RETURNING ${COLUMNS}`,
      id,
      new Date(),
      by,
      reason,
    );
    return rows[0];
  }

  /** When the cited article says it was published, the claim was seen then at the latest. */
  async articlePublishedAt(tx: Tx, articleId: string): Promise<Date | null> {
    const rows = await tx.$queryRaw<Pick<ArticleRow, 'publishedAt'>[]>`
      SELECT published_at AS "publishedAt" FROM articles WHERE id = ${articleId}::uuid`;
    return rows[0]?.publishedAt ?? null;
  }
}
