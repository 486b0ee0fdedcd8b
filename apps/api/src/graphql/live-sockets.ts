import { BeforeApplicationShutdown, Injectable, Module } from '@nestjs/common';

/** What a live socket needs to offer to be closed: `ws`'s WebSocket. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** WebSocket close code 1001: the server is going away (clients may reconnect elsewhere). */
export const GOING_AWAY = 1001;

/**
 * The open graphql-ws sockets of this process. On shutdown they are closed (1001) before the HTTP
 * server closes: Node's `server.close()` waits for every connection, upgraded ones included, so an
 * open subscription would otherwise hold the shutdown until SHUTDOWN_TIMEOUT_MS. A socket that
 * connects while closing is closed at once.
 */
@Injectable()
export class LiveSockets implements BeforeApplicationShutdown {
  private readonly open = new Set<ClosableSocket>();
  private closing = false;

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
  }
}

/** Provides the one `LiveSockets` to the GraphQL options factory and to Nest's shutdown hooks. */
@Module({ providers: [LiveSockets], exports: [LiveSockets] })
export class LiveSocketsModule {}
