import { Injectable } from '@nestjs/common';
import { ColumnSpec, columnList } from '@claimtrace/core';
import { Database, PersonRow } from '@claimtrace/database';
import { PersonRecord } from '../dtos/person.object';

const PERSON_RECORD_COLUMNS: ColumnSpec<PersonRow, PersonRecord> = [
  ['id', 'id'],
  ['name', 'name'],
  ['handle', 'handle'],
  ['email', 'email'],
  ['created_at', 'createdAt'],
];
const COLUMNS = columnList(PERSON_RECORD_COLUMNS, 'p');

/** The only code that touches `people`: plain SQL on the pool. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a person; null when the handle is taken (the unique index decides, race-free). */
  async insert(person: Pick<PersonRow, 'name' | 'handle' | 'email'>): Promise<PersonRecord | null> {
    const [row] = await this.db.query<PersonRecord>(
      `INSERT INTO people AS p (name, handle, email, created_at)
       VALUES ($1, $2, $3, $4::timestamptz)
       ON CONFLICT (handle) DO NOTHING RETURNING ${COLUMNS}`,
      [person.name, person.handle, person.email, new Date()],
    );
    return row ?? null;
  }

  findByIds(ids: readonly string[]): Promise<PersonRecord[]> {
    return this.db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM people p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  findByHandles(handles: readonly string[]): Promise<PersonRecord[]> {
    return this.db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM people p WHERE p.handle = ANY($1::text[])`,
      [handles],
    );
  }

  /**
   * One page of people by name, then id, and the total; with `search`, only those whose name or
   * handle holds it (case- and accent-insensitive; `%` and `_` are text, not wildcards).
   */
  async page(
    limit: number,
    after: [string, string] | null,
    search: string | null = null,
  ): Promise<{ rows: PersonRecord[]; totalCount: number }> {
    const matches = `($1::text IS NULL
      OR strpos(claimtrace_unaccent(lower(p.name)), claimtrace_unaccent(lower($1::text))) > 0
      OR strpos(coalesce(p.handle, ''), lower($1::text)) > 0)`;
    const term = search?.replaceAll('\u0000', '') || null; // PostgreSQL text cannot hold NUL
    const [rows, [{ n }]] = await Promise.all([
      this.db.query<PersonRecord>(
        `SELECT ${COLUMNS} FROM people p
         WHERE ${matches} AND ($2::text IS NULL OR (p.name, p.id) > ($2::text, $3::uuid))
         ORDER BY p.name, p.id LIMIT $4`,
        [term, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
      ),
      this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people p WHERE ${matches}`, [
        term,
      ]),
    ]);
    return { rows, totalCount: n };
  }
}
