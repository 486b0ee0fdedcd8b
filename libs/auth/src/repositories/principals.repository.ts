import { Injectable } from '@nestjs/common';
import { Database } from '@claimtrace/database';
import type { PrincipalRole } from '@claimtrace/core';
import { PrincipalSummary } from '../dtos/principal.dto';

export interface PrincipalRow extends PrincipalSummary {
  tokenHash: string;
}

/** The PostgreSQL NOTIFY channel that carries the id of every revoked token. */
export const REVOCATION_CHANNEL = 'claimtrace_token_revoked';

/** The only code that touches `api_principals`. */
@Injectable()
export class PrincipalsRepository {
  constructor(private readonly db: Database) {}

  async insert(row: {
    name: string;
    role: PrincipalRole;
    tokenHash: string;
    expiresAt: Date | null;
  }): Promise<PrincipalSummary> {
    const created = await this.db.prisma.apiPrincipal.create({ data: row });
    return summary(created);
  }

  async byHash(tokenHash: string): Promise<PrincipalRow | null> {
    const row = await this.db.prisma.apiPrincipal.findUnique({ where: { tokenHash } });
    return row ? { ...summary(row), tokenHash: row.tokenHash } : null;
  }

  async byId(id: string): Promise<PrincipalRow | null> {
    const row = await this.db.prisma.apiPrincipal.findUnique({ where: { id } });
    return row ? { ...summary(row), tokenHash: row.tokenHash } : null;
  }

  async list(): Promise<PrincipalSummary[]> {
    const rows = await this.db.prisma.apiPrincipal.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(summary);
  }

  /** Principals with this name whose token still works (not revoked, not expired). */
  async activeByName(name: string, now: Date): Promise<PrincipalSummary[]> {
    const rows = await this.db.prisma.apiPrincipal.findMany({
      where: { name, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    return rows.map(summary);
  }

  async count(): Promise<number> {
    return this.db.prisma.apiPrincipal.count();
  }

  /**
   * Revokes the tokens matched by id or by name that are not revoked yet; answers them. Each
   * revoked id is also sent on REVOCATION_CHANNEL (PostgreSQL delivers it at commit, to every
   * instance listening), so open sockets with that token are closed at once.
   */
  async revoke(match: { id?: string; name?: string }, at: Date): Promise<PrincipalSummary[]> {
    const where = { ...match, revokedAt: null };
    return this.db.transaction(async (tx) => {
      const rows = await tx.apiPrincipal.findMany({ where });
      await tx.apiPrincipal.updateMany({ where, data: { revokedAt: at } });
      for (const row of rows) {
        await tx.$executeRaw`SELECT pg_notify(${REVOCATION_CHANNEL}, ${row.id})`;
      }
      return rows.map((row) => summary({ ...row, revokedAt: at }));
    });
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

function summary(row: {
  id: string;
  name: string;
  role: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}): PrincipalSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role as PrincipalRole,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}
