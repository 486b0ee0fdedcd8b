import { Injectable } from '@nestjs/common';
import { PrincipalsRepository } from '../repositories/principals.repository';

export interface RevocationHandlers {
  /** a token was revoked (by any instance, or the CLI) */
  revoked: (principalId: string) => void;
  /** the channel (re)connected: revocations may have been missed meanwhile, check again */
  resync: () => void;
}

/**
 * Token revocations as they happen, from PostgreSQL LISTEN/NOTIFY: every process that shares the
 * database hears them within milliseconds of the commit, with no other shared service. Nothing
 * listens until a handler is registered (the CLI never opens the connection).
 */
@Injectable()
export class TokenRevocations {
  constructor(private readonly principals: PrincipalsRepository) {}

  /** Starts listening; answers the function that stops. */
  listen(handlers: RevocationHandlers): () => void {
    return this.principals.listenForRevocations({
      revoked: handlers.revoked,
      listening: handlers.resync,
    });
  }

  /** Which of these principals' tokens no longer work (revoked, expired or gone). */
  notWorking(principalIds: readonly string[], now = new Date()): Promise<string[]> {
    return this.principals.notWorking(principalIds, now);
  }
}
