import { CountCache, keptCountColumns } from './count-cache';
import { Injectable } from '@nestjs/common';
import { personOfPrincipalSql } from '@claimtrace/auth';
import {
  anyWordQuery,
  ColumnSpec,
  columnList,
  sameWordsKeySql,
  textQuerySql,
} from '@claimtrace/core';
import {
  ClaimEventRow,
  ClaimRelationKind,
  ClaimRow,
  ClaimStatus,
  Database,
  PassageRow,
  Stance,
  StatusChangeRow,
  Tx,
} from '@claimtrace/database';
import { ClaimRecord, ClaimRelationRecord, StatusChangeRecord } from '../dtos/claim.object';
import { similarClaimsSql } from './similar-claims.sql';

const CLAIM_RECORD_COLUMNS: ColumnSpec<ClaimRow, ClaimRecord> = [
  ['id', 'id'],
  ['text', 'text'],
  ['status', 'status'],
  ['version', 'version'],
  ['tags', 'tags'],
  ['language', 'language'],
  ['first_seen_at', 'firstSeenAt'],
  ['merged_into_id', 'mergedIntoId'],
  ['assignee_id', 'assigneeId'],
  ['due_at', 'dueAt'],
  ['priority', 'priority'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
];
export const CLAIM_COLUMNS = columnList(CLAIM_RECORD_COLUMNS, 'c');

/** The columns `update` may set, and their PostgreSQL types (for the parameters' casts). */
const CHANGEABLE_COLUMNS: ColumnSpec<ClaimRow, Required<ClaimChanges>> = [
  ['text', 'text'],
  ['tags', 'tags'],
  ['status', 'status'],
  ['merged_into_id', 'mergedIntoId'],
];
const COLUMN_TYPES: Record<(typeof CHANGEABLE_COLUMNS)[number][0], string> = {
  text: 'text',
  tags: 'text[]',
  status: 'claim_status',
  merged_into_id: 'uuid',
};

/** A page row with the page's total and the snapshot it is true in (count-cache.ts). */
type CountedRow = { totalCount: number; countSnapshot: string };

/** What `update` may change of a claim (besides the version and update time it always sets). */
export type ClaimChanges = Partial<Pick<ClaimRow, 'text' | 'tags' | 'status' | 'mergedIntoId'>>;

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
  /** the assignee (a person's key), or only unassigned claims, or due before a time */
  assigneeId?: string | null;
  unassigned?: boolean;
  dueBefore?: Date | null;
  /** claims whose checklist has every `done` item ticked and some `missing` item not */
  checklist?: { done: string[]; missing: string[] } | null;
  /** leaves out the claims assigned to this person */
  notAssigneeId?: string | null;
  /** a language tag: claims whose language has the same primary subtag */
  language: string | null;
  /** with (true) or without (false) source changes awaiting review */
  needsReview: boolean | null;
  sort: ClaimSort;
  limit: number;
  /** the sort key and id to continue after (the rank as a string for relevance) */
  after: [string, string] | null;
}

const SIMILAR_SQL = similarClaimsSql(CLAIM_COLUMNS);

export interface SimilarClaimsQuery {
  text: string;
  language: string | null;
  /** the lowest score to answer */
  floor: number;
  limit: number;
}

export type SimilarClaimRow = ClaimRecord & { score: number };

const SORT_COLUMN: Record<Exclude<ClaimSort, 'relevance'>, string> = {
  first_seen: 'c.first_seen_at',
  updated: 'c.updated_at',
};

/** All SQL about claims, their status history and relations (reviews: ReviewsRepository). */
@Injectable()
export class ClaimsRepository {
  /** the kept totals of the pages' filters (count-cache.ts) */
  private readonly counts = new CountCache();

  constructor(private readonly db: Database) {}

  /** A claim's own log events at or before `asOf`, in log order (for `claim(id, asOf)`). */
  historyUntil(
    id: string,
    asOf: Date,
  ): Promise<(Pick<ClaimEventRow, 'kind' | 'at'> & { payload: Record<string, unknown> })[]> {
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
    if (query.assigneeId) where.push(`c.assignee_id = ${add(query.assigneeId)}::uuid`);
    if (query.unassigned) where.push('c.assignee_id IS NULL');
    if (query.dueBefore) where.push(`c.due_at < ${add(query.dueBefore)}`);
    if (query.notAssigneeId) {
      where.push(`c.assignee_id IS DISTINCT FROM ${add(query.notAssigneeId)}::uuid`);
    }
    if (query.checklist) {
      const ticked = (keys: string, extra = '') =>
        `(SELECT count(*) FROM checklist_ticks t WHERE t.claim_id = c.id AND t.key = ANY(${keys}::text[])${extra})`;
      const done = add(query.checklist.done);
      const missing = add(query.checklist.missing);
      where.push(`${ticked(done)} = cardinality(${done}::text[])`);
      // as in changeClaimStatus: the assignee's own tick of a required item does not count
      where.push(
        `${ticked(missing, ' AND t.done_by_id IS DISTINCT FROM c.assignee_id')} < cardinality(${missing}::text[])`,
      );
    }
    if (query.language) {
      where.push(
        `lower(split_part(c.language, '-', 1)) = lower(split_part(${add(query.language)}, '-', 1))`,
      );
    }
    if (query.needsReview !== null) {
      const awaiting = `EXISTS (SELECT 1 FROM source_changes sc
        WHERE sc.claim_id = c.id AND sc.needs_review AND sc.resolution IS NULL)`;
      where.push(query.needsReview ? awaiting : `NOT ${awaiting}`);
    }
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
    // the kept count of this filter, if any (count-cache.ts); its parameters come after the page's
    const countKey = `${countSql}\u0000${JSON.stringify(countParams)}`;
    const kept = this.counts.get(countKey);
    const total = () =>
      keptCountColumns(countSql, add(kept?.count ?? null), add(kept?.snapshot ?? null));
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
        await this.db.query<ClaimRecord & { rank: number } & CountedRow>(
          `SELECT ${CLAIM_COLUMNS}, ${rank} AS rank, ${total()} FROM ${from}
           WHERE ${where.join(' AND ')} ORDER BY rank DESC, c.id DESC LIMIT ${limit}`,
          params,
        ),
        count,
        countKey,
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
      await this.db.query<ClaimRecord & CountedRow>(
        `SELECT ${CLAIM_COLUMNS}, ${total()} FROM ${from} WHERE ${where.join(' AND ')}
         ORDER BY ${order} DESC, c.id DESC LIMIT ${limit}`,
        params,
      ),
      count,
      countKey,
    );
  }

  /**
   * The page's rows and the total their first row carries (kept for the next page of the same
   * filter, with its snapshot); an empty page (a cursor past the end) has no row to carry it, and
   * asks for the total on its own.
   */
  private async withTotal<R extends CountedRow>(
    rows: R[],
    count: () => Promise<number>,
    countKey: string,
  ): Promise<{ rows: R[]; totalCount: number }> {
    if (!rows.length) return { rows, totalCount: await count() };
    const [{ totalCount, countSnapshot }] = rows;
    this.counts.set(countKey, { count: totalCount, snapshot: countSnapshot });
    return { rows, totalCount };
  }

  async create(tx: Tx, claim: Pick<ClaimRow, 'text' | 'tags' | 'language'>): Promise<ClaimRecord> {
    const rows = await tx.$queryRawUnsafe<ClaimRecord[]>(
      `INSERT INTO claims AS c (text, tags, language, first_seen_at, created_at, updated_at)
       VALUES ($1, $2::text[], $3, $4::timestamptz, $4::timestamptz, $4::timestamptz)
       RETURNING ${CLAIM_COLUMNS}`,
      claim.text,
      claim.tags,
      claim.language,
      new Date(),
    );
    return rows[0];
  }

  /** Current claims like a text, best first (see similarClaimsSql). */
  similar(query: SimilarClaimsQuery): Promise<SimilarClaimRow[]> {
    return this.db.query<SimilarClaimRow>(SIMILAR_SQL, similarParams(query));
  }

  /**
   * In a transaction about to create a claim with this text: waits for any other transaction
   * creating a claim of the same words (sameWordsKeySql: case, accents, punctuation and spacing
   * aside), then answers the oldest current claim of the same text (ignoring case and accents;
   * or, with `sameWords`, of the same words), if any. Get-or-create (imports) and createClaim's
   * duplicate check (sameWords) share it.
   */
  async sameTextBeforeCreate(
    tx: Tx,
    text: string,
    { sameWords = false }: { sameWords?: boolean } = {},
  ): Promise<ClaimRecord | null> {
    const clean = text.replaceAll('\u0000', ' ');
    await tx.$queryRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtext('claim:' || ${sameWordsKeySql('$1::text')}))::text`,
      clean,
    );
    const same = sameWords
      ? // the trigram index picks the candidates; the words decide
        `claimtrace_unaccent(lower(c.text)) % claimtrace_unaccent(lower($1))
         AND ${sameWordsKeySql('c.text')} = ${sameWordsKeySql('$1::text')}`
      : 'claimtrace_unaccent(lower(c.text)) = claimtrace_unaccent(lower($1))';
    const rows = await tx.$queryRawUnsafe<ClaimRecord[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c
       WHERE c.merged_into_id IS NULL AND ${same}
       ORDER BY c.created_at LIMIT 1`,
      clean,
    );
    return rows[0] ?? null;
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
  async update(tx: Tx, id: string, changes: ClaimChanges): Promise<ClaimRecord> {
    const params: unknown[] = [id, new Date()];
    const set = ['version = c.version + 1', 'updated_at = $2'];
    for (const [column, key] of CHANGEABLE_COLUMNS) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      set.push(`${column} = $${params.length}::${COLUMN_TYPES[column]}`);
    }
    const rows = await tx.$queryRawUnsafe<ClaimRecord[]>(
      `UPDATE claims c SET ${set.join(', ')} WHERE c.id = $1::uuid RETURNING ${CLAIM_COLUMNS}`,
      ...params,
    );
    return rows[0];
  }

  /** Moves firstSeenAt back when evidence shows the claim was made earlier. */
  async noteSeenAt(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.$executeRaw`UPDATE claims SET first_seen_at = ${at}
      WHERE id = ${id}::uuid AND first_seen_at > ${at}`;
  }

  async addStatusChange(
    tx: Tx,
    change: Pick<
      StatusChangeRow,
      'claimId' | 'fromStatus' | 'toStatus' | 'rationale' | 'version' | 'by'
    > & { evidence: string[] },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `WITH change AS (
         INSERT INTO status_changes (claim_id, from_status, to_status, rationale, version, by,
                                     person_id, at)
         VALUES ($1::uuid, $2::claim_status, $3::claim_status, $4, $5::int, $6::text,
                 ${personOfPrincipalSql('$6::text')}, $7::timestamptz)
         RETURNING id)
       INSERT INTO status_change_evidence (status_change_id, passage_id, position)
       SELECT change.id, x.passage_id, x.n::int - 1
       FROM change, unnest($8::uuid[]) WITH ORDINALITY AS x(passage_id, n)`,
      change.claimId,
      change.fromStatus,
      change.toStatus,
      change.rationale,
      change.version,
      change.by,
      new Date(),
      change.evidence,
    );
  }

  async existingPassages(tx: Tx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.$queryRaw<Pick<PassageRow, 'id'>[]>`
      SELECT id::text AS id FROM passages WHERE id = ANY(${ids}::uuid[])`;
    return rows.map((row) => row.id);
  }

  statusHistoryOf(claimIds: readonly string[]): Promise<StatusChangeRecord[]> {
    return this.db.query<StatusChangeRecord>(
      `SELECT s.id, s.claim_id AS "claimId", s.from_status AS "fromStatus", s.to_status AS "toStatus",
              s.rationale, s.by, s.person_id AS "personId", s.at,
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
    await tx.$executeRaw`
      UPDATE source_changes SET claim_id = ${keepId}::uuid WHERE claim_id = ${mergeId}::uuid`;
    const reviews = await tx.$executeRaw`
      UPDATE reviews SET claim_id = ${keepId}::uuid WHERE claim_id = ${mergeId}::uuid`;
    // notes follow the claim (and its attributions); the checklist stays with the merged claim
    await tx.$executeRaw`
      UPDATE notes SET claim_id = ${keepId}::uuid WHERE claim_id = ${mergeId}::uuid`;
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

function similarParams(query: SimilarClaimsQuery): unknown[] {
  const text = query.text.replaceAll('\u0000', ' '); // PostgreSQL text cannot hold NUL
  return [text, query.language, anyWordQuery(text), query.floor, query.limit];
}
