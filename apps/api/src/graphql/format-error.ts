import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@claimtrace/core';
import { asDomainError } from '@claimtrace/database';

/** Codes that graphql-js and Apollo assign to errors the client caused; passed through as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
]);

export type ErrorLogger = (error: unknown) => void;

export const INTERNAL_ERROR_MESSAGE =
  'Internal server error. It has been logged with the request id; retrying will not help until it is fixed.';

/** Whether the client caused `error` (a domain error, invalid input, a rejected query). */
export function isClientError(error: unknown, code?: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return true;
  if (original instanceof HttpException && original.getStatus() === 400) return true;
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/**
 * The one place where errors become what a client sees: domain errors keep their message and code
 * (with their extra extensions), transient database failures (connection lost or refused, deadlock,
 * serialization failure) become SERVICE_UNAVAILABLE with `retryable` and `retryAfterSeconds`
 * (HTTP 503 with Retry-After, see retryAfterPlugin), validation failures become BAD_USER_INPUT with the problems
 * listed, and anything unexpected is masked as INTERNAL_SERVER_ERROR (logged in full, with the
 * request id, never sent). No stack trace ever leaves the server.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: ErrorLogger,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  const domain = asDomainError(original);
  if (domain) {
    return {
      ...base,
      message: domain.message,
      extensions: { ...domain.extensions, code: domain.code },
    };
  }
  if (original instanceof HttpException && original.getStatus() === 400) {
    const response = original.getResponse() as { message?: string | string[] };
    const problems = Array.isArray(response.message) ? response.message : [original.message];
    return {
      ...base,
      message: `Invalid input: ${problems.join('; ')}.`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, problems },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    // a literal a scalar refused (a DateTime off the calendar) is bad input, as in a variable
    if ((original as GraphQLError | null)?.originalError instanceof GraphQLError) {
      const inner = (original as GraphQLError).originalError as GraphQLError;
      if (inner.extensions.code === ErrorCode.BAD_USER_INPUT)
        extensions.code = ErrorCode.BAD_USER_INPUT;
    }
    return { ...formatted, extensions };
  }
  logUnexpected(original);
  return {
    ...base,
    message: INTERNAL_ERROR_MESSAGE,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
