import {
  BeforeApplicationShutdown,
  Injectable,
  Module,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Duplex } from 'node:stream';

/** What a live socket needs to offer to be closed: `ws`'s WebSocket. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** WebSocket close code 1001: the server is going away (clients may reconnect elsewhere). */
export const GOING_AWAY = 1001;

/**
 * How long a socket gets, after the 1001, to finish its closing handshake before it is cut. It
 * also cuts the sockets graphql-ws never saw (upgraded, `connection_init` not sent yet).
 */
export const CLOSE_GRACE_MS = 1_000;

/**
 * The open graphql-ws sockets of this process. On shutdown, a socket with no query or mutation in
 * flight is closed (1001) at once; one with some is closed right after the last of them has sent
 * its answer, and takes no new operation meanwhile (SERVICE_UNAVAILABLE). This happens before the
 * HTTP server closes: Node's `server.close()` waits for every connection, upgraded ones included,
 * so the pool (closed after the HTTP server) outlives every operation, and an open subscription
 * does not hold the shutdown until SHUTDOWN_TIMEOUT_MS. A socket that connects while closing is
 * closed at once. Every upgraded connection is also followed from the HTTP server's `upgrade`
 * event, so that one which never answers the close, or never sent `connection_init`, is cut
 * CLOSE_GRACE_MS after it was asked to close instead of holding the shutdown.
 */
@Injectable()
export class LiveSockets implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly open = new Set<ClosableSocket>();
  private readonly upgraded = new Set<Duplex>();
  /** queries and mutations in flight, per socket and per its connection (the upgraded Duplex) */
  private readonly busy = new Map<
    ClosableSocket,
    { connection?: object; operations: Set<string> }
  >();
  private closing = false;
  private settle: (() => void) | null = null;

  constructor(@Optional() private readonly adapterHost?: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as
      | { on(event: 'upgrade', listener: (request: unknown, socket: Duplex) => void): void }
      | undefined;
    server?.on('upgrade', (_request, socket) => {
      this.upgraded.add(socket);
      socket.once('close', () => this.upgraded.delete(socket));
    });
  }

  /** Tracks a socket until it closes; answers false (and closes it) once shutdown has begun. */
  track(socket: ClosableSocket): boolean {
    if (this.closing) {
      socket.close(GOING_AWAY, 'Going away');
      return false;
    }
    this.open.add(socket);
    socket.once('close', () => {
      this.open.delete(socket);
      this.busy.delete(socket);
      this.checkSettled();
    });
    return true;
  }

  get size(): number {
    return this.open.size;
  }

  /** Whether shutdown has begun: a socket then takes no new operation. */
  get stopping(): boolean {
    return this.closing;
  }

  /**
   * Notes that the query or mutation `id` started on `socket` (whose connection is `connection`);
   * call `ended` once its answer is sent. Shutdown waits for it before closing the socket.
   */
  started(socket: ClosableSocket, id: string, connection?: object): void {
    const entry = this.busy.get(socket) ?? { connection, operations: new Set<string>() };
    entry.operations.add(id);
    this.busy.set(socket, entry);
  }

  /** The operation `id` of `socket` has answered (or was not a query or mutation in flight). */
  ended(socket: ClosableSocket, id: string): void {
    const entry = this.busy.get(socket);
    if (!entry?.operations.delete(id) || entry.operations.size > 0) return;
    this.busy.delete(socket);
    // graphql-ws sends the answer's `complete` in this turn, after this hook: close after it
    if (this.closing) setImmediate(() => socket.close(GOING_AWAY, 'Going away'));
    this.checkSettled();
  }

  /** Resolves once no query or mutation is in flight on any socket. */
  settled(): Promise<void> {
    if (this.busy.size === 0) return Promise.resolve();
    return new Promise((done) => {
      const previous = this.settle;
      this.settle = () => {
        previous?.();
        done();
      };
    });
  }

  /** Nest calls it after onModuleDestroy, before the HTTP server closes (`app.close()`). */
  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const socket of this.open) {
      if (!this.busy.has(socket)) socket.close(GOING_AWAY, 'Going away');
    }
    if (this.upgraded.size === 0) return;
    const cut = () => {
      const working = new Set([...this.busy.values()].map((entry) => entry.connection));
      for (const socket of this.upgraded) if (!working.has(socket)) socket.destroy();
      if (this.upgraded.size > 0) setTimeout(cut, CLOSE_GRACE_MS).unref();
    };
    setTimeout(cut, CLOSE_GRACE_MS).unref();
  }

  private checkSettled(): void {
    if (this.busy.size > 0 || !this.settle) return;
    const settle = this.settle;
    this.settle = null;
    settle();
  }
}

/** Provides the one `LiveSockets` to the GraphQL options factory and to Nest's shutdown hooks. */
@Module({ providers: [LiveSockets], exports: [LiveSockets] })
export class LiveSocketsModule {}
