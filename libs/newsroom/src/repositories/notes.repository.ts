import { Injectable } from '@nestjs/common';
import { ColumnSpec, columnList } from '@claimtrace/core';
import { Database, NoteRow, Tx } from '@claimtrace/database';
import { NoteRecord } from '../dtos/note.dto';

const NOTE_RECORD_COLUMNS: ColumnSpec<NoteRow, NoteRecord> = [
  ['id', 'id'],
  ['claim_id', 'claimId'],
  ['attribution_id', 'attributionId'],
  ['author_id', 'authorId'],
  ['body', 'body'],
  ['mention_ids', 'mentionIds'],
  ['version', 'version'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['removed_at', 'removedAt'],
];
const COLUMNS = columnList(NOTE_RECORD_COLUMNS, 'n');

/** Whose notes a list holds: a claim's, an attribution's, or those mentioning a person. */
export type NoteOwner = 'claim_id' | 'attribution_id' | 'mention';

/** How a statement reads the notes of the owners in `$1`: the owner column, the rows, the match. */
function ownerSql(owner: NoteOwner): { column: string; from: string; where: string } {
  if (owner === 'mention') {
    return {
      column: 'm.owner',
      from: 'notes n CROSS JOIN LATERAL unnest(n.mention_ids) AS m(owner)',
      // the GIN index finds the notes; the unnest keeps one row per mentioned owner
      where: 'n.mention_ids && $1::uuid[] AND m.owner = ANY($1::uuid[])',
    };
  }
  return { column: `n.${owner}`, from: 'notes n', where: `n.${owner} = ANY($1::uuid[])` };
}

/** All SQL about notes. */
@Injectable()
export class NotesRepository {
  constructor(private readonly db: Database) {}

  async insert(
    tx: Tx,
    note: Pick<NoteRow, 'claimId' | 'attributionId' | 'authorId' | 'body' | 'mentionIds'>,
  ): Promise<NoteRecord> {
    const rows = await tx.$queryRawUnsafe<NoteRecord[]>(
      `INSERT INTO notes AS n (claim_id, attribution_id, author_id, body, mention_ids, created_at, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::uuid[], $6::timestamptz, $6::timestamptz)
       RETURNING ${COLUMNS}`,
      note.claimId,
      note.attributionId,
      note.authorId,
      note.body,
      note.mentionIds,
      new Date(),
    );
    return rows[0];
  }

  async lock(tx: Tx, id: string): Promise<NoteRecord | null> {
    const rows = await tx.$queryRawUnsafe<NoteRecord[]>(
      `SELECT ${COLUMNS} FROM notes n WHERE n.id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  async update(tx: Tx, id: string, body: string, mentionIds: string[]): Promise<NoteRecord> {
    const rows = await tx.$queryRawUnsafe<NoteRecord[]>(
      `UPDATE notes n SET body = $2, mention_ids = $3::uuid[], version = n.version + 1,
              updated_at = $4::timestamptz
       WHERE n.id = $1::uuid RETURNING ${COLUMNS}`,
      id,
      body,
      mentionIds,
      new Date(),
    );
    return rows[0];
  }

  async remove(tx: Tx, id: string, personId: string, reason: string): Promise<NoteRecord> {
    const rows = await tx.$queryRawUnsafe<NoteRecord[]>(
      `UPDATE notes n SET removed_at = $2::timestamptz, removed_by_id = $3::uuid, removed_reason = $4
       WHERE n.id = $1::uuid RETURNING ${COLUMNS}`,
      id,
      new Date(),
      personId,
      reason,
    );
    return rows[0];
  }

  findByIds(ids: readonly string[]): Promise<NoteRecord[]> {
    return this.db.query<NoteRecord>(
      `SELECT ${COLUMNS} FROM notes n WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * The first `limit + 1` current notes of each owner, newest first, after `after` (a note's time
   * and id) when given, with each owner's total: one statement for a whole page of owners.
   */
  pages(
    owner: NoteOwner,
    keys: readonly string[],
    limit: number,
    after: [string, string] | null,
  ): Promise<(NoteRecord & { owner: string; totalCount: number })[]> {
    const { column, from, where } = ownerSql(owner);
    // totals count every current note of the owner; the page continues after the cursor
    return this.db.query(
      `SELECT * FROM (
         SELECT y.*, row_number() OVER (PARTITION BY y.owner ORDER BY y."createdAt" DESC, y.id DESC) AS rn
         FROM (
           SELECT ${COLUMNS}, ${column}::text AS owner,
                  count(*) OVER (PARTITION BY ${column})::int AS "totalCount",
                  ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid)) AS visible
           FROM ${from}
           WHERE ${where} AND n.removed_at IS NULL) y
         WHERE y.visible) x
       WHERE x.rn <= $2::int + 1 ORDER BY x.owner, x.rn`,
      [keys, limit, after?.[0] ?? null, after?.[1] ?? null],
    );
  }

  /** Each owner's number of current notes (for a page past the end, which has no row to carry it). */
  async totals(owner: NoteOwner, keys: readonly string[]): Promise<Map<string, number>> {
    const { column, from, where } = ownerSql(owner);
    const rows = await this.db.query<{ owner: string; count: number }>(
      `SELECT ${column}::text AS owner, count(*)::int AS count FROM ${from}
       WHERE ${where} AND n.removed_at IS NULL GROUP BY 1`,
      [keys],
    );
    return new Map(rows.map((row) => [row.owner, row.count]));
  }
}
