import { BadInputError } from '../errors/domain.errors';

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
  shape: readonly ('string' | 'number' | 'string?')[],
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
    const value = key[i];
    const ok =
      type === 'string?'
        ? value === null || typeof value === 'string'
        : type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === 'string';
    if (!ok) throw fail();
  });
  return key as (string | number | null)[];
}
