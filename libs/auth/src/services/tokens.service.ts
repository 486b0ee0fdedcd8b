import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, NotFoundError } from '@claimtrace/core';
import { UnauthenticatedError } from '../auth.errors';
import {
  AuthenticatedPrincipal,
  CreatedToken,
  NewToken,
  PrincipalSummary,
} from '../dtos/principal.dto';
import { PrincipalRow, PrincipalsRepository } from '../repositories/principals.repository';
import { PeopleService, personName } from './people.service';
import {
  canonicalTarget,
  DOWNLOAD_LINK_SECONDS,
  parseTicket,
  signedLink,
  ticketMatches,
} from '../tokens/download-link';
import { bearerToken, generateToken, hashToken, isWellFormedToken, ROLES } from '../tokens/token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates, lists, revokes and checks API tokens. The secret is returned once and never stored. */
@Injectable()
export class TokensService {
  constructor(
    private readonly principals: PrincipalsRepository,
    private readonly people: PeopleService,
  ) {}

  async create(input: NewToken, now = new Date()): Promise<CreatedToken> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) {
      throw new BadInputError('A token needs a name of 1 to 100 characters (who or what uses it).');
    }
    // recorded as `by` on every write and printed by `watch`; names a new person: a person's name
    personName(name);
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
    const person = input.person ? await this.people.find(input.person) : null;
    const token = generateToken();
    const principal = await this.principals.insert({
      name,
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
      personId: person?.key ?? null,
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
    return this.working(row, now, 'The token');
  }

  /**
   * A download link for `url` (path and query of an export) that works without a header for
   * DOWNLOAD_LINK_SECONDS, as the principal of a working token. See tokens/download-link.ts.
   */
  async downloadLink(
    principal: AuthenticatedPrincipal,
    url: string,
    now = new Date(),
  ): Promise<{ url: string; expiresAt: Date }> {
    const row = await this.principals.byId(principal.id);
    if (!row) throw new UnauthenticatedError('The token is unknown.');
    const expires = Math.floor(now.getTime() / 1000) + DOWNLOAD_LINK_SECONDS;
    return {
      url: signedLink(url, row.id, row.tokenHash, expires),
      expiresAt: new Date(expires * 1000),
    };
  }

  /**
   * The principal of a request: its download ticket when the URL carries one (see
   * tokens/download-link.ts), else its `Authorization` header (fromAuthorization).
   */
  async fromRequest(
    url: string,
    authorization: unknown,
    now = new Date(),
  ): Promise<AuthenticatedPrincipal | null> {
    const { target, ticket } = canonicalTarget(url);
    if (ticket === null) return this.fromAuthorization(authorization);
    const parsed = parseTicket(ticket);
    if (!parsed) throw new UnauthenticatedError('The download link is damaged: ask for a new one.');
    const row = await this.principals.byId(parsed.principalId);
    if (!row || !ticketMatches(parsed, row.tokenHash, target)) {
      throw new UnauthenticatedError(
        'The download link is not valid for this address: ask for a new one.',
      );
    }
    if (parsed.expires * 1000 <= now.getTime()) {
      throw new UnauthenticatedError(
        `The download link expired at ${new Date(parsed.expires * 1000).toISOString()}: ask for a new one (they work ${DOWNLOAD_LINK_SECONDS / 60} minutes).`,
      );
    }
    return this.working(row, now, "The download link's token");
  }

  /** The principal of a stored token row that still works, else why it does not. */
  private async working(
    row: PrincipalRow,
    now: Date,
    what: string,
  ): Promise<AuthenticatedPrincipal> {
    if (row.revokedAt) {
      throw new UnauthenticatedError(`${what} was revoked at ${row.revokedAt.toISOString()}.`);
    }
    if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
      throw new UnauthenticatedError(`${what} expired at ${row.expiresAt.toISOString()}.`);
    }
    await this.principals.touch(row.id);
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      personId: row.personId,
      expiresAt: row.expiresAt,
    };
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
