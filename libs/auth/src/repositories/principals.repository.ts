import { Injectable } from '@nestjs/common';
import { ApiPrincipalRow, Database } from '@claimtrace/database';
import { ColumnSpec, columnList, type PrincipalRole } from '@claimtrace/core';
import { PrincipalSummary } from '../dtos/principal.dto';

export type PrincipalRow = PrincipalSummary & Pick<ApiPrincipalRow, 'tokenHash'>;

/** The PostgreSQL NOTIFY channel that carries the id of every revoked token. */
export const REVOCATION_CHANNEL = 'claimtrace_token_revoked';

const PRINCIPAL_COLUMNS: ColumnSpec<ApiPrincipalRow> = [
  ['id', 'id'],
  ['name', 'name'],
  ['role', 'role'],
  ['token_hash', 'tokenHash'],
  ['created_at', 'createdAt'],
  ['expires_at', 'expiresAt'],
  ['revoked_at', 'revokedAt'],
  ['last_used_at', 'lastUsedAt'],
  ['person_id', 'personId'],
];
const COLUMNS = columnList(PRINCIPAL_COLUMNS);

/**
 * The only code that touches `api_principals`. Plain SQL on the pool: a token is looked up and
 * marked used on every authenticated request.
 */
@Injectable()
export class PrincipalsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts a token of `personId`, or, when that is null, of a new person named like the token:
   * one statement, so a token never exists without its person.
   */
  async insert(
    row: Pick<ApiPrincipalRow, 'name' | 'tokenHash' | 'expiresAt'> & {
      role: PrincipalRole;
      personId: string | null;
    },
  ): Promise<PrincipalSummary> {
    const [created] = await this.db.query<ApiPrincipalRow>(
      `WITH person AS (
         INSERT INTO people (name, created_at) SELECT $1, $5::timestamptz WHERE $6::uuid IS NULL
         RETURNING id)
       INSERT INTO api_principals (name, role, token_hash, expires_at, created_at, person_id)
       SELECT $1, $2::role, $3, $4::timestamptz, $5::timestamptz,
              coalesce($6::uuid, (SELECT id FROM person))
       RETURNING ${COLUMNS}`,
      [row.name, row.role, row.tokenHash, row.expiresAt, new Date(), row.personId],
    );
    return summary(created);
  }

  async byHash(tokenHash: string): Promise<PrincipalRow | null> {
    const [row] = await this.db.query<ApiPrincipalRow>(
      `SELECT ${COLUMNS} FROM api_principals WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ? { ...summary(row), tokenHash: row.tokenHash } : null;
  }

  async byId(id: string): Promise<PrincipalRow | null> {
    const [row] = await this.db.query<ApiPrincipalRow>(
      `SELECT ${COLUMNS} FROM api_principals WHERE id = $1::uuid`,
      [id],
    );
    return row ? { ...summary(row), tokenHash: row.tokenHash } : null;
  }

  async list(): Promise<PrincipalSummary[]> {
    const rows = await this.db.query<ApiPrincipalRow>(
      `SELECT ${COLUMNS} FROM api_principals ORDER BY created_at, id`,
    );
    return rows.map(summary);
  }

  /** Principals with this name whose token still works (not revoked, not expired). */
  async activeByName(name: string, now: Date): Promise<PrincipalSummary[]> {
    const rows = await this.db.query<ApiPrincipalRow>(
      `SELECT ${COLUMNS} FROM api_principals
       WHERE name = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [name, now],
    );
    return rows.map(summary);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM api_principals',
    );
    return count;
  }

  /**
   * Revokes the tokens matched by id or by name that are not revoked yet; answers them. Each
   * revoked id is also sent on REVOCATION_CHANNEL (PostgreSQL delivers it at commit, to every
   * instance listening), so open sockets with that token are closed at once.
   */
  async revoke(match: { id?: string; name?: string }, at: Date): Promise<PrincipalSummary[]> {
    // One statement: the revocation and its notifications (delivered at commit) cannot part.
    const rows = await this.db.query<ApiPrincipalRow>(
      `WITH revoked AS (
         UPDATE api_principals SET revoked_at = $3
          WHERE revoked_at IS NULL AND ($1::uuid IS NULL OR id = $1::uuid)
            AND ($2::text IS NULL OR name = $2::text)
          RETURNING ${COLUMNS}
       ), notified AS (
         SELECT pg_notify($4, revoked.id::text) FROM revoked
       )
       SELECT revoked.* FROM revoked WHERE (SELECT count(*) FROM notified) >= 0`,
      [match.id ?? null, match.name ?? null, at, REVOCATION_CHANNEL],
    );
    return rows.map(summary);
  }

  /** Which of these principals' tokens no longer work (revoked, expired or gone). */
  async notWorking(ids: readonly string[], now: Date): Promise<string[]> {
    const working = await this.db.query<{ id: string }>(
      `SELECT id FROM api_principals
        WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [ids, now],
    );
    const alive = new Set(working.map((row) => row.id));
    return ids.filter((id) => !alive.has(id));
  }

  /** Calls `revoked` with the id of every token revoked from now on, by any process. */
  listenForRevocations(handlers: {
    revoked: (principalId: string) => void;
    listening: () => void;
  }): () => void {
    return this.db.listen(REVOCATION_CHANNEL, handlers.revoked, handlers.listening);
  }

  /** Marks a token used, at most once a minute (a write per request would cost more than it tells). */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_principals SET last_used_at = now()
        WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}

function summary(
  row: Pick<
    ApiPrincipalRow,
    'id' | 'name' | 'role' | 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'personId'
  >,
): PrincipalSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role as PrincipalRole,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    personId: row.personId,
  };
}
