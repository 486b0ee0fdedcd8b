import { Injectable } from '@nestjs/common';
import { Database } from '@claimtrace/database';
import type { PrincipalRole } from '@claimtrace/core';
import { PrincipalSummary } from '../dtos/principal.dto';

export interface PrincipalRow extends PrincipalSummary {
  tokenHash: string;
}

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

  /** Revokes the tokens matched by id or by name that are not revoked yet; answers them. */
  async revoke(match: { id?: string; name?: string }, at: Date): Promise<PrincipalSummary[]> {
    const where = { ...match, revokedAt: null };
    return this.db.transaction(async (tx) => {
      const rows = await tx.apiPrincipal.findMany({ where });
      await tx.apiPrincipal.updateMany({ where, data: { revokedAt: at } });
      return rows.map((row) => summary({ ...row, revokedAt: at }));
    });
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
