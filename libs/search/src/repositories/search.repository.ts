import { Injectable } from '@nestjs/common';
import { ClaimRecord } from '@claimtrace/claims';
import { PassageRecord } from '@claimtrace/articles';
import { textQuerySql } from '@claimtrace/core';
import { Database } from '@claimtrace/database';

export type SearchRow =
  | { kind: 'claim'; score: number; claim: ClaimRecord }
  | { kind: 'passage'; score: number; passage: PassageRecord };

/**
 * The most rows ranked per table and layer. A common word can match most of a large table; ranking
 * every match would make a search as slow as the table is large. So each table gives at most this
 * many rows matching the exact (stemmed or unstemmed) layers and this many matching the prefix
 * layer, in index order — the scan stops there — and only those are ranked. On a small database
 * that is every match; on a large one a common word ranks the first matches found, not all.
 */
const CANDIDATES = 1000;

/**
 * Passages rank at 0.8 of a claim with the same score: a claim is the neutral statement a
 * fact-checker looks for, its passages are the evidence, and the evidence usually repeats it.
 */
const PASSAGE_WEIGHT = 0.8;

/** All SQL of full-text search. */
@Injectable()
export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(websearch: string, prefix: string | null, limit: number): Promise<SearchRow[]> {
    const q = textQuerySql('$1', '$2');
    // Exact layers weigh fully; prefix-only matches count a third. Claims are short, passages
    // longer: normalisation 1 divides by 1 + log(length) so that neither kind crowds out the other.
    const rank = (vector: string) =>
      `(ts_rank(${vector}, ${q.exact}, 1) + ts_rank(${vector}, ${q.fuzzy}, 1) / 3)`;
    const rows = await this.withIndexScans<{
      kind: 'claim' | 'passage';
      score: number;
      record: Record<string, unknown>;
    }>(
      `WITH claim_hits AS (
         (SELECT c.id FROM claims c
          WHERE c.merged_into_id IS NULL AND c.search_vector @@ ${q.exact} LIMIT ${CANDIDATES})
         UNION
         (SELECT c.id FROM claims c
          WHERE c.merged_into_id IS NULL AND c.search_vector @@ ${q.fuzzy} LIMIT ${CANDIDATES})),
       passage_hits AS (
         (SELECT p.id FROM passages p WHERE p.search_vector @@ ${q.exact} LIMIT ${CANDIDATES})
         UNION
         (SELECT p.id FROM passages p WHERE p.search_vector @@ ${q.fuzzy} LIMIT ${CANDIDATES}))
       SELECT kind, score, record FROM (
        SELECT 'claim' AS kind, ${rank('c.search_vector')}::float8 AS score,
               json_build_object('id', c.id, 'text', c.text, 'status', c.status, 'version', c.version,
                 'tags', c.tags, 'language', c.language, 'firstSeenAt', c.first_seen_at,
                 'mergedIntoId', c.merged_into_id, 'createdAt', c.created_at, 'updatedAt', c.updated_at) AS record
        FROM claim_hits h JOIN claims c ON c.id = h.id
        UNION ALL
        SELECT 'passage', (${rank('p.search_vector')} * ${PASSAGE_WEIGHT})::float8,
               json_build_object('id', p.id, 'articleId', p.article_id, 'start', p.start, 'end', p."end",
                 'exact', p.exact, 'prefix', p.prefix, 'suffix', p.suffix)
        FROM passage_hits h JOIN passages p ON p.id = h.id) hits
       ORDER BY score DESC, kind, record->>'id'
       LIMIT $3`,
      [websearch, prefix, limit],
    );
    return rows.map((row) =>
      row.kind === 'claim'
        ? { kind: 'claim', score: row.score, claim: claimRecord(row.record) }
        : { kind: 'passage', score: row.score, passage: row.record as unknown as PassageRecord },
    );
  }

  /**
   * Runs one query with only bitmap scans allowed: a `LIMIT` over a full-text match tempts the
   * planner into walking the whole table (or its primary key) until enough rows match, which
   * never stops early for a rare or absent word; the GIN indexes answer those in milliseconds.
   */
  private async withIndexScans<R>(sql: string, params: unknown[]): Promise<R[]> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_indexscan = off');
      const result = await client.query(sql, params);
      await client.query('COMMIT');
      return result.rows as R[];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function claimRecord(json: Record<string, unknown>): ClaimRecord {
  const date = (value: unknown) => (value == null ? null : new Date(value as string));
  return {
    ...(json as unknown as ClaimRecord),
    firstSeenAt: date(json.firstSeenAt),
    createdAt: date(json.createdAt)!,
    updatedAt: date(json.updatedAt)!,
  };
}
