import { Injectable } from '@nestjs/common';
import { ACTOR_COLUMNS } from '@claimtrace/actors';
import {
  articleWithPublisherColumns,
  passageColumns,
  passageWithArticleColumns,
  publisherJoin,
} from '@claimtrace/articles';
import {
  ColumnSpec,
  columnList,
  notWithdrawnSql,
  nullColumns,
  passageMovesSql,
  selectColumns,
} from '@claimtrace/core';
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

/**
 * The attribution (alias a) with its actor (ac), passage (p), the passage's article (ar) and the
 * article's publisher (pub): every field of an attribution but the lists reads a property.
 */
const JOINED_COLUMNS = `${COLUMNS}, ${selectColumns(ACTOR_COLUMNS, 'ac', 'actor_')},
  ${passageWithArticleColumns('p', 'ar', 'passage_', 'pub')}`;
const JOINS = `JOIN actors ac ON ac.id = a.actor_id
  JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id
  ${publisherJoin('ar', 'pub')}`;

/** An attribution's own columns (alias a) and its passage's (p, joined by `passageOf`). */
const OWN_COLUMNS = `${COLUMNS}, ${passageColumns('p', 'passage_')}`;
const OWN_NULLS = `${nullColumns(ATTRIBUTION_COLUMNS, 'attributions')}, ${passageColumns(null, 'passage_')}`;
const ACTOR_NULLS = nullColumns(ACTOR_COLUMNS, 'actors', 'actor_');

/** The moves of attribution `a`'s passage, by corrections and editors (passageMovesSql). */
const MOVES_OF_A = passageMovesSql('sc.attribution_id = a.id');

/**
 * The passage of each attribution `a` already read, by primary key: a LATERAL subquery with LIMIT 1
 * is never flattened into a join, so the planner cannot hash a whole table to keep a few of its
 * rows (which it did for the passages when the tables were small). With `asOf` (the parameter
 * `$n`, an ISO time) the passage is the one the attribution stood on then: where its last move by
 * then took it, else where its first move took it from (else where it stands now).
 */
function passageOf(n: number | null): string {
  const passage =
    n === null
      ? 'a.passage_id'
      : `COALESCE(
           (SELECT m.to_id FROM ${MOVES_OF_A} m WHERE m.at <= $${n}::timestamptz
            ORDER BY m.at DESC, m.editor DESC, m.id DESC LIMIT 1),
           (SELECT m.from_id FROM ${MOVES_OF_A} m ORDER BY m.at, m.editor, m.id LIMIT 1),
           a.passage_id)`;
  return `CROSS JOIN LATERAL (
    SELECT * FROM passages p WHERE p.id = ${passage} LIMIT 1) p`;
}

/**
 * Attributions that count in a stance summary at `$n` (now when null): not those a correction
 * orphaned and no editor has resolved yet (the withdrawn quote stops counting).
 */
function countsAt(n: number | null): string {
  return notWithdrawnSql('a', n === null ? null : `$${n}::timestamptz`);
}

/**
 * A hop of a relay chain: the attribution it starts from, the hop's id, and the hop's joined row,
 * or nulls where the caller has that row already (see `chains`).
 */
export type ChainRow = JoinedAttributionRow & { startId: string; hopId: string };

/**
 * The recursive CTE `hops(start_id, id, depth)`: every hop of the relay chains that `seed` starts
 * (a `SELECT start_id, id, 1`: each relayed attribution with the id it was reported via), 64 deep
 * at most. Each step looks its hop up by primary key in a LATERAL subquery with LIMIT 1, which the
 * planner cannot flatten into a join: the statement reads the hops and nothing else, whatever the
 * table sizes (a plain join let it hash every relayed attribution when the tables were small).
 */
function hopsOf(seed: string): string {
  return `hops(start_id, id, depth) AS (
    ${seed}
    UNION ALL
    SELECT h.start_id, next.reported_via_id, h.depth + 1
    FROM hops h CROSS JOIN LATERAL (
      SELECT a.reported_via_id FROM attributions a WHERE a.id = h.id LIMIT 1) next
    WHERE next.reported_via_id IS NOT NULL AND h.depth < 64)`;
}

/**
 * Each hop of `hops` with its joined row, looked up by primary key (LATERAL, LIMIT 1: never a hash
 * of the tables), or with nulls where `known` (a condition on `h.id`) says the caller has it.
 */
function hopRows(known: string): string {
  return `hops h LEFT JOIN LATERAL (
      SELECT ${JOINED_COLUMNS} FROM attributions a ${JOINS}
      WHERE a.id = h.id AND NOT (${known}) LIMIT 1) j ON true`;
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
    /** the actors and the articles (with publishers) that the rows and chains cite, once each */
    actors: Record<string, unknown>[];
    articles: Record<string, unknown>[];
    totals: Map<string, number>;
  }> {
    const params: unknown[] = [query.keys, query.limit + 1];
    const countParams: unknown[] = [query.keys];
    let filter = `a.${query.owner} = ANY($1::uuid[])`;
    let countFilter = filter;
    let passage = passageOf(null);
    if (query.asOf) {
      params.push(query.asOf);
      countParams.push(query.asOf);
      passage = passageOf(params.length);
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
    // Part 0: the page's attributions (with all their columns, so they are read once), numbered
    // per owner; part 1: the hops of their chains (seeded from the page), a hop in the page as its
    // id alone, like `chains` with `known`; both with their passages. Then, once each, the actors
    // (part 2) and the articles with their publishers (part 3) these cite: a page names a few
    // articles many times, and their columns were most of the bytes the statement sent.
    const pageSql = (after: string, total: string) =>
      `WITH RECURSIVE page AS (
         SELECT numbered.* FROM (
           SELECT a.*, a.${query.owner} AS owner,
                  row_number() OVER (PARTITION BY a.${query.owner} ORDER BY a.created_at, a.id) AS rn,
                  ${total} AS total
           FROM attributions a WHERE ${filter} ${after}) numbered
         WHERE numbered.rn <= $2),
       ${hopsOf('SELECT page.id, page.reported_via_id, 1 FROM page WHERE page.reported_via_id IS NOT NULL')},
       found AS (
         SELECT 0 AS part, a.owner, a.rn::int AS n, a.total, NULL::uuid AS "hopId", ${OWN_COLUMNS}
         FROM page a ${passage}
         UNION ALL
         SELECT 1, h.start_id, h.depth, NULL, h.id, j.*
         FROM hops h LEFT JOIN LATERAL (
           SELECT ${OWN_COLUMNS} FROM attributions a ${passage}
           WHERE a.id = h.id AND NOT (h.id IN (SELECT page.id FROM page)) LIMIT 1) j ON true)
       SELECT f.*, ${ACTOR_NULLS}, ${articleWithPublisherColumns(null, null, 'passage_')} FROM found f
       UNION ALL
       SELECT 2, NULL, NULL, NULL, NULL, ${OWN_NULLS}, ${selectColumns(ACTOR_COLUMNS, 'ac', 'actor_')},
              ${articleWithPublisherColumns(null, null, 'passage_')}
       FROM (SELECT DISTINCT f."actorId" FROM found f WHERE f."actorId" IS NOT NULL) cited
       CROSS JOIN LATERAL (SELECT * FROM actors ac WHERE ac.id = cited."actorId" LIMIT 1) ac
       UNION ALL
       SELECT 3, NULL, NULL, NULL, NULL, ${OWN_NULLS}, ${ACTOR_NULLS},
              ${articleWithPublisherColumns('ar', 'pub', 'passage_')}
       FROM (SELECT DISTINCT f."passage_articleId" AS id FROM found f
             WHERE f."passage_articleId" IS NOT NULL) cited
       CROSS JOIN LATERAL (SELECT * FROM articles ar WHERE ar.id = cited.id LIMIT 1) ar
       ${publisherJoin('ar', 'pub')}
       ORDER BY part, owner, n`;
    type PageRow = JoinedAttributionRow & ChainRow & { part: number; owner: string; total: number };
    const split = (all: PageRow[]) => {
      const parts: PageRow[][] = [[], [], [], []];
      for (const row of all) parts[row.part].push(row);
      // a hop's row names the attribution its chain starts from as its owner
      for (const hop of parts[1]) hop.startId = hop.owner;
      return { rows: parts[0], chains: parts[1], actors: parts[2], articles: parts[3] };
    };
    if (!query.after) {
      const { rows, chains, actors, articles } = split(
        await this.db.query<PageRow>(
          pageSql('', `count(*) OVER (PARTITION BY a.${query.owner})::int`),
          params,
        ),
      );
      // an owner without rows has no current attributions (the page holds at least one if any)
      const totals = new Map<string, number>();
      for (const row of rows) totals.set(row.owner, row.total);
      return { rows, chains, actors, articles, totals };
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
      `WITH RECURSIVE ${hopsOf(
        `SELECT a.id, a.reported_via_id, 1 FROM attributions a
         WHERE a.id = ANY($1::uuid[]) AND a.reported_via_id IS NOT NULL`,
      )}
       SELECT h.start_id AS "startId", h.id AS "hopId", j.*
       FROM ${hopRows('h.id = ANY($2::uuid[])')}
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
         AND ${countsAt(asOf ? 2 : null)}
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
