import {
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AuthenticatedPrincipal, AuthModule, TokenRevocations } from '@claimtrace/auth';
import { ClosableSocket } from './live-sockets';

/** graphql-ws's close code for refused credentials (as at `connection_init`). */
export const FORBIDDEN_CLOSE = 4403;

/** setTimeout's longest delay (about 24.8 days); a later expiry is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Session {
  principalId: string;
  timer: NodeJS.Timeout | null;
}

/**
 * The sockets of this process that authenticated with a token, by the token's principal. When the
 * token is revoked (a notification from any instance or the CLI, see TokenRevocations) or expires
 * (a timer per socket, set at its token's `expiresAt`), every socket authenticated with it is
 * closed with 4403. After the notification channel reconnects, every tracked token is checked
 * again, since a revocation may have been missed meanwhile. Every operation on a socket also
 * re-authenticates its token (subscriptions.ts), so a missed close never lets a dead token work.
 */
@Injectable()
export class SocketSessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SocketSessions');
  private readonly sessions = new Map<ClosableSocket, Session>();
  private readonly byPrincipal = new Map<string, Set<ClosableSocket>>();
  private stopListening: (() => void) | null = null;

  constructor(private readonly revocations: TokenRevocations) {}

  onApplicationBootstrap(): void {
    this.stopListening = this.revocations.listen({
      revoked: (principalId) => this.close(principalId),
      resync: () => this.recheck(),
    });
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
    for (const session of this.sessions.values()) if (session.timer) clearTimeout(session.timer);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Follows `socket`, authenticated as `principal`, until it closes. */
  add(socket: ClosableSocket, principal: AuthenticatedPrincipal): void {
    const session: Session = { principalId: principal.id, timer: null };
    this.sessions.set(socket, session);
    let sockets = this.byPrincipal.get(principal.id);
    if (!sockets) this.byPrincipal.set(principal.id, (sockets = new Set()));
    sockets.add(socket);
    if (principal.expiresAt) this.expireAt(socket, session, principal.expiresAt.getTime());
    socket.once('close', () => this.forget(socket));
  }

  private expireAt(socket: ClosableSocket, session: Session, at: number): void {
    const wait = at - Date.now();
    if (wait <= 0) {
      socket.close(FORBIDDEN_CLOSE, 'Token expired');
      return;
    }
    session.timer = setTimeout(
      () => this.expireAt(socket, session, at),
      Math.min(wait, MAX_TIMER_MS),
    );
    session.timer.unref();
  }

  private close(principalId: string): void {
    for (const socket of this.byPrincipal.get(principalId) ?? []) {
      socket.close(FORBIDDEN_CLOSE, 'Token revoked');
    }
  }

  private recheck(): void {
    const ids = [...this.byPrincipal.keys()];
    if (ids.length === 0) return;
    this.revocations
      .notWorking(ids)
      .then((dead) => dead.forEach((id) => this.close(id)))
      .catch((error: Error) => this.logger.warn(`re-checking socket tokens: ${error.message}`));
  }

  private forget(socket: ClosableSocket): void {
    const session = this.sessions.get(socket);
    if (!session) return;
    this.sessions.delete(socket);
    if (session.timer) clearTimeout(session.timer);
    const sockets = this.byPrincipal.get(session.principalId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byPrincipal.delete(session.principalId);
  }
}

/** Provides the one `SocketSessions` to the graphql-ws server. */
@Module({ imports: [AuthModule], providers: [SocketSessions], exports: [SocketSessions] })
export class SocketSessionsModule {}
