import { Injectable } from '@nestjs/common';
import { ChecklistTickRow, ClaimRow, Database, Tx } from '@claimtrace/database';
import { ClaimRecord } from '../dtos/claim.object';
import { CLAIM_COLUMNS } from './claims.repository';

export type ChecklistTickRecord = Pick<ChecklistTickRow, 'claimId' | 'key' | 'doneById' | 'doneAt'>;
export type Assignment = Pick<ClaimRow, 'assigneeId' | 'dueAt' | 'priority'>;

/** The SQL of the desk around a claim: its assignment and its checklist ticks. */
@Injectable()
export class ClaimDeskRepository {
  constructor(private readonly db: Database) {}

  /** Sets the assignment (the claim is locked by the caller); the version is the text's, unchanged. */
  async assign(tx: Tx, claimId: string, assignment: Assignment): Promise<ClaimRecord> {
    const rows = await tx.$queryRawUnsafe<ClaimRecord[]>(
      `UPDATE claims c SET assignee_id = $2::uuid, due_at = $3::timestamptz,
              priority = $4::priority, updated_at = $5::timestamptz
       WHERE c.id = $1::uuid RETURNING ${CLAIM_COLUMNS}`,
      claimId,
      assignment.assigneeId,
      assignment.dueAt,
      assignment.priority,
      new Date(),
    );
    return rows[0];
  }

  ticksOf(claimIds: readonly string[]): Promise<ChecklistTickRecord[]> {
    return this.db.query<ChecklistTickRecord>(
      `SELECT claim_id AS "claimId", key, done_by_id AS "doneById", done_at AS "doneAt"
       FROM checklist_ticks WHERE claim_id = ANY($1::uuid[])`,
      [claimIds],
    );
  }

  /** The ticks of a claim and who made them, read in the caller's transaction (claim locked). */
  ticksIn(tx: Tx, claimId: string): Promise<Pick<ChecklistTickRow, 'key' | 'doneById'>[]> {
    return tx.$queryRaw<Pick<ChecklistTickRow, 'key' | 'doneById'>[]>`
      SELECT key, done_by_id AS "doneById" FROM checklist_ticks WHERE claim_id = ${claimId}::uuid`;
  }

  /** Ticks an item; false when it was ticked already. */
  async tick(tx: Tx, claimId: string, key: string, personId: string): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO checklist_ticks (claim_id, key, done_by_id, done_at)
      VALUES (${claimId}::uuid, ${key}, ${personId}::uuid, ${new Date()}::timestamptz)
      ON CONFLICT (claim_id, key) DO NOTHING`;
    return inserted > 0;
  }

  /** Unticks an item; false when it was not ticked. */
  async untick(tx: Tx, claimId: string, key: string): Promise<boolean> {
    const deleted = await tx.$executeRaw`
      DELETE FROM checklist_ticks WHERE claim_id = ${claimId}::uuid AND key = ${key}`;
    return deleted > 0;
  }
}
