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
 * The open graphql-ws sockets of this process. On shutdown they are closed (1001) before the HTTP
 * server closes: Node's `server.close()` waits for every connection, upgraded ones included, so an
 * open subscription would otherwise hold the shutdown until SHUTDOWN_TIMEOUT_MS. A socket that
 * connects while closing is closed at once. Every upgraded connection is also followed from the
 * HTTP server's `upgrade` event, so that one which never answers the close, or never sent
 * `connection_init`, is cut after CLOSE_GRACE_MS instead of holding the shutdown.
 */
@Injectable()
export class LiveSockets implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly open = new Set<ClosableSocket>();
  private readonly upgraded = new Set<Duplex>();
  private closing = false;

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
    socket.once('close', () => this.open.delete(socket));
    return true;
  }

  get size(): number {
    return this.open.size;
  }

  /** Nest calls it after onModuleDestroy, before the HTTP server closes (`app.close()`). */
  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const socket of this.open) socket.close(GOING_AWAY, 'Going away');
    if (this.upgraded.size === 0) return;
    setTimeout(() => {
      for (const socket of this.upgraded) socket.destroy();
    }, CLOSE_GRACE_MS).unref();
  }
}

/** Provides the one `LiveSockets` to the GraphQL options factory and to Nest's shutdown hooks. */
@Module({ providers: [LiveSockets], exports: [LiveSockets] })
export class LiveSocketsModule {}
