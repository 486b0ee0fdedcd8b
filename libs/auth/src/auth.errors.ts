import { DomainError, ErrorCode } from '@claimtrace/core';

/** No usable credentials: none sent where one is needed, or a token that is unknown, revoked or expired. */
export class UnauthenticatedError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, extensions);
  }
}

/** Valid credentials whose role is too low for what was asked. */
export class ForbiddenError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, extensions);
  }
}
