import { DomainError, ErrorCode } from '../errors/domain.errors';
import { clientAddressKey } from './client-address';

/**
 * A per-client cost budget: what GraphQL operations spend their cost from, and the HTTP exports
 * their charge. The API provides one instance per process under `RATE_BUDGET` (apps/api's
 * CostRateLimiter); without one (the CLI) nothing is charged.
 */
export interface RateBudget {
  /** Spends `cost` from `clientKey`'s budget: 0 when allowed, else the seconds to wait. */
  take(clientKey: string, cost: number): number;
}

export const RATE_BUDGET = Symbol('RATE_BUDGET');

/**
 * The budget a request spends from, over HTTP and graphql-ws alike: its token's, else its client
 * address's (an IPv6 client's /64, see clientAddressKey).
 */
export function clientKeyOf(
  principalId: string | null | undefined,
  ip: string | undefined,
): string {
  return principalId ? `token:${principalId}` : `ip:${clientAddressKey(ip ?? 'unknown')}`;
}

/** Over budget: HTTP 429 with `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many requests; retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}
