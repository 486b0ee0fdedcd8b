import type { PrincipalRole } from '@claimtrace/core';
import type { ApiPrincipalRow } from '@claimtrace/database';

/** Who a valid token belongs to; what a request runs as. */
export interface AuthenticatedPrincipal {
  id: string;
  name: string;
  role: PrincipalRole;
  /** the person the token belongs to (database key) */
  personId: string;
  /** when the token stops working (null: never); open sockets are closed then */
  expiresAt?: Date | null;
}

/** A token as `claimtrace token list` shows it: everything but the secret, which is never stored. */
export type PrincipalSummary = Pick<
  ApiPrincipalRow,
  'id' | 'name' | 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'personId'
> & { role: PrincipalRole };

/** A token just created: the only moment its secret exists outside the client. */
export interface CreatedToken {
  token: string;
  principal: PrincipalSummary;
}

export interface NewToken {
  name: string;
  role: PrincipalRole;
  /**
   * whose token it is: a Person's id, database key or @handle (PeopleService.find); without one, a
   * person of the token's name is created
   */
  person?: string | null;
  expiresAt?: Date | null;
}
