import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticateConnection, TokensService } from '@claimtrace/auth';
import { APP_CONFIG, AppConfig } from '@claimtrace/core';
import { bodyLimitFor } from '../bootstrap/body-limit';
import { OperationGuards } from './guards/operation-guards';
import { LiveSockets } from './live-sockets';
import { SocketSessions } from './socket-sessions';
import { subscriptionOptions } from './subscriptions';

export const GRAPHQL_PATH = '/graphql';

/** The largest WebSocket message accepted: WS_MAX_PAYLOAD_BYTES, else the HTTP body limit. */
export function wsMaxPayload(config: AppConfig): number {
  return config.WS_MAX_PAYLOAD_BYTES ?? bodyLimitFor(config.ARTICLE_MAX_CHARS);
}

/**
 * The graphql-ws server on the HTTP server's port, path /graphql (see subscriptions.ts for what
 * guards each operation). Its own `ws` server rather than Nest's, which cannot be given a
 * `maxPayload`: here a frame larger than `wsMaxPayload` is refused by `ws` as soon as it has read
 * the frame's header (close 1009), before anything is buffered or authenticated.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('GraphQL');
  private server: WebSocketServer | null = null;
  private disposable: Disposable | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly guards: OperationGuards,
    private readonly tokens: TokensService,
    private readonly sockets: LiveSockets,
    private readonly sessions: SocketSessions,
  ) {}

  onApplicationBootstrap(): void {
    const http = this.adapterHost.httpAdapter.getHttpServer() as {
      on(
        event: 'upgrade',
        listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
      ): void;
    };
    const server = new WebSocketServer({ noServer: true, maxPayload: wsMaxPayload(this.config) });
    this.server = server;
    this.disposable = useServer(
      subscriptionOptions({
        config: this.config,
        guards: this.guards,
        schema: this.schemaHost.schema,
        logUnexpected: (error) =>
          this.logger.error(error instanceof Error ? error.stack : String(error)),
        authenticate: (params) =>
          authenticateConnection(params, this.tokens, {
            readsRequireToken: this.config.READS_REQUIRE_TOKEN,
          }),
        sockets: this.sockets,
        sessions: this.sessions,
      }),
      server,
    );
    http.on('upgrade', (request, socket, head) => {
      if (pathOf(request.url) !== GRAPHQL_PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => {
        server.emit('connection', ws, request);
        // `ws` has already closed the socket (1009 for a frame over maxPayload, 1002 for a
        // protocol error); graphql-ws would print the error with its stack to the console.
        ws.removeAllListeners('error');
        ws.on('error', (error) =>
          this.logger.warn(
            `WebSocket from ${request.socket.remoteAddress ?? 'unknown'} closed: ${error.message}`,
          ),
        );
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // every socket's queries and mutations have answered (the HTTP server waited for their
    // sockets); belt and braces, since disposing drops an answer still on its way
    await this.sockets.settled();
    await this.disposable?.dispose();
    this.disposable = null;
    this.server = null;
  }
}

function pathOf(url: string | undefined): string {
  const end = url?.search(/[?#]/) ?? -1;
  return end === -1 ? (url ?? '') : url!.slice(0, end);
}
