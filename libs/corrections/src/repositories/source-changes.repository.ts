import { Injectable } from '@nestjs/common';
import { PassageCarry } from '@claimtrace/articles';
import { personOfPrincipalSql } from '@claimtrace/auth';
import { ColumnSpec, columnList, passageMovesSql } from '@claimtrace/core';
import { Database, SourceChangeAction, SourceChangeRow, Stance, Tx } from '@claimtrace/database';
import { SourceChangeRecord } from '../dtos/source-change.object';

const SOURCE_CHANGE_COLUMNS: ColumnSpec<SourceChangeRow, SourceChangeRecord> = [
  ['id', 'id'],
  ['claim_id', 'claimId'],
  ['attribution_id', 'attributionId'],
  ['status_change_id', 'statusChangeId'],
  ['from_article_id', 'fromArticleId'],
  ['to_article_id', 'toArticleId'],
  ['from_passage_id', 'fromPassageId'],
  ['to_passage_id', 'toPassageId'],
  ['status', 'status'],
  ['score', 'score'],
  ['reason', 'reason'],
  ['needs_review', 'needsReview'],
  ['at', 'at'],
  ['moved_to_passage_id', 'movedToPassageId'],
  ['moved_at', 'movedAt'],
  ['resolution', 'resolution'],
  ['resolved_at', 'resolvedAt'],
  ['resolved_by_id', 'resolvedById'],
  ['resolved_reason', 'resolvedReason'],
];
const COLUMNS = columnList(SOURCE_CHANGE_COLUMNS, 'sc');

/** A source change (alias sc) that awaits an editor. */
export const UNRESOLVED = 'sc.needs_review AND sc.resolution IS NULL';

/** What a correction did to one attribution or evidence passage, as recorded. */
export type RecordedChange = Pick<
  SourceChangeRow,
  'claimId' | 'status' | 'score' | 'needsReview'
> & {
  actorId: string | null;
  stance: Stance | null;
};

export type LockedSourceChange = SourceChangeRecord & { actorId: string | null };

export interface CorrectionToRecord {
  previousKey: string;
  articleKey: string;
  at: Date;
  passages: PassageCarry[];
  /** whether each passage's move needs review (review-rules.ts), in the order of `passages` */
  needsReview: boolean[];
}

/** The moves of a correction as one relation `m(from_id, to_id, status, score, reason, needs_review)`. */
const MOVES = `unnest($1::uuid[], $2::uuid[], $3::anchor_status[], $4::float8[], $5::text[], $6::bool[])
  AS m(from_id, to_id, status, score, reason, needs_review)`;

const RECORDED = `sc.claim_id AS "claimId", sc.status, sc.score, sc.needs_review AS "needsReview"`;

export interface SourceChangesQuery {
  resolved: boolean | null;
  limit: number;
  after: [string, string] | null;
}

/** All SQL about source changes, and the moves of attributions and evidence they make. */
@Injectable()
export class SourceChangesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records a source change for every current attribution and every status-change evidence on a
   * passage of the previous version, then moves those on EXACT and FUZZY passages to their new
   * passage (ORPHANED ones stay). Four statements whatever the number of passages.
   */
  async recordCorrection(tx: Tx, correction: CorrectionToRecord): Promise<RecordedChange[]> {
    const p = correction.passages;
    const moves = [
      p.map((m) => m.fromPassageId),
      p.map((m) => m.toPassageId),
      p.map((m) => m.status),
      p.map((m) => m.score),
      p.map((m) => m.reason),
      correction.needsReview,
    ];
    const insert = (owner: string, from: string, returning: string) =>
      `INSERT INTO source_changes AS sc (claim_id, ${owner}, from_article_id, to_article_id,
          from_passage_id, to_passage_id, status, score, reason, needs_review, at,
          moved_to_passage_id, moved_at)
       SELECT src.claim_id, src.owner_id, $7::uuid, $8::uuid, m.from_id, m.to_id, m.status,
              m.score, m.reason, m.needs_review,
              $9::timestamptz, m.to_id, CASE WHEN m.to_id IS NULL THEN NULL ELSE $9::timestamptz END
       FROM ${MOVES} ${from}
       RETURNING ${returning}`;
    const params = [...moves, correction.previousKey, correction.articleKey, correction.at];
    const attributions = await tx.$queryRawUnsafe<(RecordedChange & { attributionId: string })[]>(
      `WITH changed AS (${insert(
        'attribution_id',
        `JOIN (SELECT a.claim_id, a.id AS owner_id, a.passage_id FROM attributions a
               WHERE a.removed_at IS NULL) src ON src.passage_id = m.from_id`,
        `sc.attribution_id AS "attributionId", ${RECORDED}`,
      )})
       SELECT changed.*, a.actor_id AS "actorId", a.stance
       FROM changed JOIN attributions a ON a.id = changed."attributionId"`,
      ...params,
    );
    const evidence = await tx.$queryRawUnsafe<RecordedChange[]>(
      insert(
        'status_change_id',
        `JOIN (SELECT s.claim_id, s.id AS owner_id, e.passage_id FROM status_change_evidence e
               JOIN status_changes s ON s.id = e.status_change_id) src ON src.passage_id = m.from_id`,
        RECORDED,
      ),
      ...params,
    );
    await tx.$executeRawUnsafe(
      `UPDATE attributions a SET passage_id = m.to_id FROM ${MOVES}
       WHERE a.passage_id = m.from_id AND m.to_id IS NOT NULL AND a.removed_at IS NULL`,
      ...moves,
    );
    await tx.$executeRawUnsafe(
      `UPDATE status_change_evidence e SET passage_id = m.to_id FROM ${MOVES}
       WHERE e.passage_id = m.from_id AND m.to_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM status_change_evidence o
                         WHERE o.status_change_id = e.status_change_id AND o.passage_id = m.to_id)`,
      ...moves,
    );
    return [
      ...attributions.map(({ claimId, status, score, needsReview, actorId, stance }) => ({
        claimId,
        status,
        score,
        needsReview,
        actorId,
        stance,
      })),
      ...evidence.map((row) => ({ ...row, actorId: null, stance: null })),
    ];
  }

  findByIds(ids: readonly string[]): Promise<SourceChangeRecord[]> {
    return this.db.query<SourceChangeRecord>(
      `SELECT ${COLUMNS} FROM source_changes sc WHERE sc.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Source changes newest first: of all claims (`claimIds` null), or one page for each claim (a
   * window numbers each claim's rows), with the totals by claim ('' for all claims). Two
   * statements whatever the number of claims.
   */
  async pages(
    claimIds: readonly string[] | null,
    query: SourceChangesQuery,
  ): Promise<{ rows: SourceChangeRecord[]; totals: Map<string, number> }> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    if (claimIds) {
      params.push(claimIds);
      where.push(`sc.claim_id = ANY($${params.length}::uuid[])`);
    }
    if (query.resolved !== null) where.push(query.resolved ? `NOT (${UNRESOLVED})` : UNRESOLVED);
    const base = where.join(' AND ');
    const countParams = [...params];
    const owner = claimIds ? 'sc.claim_id::text' : `''`;
    params.push(query.limit + 1);
    const limit = `$${params.length}`;
    let after = '';
    if (query.after) {
      params.push(query.after[0], query.after[1]);
      after = `AND (sc.at, sc.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const [rows, counts] = await Promise.all([
      this.db.query<SourceChangeRecord>(
        `SELECT ${columnList(SOURCE_CHANGE_COLUMNS, 'numbered')} FROM (
           SELECT sc.*, row_number() OVER (PARTITION BY ${owner} ORDER BY sc.at DESC, sc.id DESC) AS rn
           FROM source_changes sc WHERE ${base} ${after}) numbered
         WHERE numbered.rn <= ${limit}
         ORDER BY ${claimIds ? 'numbered.claim_id, ' : ''}numbered.at DESC, numbered.id DESC`,
        params,
      ),
      this.db.query<{ owner: string; count: number }>(
        `SELECT ${owner} AS owner, count(*)::int AS count FROM source_changes sc
         WHERE ${base} GROUP BY 1`,
        countParams,
      ),
    ]);
    return { rows, totals: new Map(counts.map((row) => [row.owner, row.count])) };
  }

  /** The source change, locked for an editor's resolution, with its attribution's actor. */
  async lock(tx: Tx, id: string): Promise<LockedSourceChange | null> {
    const rows = await tx.$queryRawUnsafe<LockedSourceChange[]>(
      `SELECT ${COLUMNS}, a.actor_id AS "actorId"
       FROM source_changes sc LEFT JOIN attributions a ON a.id = sc.attribution_id
       WHERE sc.id = $1::uuid FOR UPDATE OF sc`,
      id,
    );
    return rows[0] ?? null;
  }

  async resolve(
    tx: Tx,
    id: string,
    resolution: {
      action: SourceChangeAction;
      by: string | null;
      reason: string | null;
      at: Date;
      movedTo?: string;
    },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE source_changes SET resolution = $2::source_change_action, resolved_by = $3,
         resolved_by_id = ${personOfPrincipalSql('$3::text')},
         resolved_reason = $4, resolved_at = $5::timestamptz,
         moved_to_passage_id = COALESCE($6::uuid, moved_to_passage_id),
         moved_at = CASE WHEN $6::uuid IS NULL THEN moved_at ELSE $5::timestamptz END
       WHERE id = $1::uuid`,
      id,
      resolution.action,
      resolution.by,
      resolution.reason,
      resolution.at,
      resolution.movedTo ?? null,
    );
  }

  /** Resolves as REMOVE what awaited review on an attribution that was just removed. */
  async resolveRemoved(
    tx: Tx,
    attributionId: string,
    removal: { by: string | null; reason: string; at: Date },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE source_changes sc SET resolution = 'REMOVE', resolved_by = $2,
         resolved_by_id = ${personOfPrincipalSql('$2::text')},
         resolved_reason = $3, resolved_at = $4::timestamptz
       WHERE sc.attribution_id = $1::uuid AND ${UNRESOLVED}`,
      attributionId,
      removal.by,
      removal.reason,
      removal.at,
    );
  }

  /** Moves an attribution (REANCHOR) to another passage of its article's newer version. */
  async moveAttribution(tx: Tx, attributionId: string, passageId: string): Promise<void> {
    await tx.$executeRaw`
      UPDATE attributions SET passage_id = ${passageId}::uuid WHERE id = ${attributionId}::uuid`;
  }

  /**
   * Moves a status change's evidence (REANCHOR), or drops it (REMOVE `to` null), from wherever
   * the corrections since `from` carried it: the passage `from`, or the one each later source
   * change of this evidence moved it to, version after version.
   */
  async moveEvidence(
    tx: Tx,
    statusChangeId: string,
    from: string,
    to: string | null,
  ): Promise<void> {
    const carried = `WITH RECURSIVE carried(passage_id) AS (
        SELECT $2::uuid
        UNION
        SELECT sc.moved_to_passage_id FROM source_changes sc
        JOIN carried ON sc.from_passage_id = carried.passage_id
        WHERE sc.status_change_id = $1::uuid AND sc.moved_to_passage_id IS NOT NULL)`;
    if (to === null) {
      await tx.$executeRawUnsafe(
        `${carried} DELETE FROM status_change_evidence e USING carried
         WHERE e.status_change_id = $1::uuid AND e.passage_id = carried.passage_id`,
        statusChangeId,
        from,
      );
      return;
    }
    await tx.$executeRawUnsafe(
      `${carried} UPDATE status_change_evidence e SET passage_id = $3::uuid FROM carried
       WHERE e.status_change_id = $1::uuid AND e.passage_id = carried.passage_id
         AND NOT EXISTS (SELECT 1 FROM status_change_evidence o
                         WHERE o.status_change_id = $1::uuid AND o.passage_id = $3::uuid)`,
      statusChangeId,
      from,
      to,
    );
  }

  /** Of these attributions, those with a source change awaiting review (now, or at `asOf`). */
  async awaitingReview(
    attributionIds: readonly string[],
    asOf: string | null = null,
  ): Promise<Set<string>> {
    const awaiting = asOf
      ? `sc.needs_review AND sc.at <= $2::timestamptz
         AND (sc.resolution IS NULL OR sc.resolved_at > $2::timestamptz)`
      : UNRESOLVED;
    const rows = await this.db.query<{ id: string }>(
      `SELECT DISTINCT sc.attribution_id AS id FROM source_changes sc
       WHERE sc.attribution_id = ANY($1::uuid[]) AND ${awaiting}`,
      asOf ? [attributionIds, asOf] : [attributionIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The moves of these attributions' passages, oldest first. */
  movesOf(attributionIds: readonly string[]): Promise<
    (Pick<SourceChangeRow, 'attributionId' | 'fromPassageId' | 'status' | 'score' | 'reason'> & {
      toPassageId: string;
      at: Date;
    })[]
  > {
    return this.db.query(
      `SELECT m.attribution_id AS "attributionId", m.from_id AS "fromPassageId",
              m.to_id AS "toPassageId", m.status, m.score, m.at, m.reason
       FROM ${passageMovesSql('sc.attribution_id = ANY($1::uuid[])')} m
       ORDER BY m.at, m.editor, m.id`,
      [attributionIds],
    );
  }
}
