import type { PrincipalRole } from '@claimtrace/core';

/** Who a valid token belongs to; what a request runs as. */
export interface AuthenticatedPrincipal {
  id: string;
  name: string;
  role: PrincipalRole;
  /** when the token stops working (null: never); open sockets are closed then */
  expiresAt?: Date | null;
}

/** A token as `claimtrace token list` shows it: everything but the secret, which is never stored. */
export interface PrincipalSummary {
  id: string;
  name: string;
  role: PrincipalRole;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A token just created: the only moment its secret exists outside the client. */
export interface CreatedToken {
  token: string;
  principal: PrincipalSummary;
}

export interface NewToken {
  name: string;
  role: PrincipalRole;
  expiresAt?: Date | null;
}
