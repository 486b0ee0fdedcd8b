import { Injectable } from '@nestjs/common';
import { ClaimRecord } from '@claimtrace/claims';
import { PassageRecord } from '@claimtrace/articles';
import { Database } from '@claimtrace/database';
import { SearchKind, searchSql } from './search.sql';

/** The statements are the same for every search (all input is bound): built once. */
const SEARCH_LATEST = searchSql(false);
const SEARCH_ALL_VERSIONS = searchSql(true);

export type SearchRow =
  | { kind: 'claim'; score: number; claim: ClaimRecord }
  | { kind: 'passage'; score: number; passage: PassageRecord }
  | { kind: 'article' | 'actor'; score: number; id: string };

/** All SQL of full-text search. */
@Injectable()
export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(
    websearch: string,
    prefix: string | null,
    limit: number,
    kinds: readonly SearchKind[],
    includeSuperseded = false,
  ): Promise<SearchRow[]> {
    const rows = await this.withBitmapScans<{
      kind: SearchKind;
      score: number;
      record: Record<string, unknown>;
    }>(includeSuperseded ? SEARCH_ALL_VERSIONS : SEARCH_LATEST, [websearch, prefix, limit, kinds]);
    return rows.map((row): SearchRow => {
      if (row.kind === 'claim') {
        return { kind: 'claim', score: row.score, claim: claimRecord(row.record) };
      }
      if (row.kind === 'passage') {
        return {
          kind: 'passage',
          score: row.score,
          passage: row.record as unknown as PassageRecord,
        };
      }
      return { kind: row.kind, score: row.score, id: row.record.id as string };
    });
  }

  /**
   * Runs one query with index scans and open-ended sequential scans ruled out: a `LIMIT` over a
   * full-text match tempts the planner into walking the whole table until enough rows match,
   * which never stops early for a word it wrongly thinks common (seen: an absent word estimated at
   * 1.5 % of the claims). The probes' bounded scans are the only sequential scans left (a
   * subquery with no condition has no other plan).
   */
  private async withBitmapScans<R>(sql: string, params: unknown[]): Promise<R[]> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_indexscan = off');
      // the sequential scans ruled out still count in the plan's cost, which would cross the JIT
      // threshold and spend hundreds of milliseconds compiling a query that runs in ten
      await client.query('SET LOCAL jit = off');
      // a sequential scan of a large table otherwise starts where the last one left off: the
      // probes would read different rows each time and the same search would answer differently
      await client.query('SET LOCAL synchronize_seqscans = off');
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
  const date = (value: unknown) => new Date(value as string);
  return {
    ...(json as unknown as ClaimRecord),
    firstSeenAt: date(json.firstSeenAt),
    createdAt: date(json.createdAt),
    updatedAt: date(json.updatedAt),
  };
}
