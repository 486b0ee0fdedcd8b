import { Injectable } from '@nestjs/common';
import { textQuerySql } from '@claimtrace/core';
import { ClaimRelationKind, ClaimStatus, Database, Stance, Tx } from '@claimtrace/database';
import {
  ClaimRecord,
  ClaimRelationRecord,
  ReviewRecord,
  StatusChangeRecord,
} from '../dtos/claim.object';

export const CLAIM_COLUMNS = `c.id, c.text, c.status, c.version, c.tags, c.language,
  c.first_seen_at AS "firstSeenAt", c.merged_into_id AS "mergedIntoId",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export type ClaimSort = 'first_seen' | 'updated' | 'relevance';

export interface ClaimPageQuery {
  statuses: ClaimStatus[] | null;
  actorId: string | null;
  stance: Stance | null;
  tag: string | null;
  /** full-text search: the websearch text and the prefix tsquery (see parseTextQuery) */
  search: { websearch: string; prefix: string | null } | null;
  since: Date | null;
  until: Date | null;
  sort: ClaimSort;
  limit: number;
  /** the sort key and id to continue after (the rank as a string for relevance) */
  after: [string, string] | null;
}

export interface NewReview {
  claimId: string;
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  reviewerId: string;
  summary: string | null;
  url: string | null;
  publishedAt: Date | null;
  createdBy: string | null;
}

const SORT_COLUMN: Record<Exclude<ClaimSort, 'relevance'>, string> = {
  first_seen: 'c.first_seen_at',
  updated: 'c.updated_at',
};

/** All SQL about claims, their status history, relations and reviews. */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly db: Database) {}

  /** A claim's own log events at or before `asOf`, in log order (for `claim(id, asOf)`). */
  historyUntil(
    id: string,
    asOf: Date,
  ): Promise<{ kind: string; payload: Record<string, unknown>; at: Date }[]> {
    return this.db.query(
      `SELECT e.kind, e.payload, e.at FROM claim_events e
       WHERE e.claim_id = $1::uuid AND e.at <= $2 ORDER BY e.tx_id, e.id`,
      [id, asOf],
    );
  }

  findByIds(ids: readonly string[]): Promise<ClaimRecord[]> {
    return this.db.query<ClaimRecord>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** One page of current (not merged) claims, newest first by the chosen time, and the total. */
  async page(
    query: ClaimPageQuery,
  ): Promise<{ rows: (ClaimRecord & { rank?: number })[]; totalCount: number }> {
    const params: unknown[] = [];
    const where = ['c.merged_into_id IS NULL'];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.statuses?.length)
      where.push(`c.status = ANY(${add(query.statuses)}::claim_status[])`);
    if (query.tag) where.push(`${add(query.tag)} = ANY(c.tags)`);
    if (query.since) where.push(`c.first_seen_at >= ${add(query.since)}`);
    if (query.until) where.push(`c.first_seen_at < ${add(query.until)}`);
    if (query.actorId || query.stance) {
      const on = ['a.claim_id = c.id', 'a.removed_at IS NULL'];
      if (query.actorId) on.push(`a.actor_id = ${add(query.actorId)}::uuid`);
      if (query.stance) on.push(`a.stance = ${add(query.stance)}::stance`);
      where.push(`EXISTS (SELECT 1 FROM attributions a WHERE ${on.join(' AND ')})`);
    }
    let rank = '0';
    let from = 'claims c';
    if (query.search) {
      const q = textQuerySql(
        `${add(query.search.websearch)}::text`,
        `${add(query.search.prefix)}::text`,
      );
      // The queries are built once, in a one-row subquery (OFFSET 0 keeps it from being folded
      // back in): in the generic plan a prepared statement gets after five runs, an expression of
      // a parameter is evaluated per row, and the four tsquery constructors cost more than the
      // ranking of a common word's 50,000 matches.
      from = `claims c CROSS JOIN (SELECT ${q.exact} AS exact, ${q.fuzzy} AS fuzzy OFFSET 0) q`;
      where.push(`c.search_vector @@ (q.exact || q.fuzzy)`);
      // the same ranking as search(): exact layers fully, prefix-only matches a third
      rank = `(ts_rank(c.search_vector, q.exact, 1) + ts_rank(c.search_vector, q.fuzzy, 1) / 3)::float8`;
    }
    const filter = where.join(' AND ');
    const countParams = [...params];
    // The total rides on every row of the page as an uncorrelated scalar subquery (run once, an
    // InitPlan): one statement and one round trip per page instead of two. The filter's parameters
    // come first, so they keep their numbers in both statements.
    const countSql = `SELECT count(*)::int AS count FROM ${from} WHERE ${filter}`;
    const total = `(${countSql}) AS "totalCount"`;
    const count = async () =>
      (await this.db.query<{ count: number }>(countSql, countParams))[0].count;
    if (query.sort === 'relevance') {
      // relevance needs a rank, and a rank needs a search; without one, newest first
      if (query.after) {
        where.push(
          `(${rank}, c.id) < (${add(query.after[0])}::float8, ${add(query.after[1])}::uuid)`,
        );
      }
      const limit = add(query.limit + 1);
      return this.withTotal(
        await this.db.query<ClaimRecord & { rank: number; totalCount: number }>(
          `SELECT ${CLAIM_COLUMNS}, ${rank} AS rank, ${total} FROM ${from}
           WHERE ${where.join(' AND ')} ORDER BY rank DESC, c.id DESC LIMIT ${limit}`,
          params,
        ),
        count,
      );
    }
    const column = SORT_COLUMN[query.sort];
    // With a search, sort the matches (found through the GIN index) rather than walk the date
    // index until enough rows match: the planner cannot tell a word in no claim from a word in
    // 0.5 % of them, and the walk visited all 200,000 claims for an absent word (343 ms p50 in
    // bench:research). Words that do match pay for it: their matches are all read and sorted.
    const order = query.search ? `(${column} + interval '0')` : column;
    if (query.after) {
      where.push(
        `(${column}, c.id) < (${add(query.after[0])}::timestamptz, ${add(query.after[1])}::uuid)`,
      );
    }
    const limit = add(query.limit + 1);
    return this.withTotal(
      await this.db.query<ClaimRecord & { totalCount: number }>(
        `SELECT ${CLAIM_COLUMNS}, ${total} FROM ${from} WHERE ${where.join(' AND ')}
         ORDER BY ${order} DESC, c.id DESC LIMIT ${limit}`,
        params,
      ),
      count,
    );
  }

  /**
   * The page's rows and the total their first row carries; an empty page (a cursor past the end)
   * has no row to carry it, and asks for the total on its own.
   */
  private async withTotal<R extends { totalCount: number }>(
    rows: R[],
    count: () => Promise<number>,
  ): Promise<{ rows: R[]; totalCount: number }> {
    return { rows, totalCount: rows.length ? rows[0].totalCount : await count() };
  }

  async create(
    tx: Tx,
    claim: { text: string; tags: string[]; language: string | null },
  ): Promise<ClaimRecord> {
    return tx.claim.create({ data: { ...claim, firstSeenAt: new Date() } });
  }

  /** Locks the claim row for the rest of the transaction and answers it. */
  async lock(tx: Tx, id: string): Promise<ClaimRecord | null> {
    const rows = await tx.$queryRawUnsafe<ClaimRecord[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  /** Applies changes and bumps the version. */
  async update(
    tx: Tx,
    id: string,
    changes: { text?: string; tags?: string[]; status?: ClaimStatus; mergedIntoId?: string },
  ): Promise<ClaimRecord> {
    return tx.claim.update({
      where: { id },
      data: { ...changes, version: { increment: 1 }, updatedAt: new Date() },
    });
  }

  /** Moves firstSeenAt back when evidence shows the claim was made earlier. */
  async noteSeenAt(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.$executeRaw`UPDATE claims SET first_seen_at = ${at}
      WHERE id = ${id}::uuid AND first_seen_at > ${at}`;
  }

  async addStatusChange(
    tx: Tx,
    change: {
      claimId: string;
      fromStatus: ClaimStatus;
      toStatus: ClaimStatus;
      rationale: string;
      version: number;
      by: string | null;
      evidence: string[];
    },
  ): Promise<void> {
    const { evidence, ...row } = change;
    const created = await tx.statusChange.create({ data: row, select: { id: true } });
    if (evidence.length) {
      await tx.statusChangeEvidence.createMany({
        data: evidence.map((passageId, position) => ({
          statusChangeId: created.id,
          passageId,
          position,
        })),
      });
    }
  }

  async existingPassages(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.passage.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  statusHistoryOf(claimIds: readonly string[]): Promise<StatusChangeRecord[]> {
    return this.db.query<StatusChangeRecord>(
      `SELECT s.id, s.claim_id AS "claimId", s.from_status AS "fromStatus", s.to_status AS "toStatus",
              s.rationale, s.by, s.at,
              coalesce(array_agg(e.passage_id::text ORDER BY e.position)
                FILTER (WHERE e.passage_id IS NOT NULL), '{}') AS evidence
       FROM status_changes s LEFT JOIN status_change_evidence e ON e.status_change_id = s.id
       WHERE s.claim_id = ANY($1::uuid[])
       GROUP BY s.id ORDER BY s.at, s.version`,
      [claimIds],
    );
  }

  /** Adds a relation; false when the same one exists already. */
  async link(
    tx: Tx,
    link: {
      fromClaimId: string;
      toClaimId: string;
      relation: ClaimRelationKind;
      createdBy: string | null;
    },
  ): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO claim_relations (from_claim_id, to_claim_id, relation, created_by)
      VALUES (${link.fromClaimId}::uuid, ${link.toClaimId}::uuid,
              ${link.relation}::claim_relation_kind, ${link.createdBy})
      ON CONFLICT (from_claim_id, to_claim_id, relation) DO NOTHING`;
    return inserted > 0;
  }

  relationsOf(claimIds: readonly string[]): Promise<(ClaimRelationRecord & { claimId: string })[]> {
    return this.db.query(
      `SELECT r.from_claim_id AS "claimId", r.from_claim_id AS "fromClaimId",
              r.to_claim_id AS "toClaimId", r.relation
       FROM claim_relations r WHERE r.from_claim_id = ANY($1::uuid[])
       UNION ALL
       SELECT r.to_claim_id, r.from_claim_id, r.to_claim_id, r.relation
       FROM claim_relations r WHERE r.to_claim_id = ANY($1::uuid[])`,
      [claimIds],
    );
  }

  async addReview(tx: Tx, review: NewReview): Promise<ReviewRecord> {
    return tx.review.create({ data: review });
  }

  reviewsOf(claimIds: readonly string[]): Promise<ReviewRecord[]> {
    return this.db.query<ReviewRecord>(
      `SELECT id, claim_id AS "claimId", rating, rating_value AS "ratingValue",
              best_rating AS "bestRating", worst_rating AS "worstRating", reviewer_id AS "reviewerId",
              summary, url, published_at AS "publishedAt"
       FROM reviews WHERE claim_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [claimIds],
    );
  }

  reviewsByIds(ids: readonly string[]): Promise<ReviewRecord[]> {
    return this.db.query<ReviewRecord>(
      `SELECT id, claim_id AS "claimId", rating, rating_value AS "ratingValue",
              best_rating AS "bestRating", worst_rating AS "worstRating", reviewer_id AS "reviewerId",
              summary, url, published_at AS "publishedAt"
       FROM reviews WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Moves everything that hangs off `mergeId` onto `keepId`: attributions, reviews and relations
   * (a relation that would link the kept claim to itself, or repeat one it has, is dropped and
   * reported). Status history stays with the merged claim, which keeps resolving.
   */
  async moveOnto(
    tx: Tx,
    keepId: string,
    mergeId: string,
  ): Promise<{
    attributions: number;
    reviews: number;
    relations: number;
    droppedRelations: number;
  }> {
    const attributions = await tx.$executeRaw`
      UPDATE attributions SET claim_id = ${keepId}::uuid WHERE claim_id = ${mergeId}::uuid`;
    const reviews = await tx.$executeRaw`
      UPDATE reviews SET claim_id = ${keepId}::uuid WHERE claim_id = ${mergeId}::uuid`;
    const dropped = await tx.$executeRaw`
      DELETE FROM claim_relations r
      WHERE (r.from_claim_id = ${mergeId}::uuid AND r.to_claim_id = ${keepId}::uuid)
         OR (r.to_claim_id = ${mergeId}::uuid AND r.from_claim_id = ${keepId}::uuid)
         OR (r.from_claim_id = ${mergeId}::uuid AND EXISTS (SELECT 1 FROM claim_relations k
              WHERE k.from_claim_id = ${keepId}::uuid AND k.to_claim_id = r.to_claim_id AND k.relation = r.relation))
         OR (r.to_claim_id = ${mergeId}::uuid AND EXISTS (SELECT 1 FROM claim_relations k
              WHERE k.to_claim_id = ${keepId}::uuid AND k.from_claim_id = r.from_claim_id AND k.relation = r.relation))`;
    const from = await tx.$executeRaw`
      UPDATE claim_relations SET from_claim_id = ${keepId}::uuid WHERE from_claim_id = ${mergeId}::uuid`;
    const to = await tx.$executeRaw`
      UPDATE claim_relations SET to_claim_id = ${keepId}::uuid WHERE to_claim_id = ${mergeId}::uuid`;
    return { attributions, reviews, relations: from + to, droppedRelations: dropped };
  }
}
