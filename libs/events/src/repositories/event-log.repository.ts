import { Injectable } from '@nestjs/common';
import { ClaimEventKind, Prisma, Tx } from '@claimtrace/database';

export interface NewClaimEvent {
  kind: ClaimEventKind;
  /** the claim the event concerns; null for actor and article events */
  claimId?: string | null;
  /** the actors the event concerns (for actor-filtered feeds) */
  actorIds?: string[];
  by: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends to the durable, ordered change log. Always called inside the transaction of the change
 * it records, so an event exists exactly when its change committed.
 */
@Injectable()
export class EventLogRepository {
  async append(tx: Tx, event: NewClaimEvent): Promise<bigint> {
    const row = await tx.claimEvent.create({
      data: {
        kind: event.kind,
        claimId: event.claimId ?? null,
        actorIds: event.actorIds ?? [],
        by: event.by,
        payload: event.payload as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    return row.id;
  }
}
