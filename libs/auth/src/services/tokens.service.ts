import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, NotFoundError } from '@claimtrace/core';
import { UnauthenticatedError } from '../auth.errors';
import {
  AuthenticatedPrincipal,
  CreatedToken,
  NewToken,
  PrincipalSummary,
} from '../dtos/principal.dto';
import { PrincipalsRepository } from '../repositories/principals.repository';
import { bearerToken, generateToken, hashToken, isWellFormedToken, ROLES } from '../tokens/token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates, lists, revokes and checks API tokens. The secret is returned once and never stored. */
@Injectable()
export class TokensService {
  constructor(private readonly principals: PrincipalsRepository) {}

  async create(input: NewToken, now = new Date()): Promise<CreatedToken> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) {
      throw new BadInputError('A token needs a name of 1 to 100 characters (who or what uses it).');
    }
    if (!ROLES.includes(input.role)) {
      throw new BadInputError(`The role must be one of ${ROLES.join(', ')} (got ${input.role}).`);
    }
    if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
      throw new BadInputError('The expiry is in the past.');
    }
    if ((await this.principals.activeByName(name, now)).length > 0) {
      throw new ConflictError(
        `A working token named "${name}" exists; every write records its principal's name, so names must not be shared. Revoke it first or pick another name.`,
      );
    }
    const token = generateToken();
    const principal = await this.principals.insert({
      name,
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
    });
    return { token, principal };
  }

  list(): Promise<PrincipalSummary[]> {
    return this.principals.list();
  }

  async hasAny(): Promise<boolean> {
    return (await this.principals.count()) > 0;
  }

  /** Revokes a token by its id, or every working token of a name; fails when nothing matched. */
  async revoke(idOrName: string, now = new Date()): Promise<PrincipalSummary[]> {
    const match = UUID.test(idOrName) ? { id: idOrName } : { name: idOrName };
    const revoked = await this.principals.revoke(match, now);
    if (revoked.length === 0) throw new NotFoundError('working token', idOrName);
    return revoked;
  }

  /** The principal of a token, or an UnauthenticatedError saying why the token does not work. */
  async authenticate(token: string, now = new Date()): Promise<AuthenticatedPrincipal> {
    if (!isWellFormedToken(token)) {
      throw new UnauthenticatedError(
        'The token is not a Claimtrace token (ct_ and 43 characters).',
      );
    }
    const row = await this.principals.byHash(hashToken(token));
    if (!row) throw new UnauthenticatedError('The token is unknown.');
    if (row.revokedAt) {
      throw new UnauthenticatedError(`The token was revoked at ${row.revokedAt.toISOString()}.`);
    }
    if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
      throw new UnauthenticatedError(`The token expired at ${row.expiresAt.toISOString()}.`);
    }
    await this.principals.touch(row.id);
    return { id: row.id, name: row.name, role: row.role };
  }

  /**
   * The principal of an `Authorization` header value: null when there is none, the principal for
   * a working bearer token, else an UnauthenticatedError.
   */
  async fromAuthorization(header: unknown): Promise<AuthenticatedPrincipal | null> {
    const token = bearerToken(header);
    if (token === null) return null;
    if (token === undefined) {
      throw new UnauthenticatedError('Send the token as `Authorization: Bearer <token>`.');
    }
    return this.authenticate(token);
  }
}
