/** The codes a client sees in `extensions.code`; one per kind of failure a client can cause. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  RATE_LIMITED = 'RATE_LIMITED',
  /** a transient failure of the server's database: the same request may succeed when retried */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * A failure the client caused and can fix. Services throw these; one formatter turns them into
 * GraphQL errors with `extensions.code` (and any extra extensions) and the message unchanged.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, extensions);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `No ${entity} has the id "${id}".`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

/**
 * The database could not serve the request for a while (connection lost or refused, a conflict
 * with a concurrent transaction): nothing is wrong with the request, and the same request may
 * succeed after `retryAfterSeconds`. Answered with HTTP 503 and `Retry-After`.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { retryable: true, retryAfterSeconds });
  }
}
