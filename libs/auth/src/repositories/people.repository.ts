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

  /** One page of people by name, then id, and the total. */
  async page(
    limit: number,
    after: [string, string] | null,
  ): Promise<{ rows: PersonRecord[]; totalCount: number }> {
    const rows = await this.db.query<PersonRecord & { totalCount: number }>(
      `SELECT ${COLUMNS}, (SELECT count(*)::int FROM people) AS "totalCount" FROM people p
       WHERE $1::text IS NULL OR (p.name, p.id) > ($1::text, $2::uuid)
       ORDER BY p.name, p.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const totalCount = rows.length
      ? rows[0].totalCount
      : (await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people'))[0].n;
    return { rows, totalCount };
  }
}
