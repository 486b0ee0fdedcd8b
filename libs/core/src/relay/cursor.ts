import { BadInputError } from '../errors/domain.errors';
import { parseDateTime } from '../time/parse-date-time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a position of a cursor holds: any string, a nullable string, a number, or a string the SQL
 * casts — a row id (`uuid`), a time (`time`, ISO 8601), a number (`decimal`) — checked here, since
 * a forged cursor that PostgreSQL cannot cast failed as an internal error.
 */
export type CursorPart = 'string' | 'number' | 'string?' | 'uuid' | 'time' | 'decimal';

function isTime(value: string): boolean {
  try {
    parseDateTime(value);
    return true;
  } catch {
    return false;
  }
}

function fits(type: CursorPart, value: unknown): boolean {
  if (type === 'string?') return value === null || typeof value === 'string';
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (typeof value !== 'string') return false;
  if (type === 'uuid') return UUID.test(value);
  if (type === 'time') return isTime(value);
  if (type === 'decimal')
    return value.length < 64 && value.trim() !== '' && Number.isFinite(Number(value));
  return true;
}

/** An opaque page cursor: the sort key of a row, as base64url JSON. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor into its sort key, checking it has the expected shape (one type per position,
 * 'string?' for nullable strings). Anything else is a BAD_USER_INPUT error that says what to pass.
 */
export function decodeCursor(
  cursor: string,
  shape: readonly CursorPart[],
  argument = 'after',
): (string | number | null)[] {
  const fail = () =>
    new BadInputError(
      `\`${argument}\` is not a cursor of this list; pass the \`endCursor\` (or an edge's \`cursor\`) from a previous page of the same query.`,
      { argument },
    );
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 1000) throw fail();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw fail();
  shape.forEach((type, i) => {
    if (!fits(type, key[i])) throw fail();
  });
  return key as (string | number | null)[];
}
