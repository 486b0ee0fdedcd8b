import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { ErrorCode } from '@claimtrace/core';

/** NUL (PostgreSQL text cannot hold it) and UTF-16 surrogates without their pair (not Unicode). */
const INVALID_TEXT = new RegExp(
  // eslint-disable-next-line no-control-regex -- finding NUL is the point
  '\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
);

/** Where in `value` a string holds invalid text (`input.tags[2]`), or null when none does. */
export function invalidTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = invalidTextPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (INVALID_TEXT.test(key)) return path ? `${path}.${key}` : key;
      const found = invalidTextPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses any string argument, in the variables or written in the document, that holds NUL or an
 * unpaired surrogate: PostgreSQL would refuse the first with an internal error, and the second
 * would be stored silently changed (as U+FFFD). One check for every argument of every operation.
 */
export function checkTextInputs(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): void {
  let where = invalidTextPath(variables ?? {});
  if (where) where = `$${where}`;
  if (!where) {
    visit(document, {
      [Kind.STRING](node) {
        if (!where && INVALID_TEXT.test(node.value)) where = 'a string in the query';
      },
    });
  }
  if (where) {
    throw new GraphQLError(
      `Text may not contain the NUL character (U+0000) or unpaired UTF-16 surrogates (at ${where}).`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, at: where, http: { status: 400 } } },
    );
  }
}
