import { ClaimEventKind, ClaimEventRow } from '@claimtrace/database';
import { encodeLogCursor, LogPosition } from './log-position';

/** One entry of the change log as readers hand it out: immutable, shared by every subscriber. */
export interface LogEvent extends LogPosition {
  readonly cursor: string;
  readonly kind: ClaimEventKind;
  readonly claimId: string | null;
  readonly actorIds: readonly string[];
  readonly at: Date;
  readonly by: string | null;
  /** the person who made the change (database key), when known */
  readonly personId: string | null;
  readonly payload: Record<string, unknown>;
}

/**
 * A claim_events row as the repository selects it: ids as text (xid8 and bigint; tx_id is a column
 * the migrations add, see prisma/extra-objects.json), the payload an object.
 */
export type LogEventRow = Pick<
  ClaimEventRow,
  'kind' | 'claimId' | 'actorIds' | 'at' | 'by' | 'personId'
> & {
  id: string;
  txId: string;
  payload: Record<string, unknown> | null;
};

export function toLogEvent(row: LogEventRow): LogEvent {
  const txId = BigInt(row.txId);
  const id = BigInt(row.id);
  return Object.freeze({
    txId,
    id,
    cursor: encodeLogCursor({ txId, id }),
    kind: row.kind,
    claimId: row.claimId,
    actorIds: Object.freeze([...(row.actorIds ?? [])]),
    at: row.at,
    by: row.by,
    personId: row.personId ?? null,
    payload: row.payload ?? {},
  });
}
