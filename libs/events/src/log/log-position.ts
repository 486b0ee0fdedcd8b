import { BadInputError } from '@claimtrace/core';

/**
 * A place in the event log. The log's order is (txId, id): the writing transaction's id first, then
 * the event's sequence id. Sequence ids alone are not a safe resume point, because a transaction
 * can take a smaller id and commit after a larger one was handed out; readers only hand out events
 * of transactions older than every running one, and in (txId, id) order those never get a
 * predecessor later (see EventLogRepository.readAfter).
 */
export interface LogPosition {
  readonly txId: bigint;
  readonly id: bigint;
}

/** Before the first event. */
export const LOG_START: LogPosition = Object.freeze({ txId: 0n, id: 0n });

const PREFIX = 'ev1';
const DIGITS = /^\d{1,20}$/;

/** The opaque cursor of a log position (base64url), stable across instances and restarts. */
export function encodeLogCursor(position: LogPosition): string {
  return Buffer.from(`${PREFIX}:${position.txId}:${position.id}`, 'utf8').toString('base64url');
}

/** Decodes an event cursor; anything else is a BAD_USER_INPUT error naming the argument. */
export function decodeLogCursor(cursor: string, argument = 'after'): LogPosition {
  const fail = () =>
    new BadInputError(
      `\`${argument}\` is not an event cursor; pass the \`cursor\` of an event (or the \`endCursor\` of an \`events\` page) that this API returned.`,
      { argument },
    );
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 120) throw fail();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts.length !== 3 || parts[0] !== PREFIX) throw fail();
  if (!DIGITS.test(parts[1]) || !DIGITS.test(parts[2])) throw fail();
  const position = { txId: BigInt(parts[1]), id: BigInt(parts[2]) };
  if (encodeLogCursor(position) !== cursor) throw fail();
  return position;
}

/** Negative when `a` comes first in log order, 0 when equal, positive when after. */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function isAfter(a: LogPosition, b: LogPosition): boolean {
  return compareLogPositions(a, b) > 0;
}
