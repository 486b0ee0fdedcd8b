import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from '../app.module';
import { PassThroughFilter } from '../graphql/pass-through.filter';
import { serveWebPage } from '../dashboard/web-page';
import { bodyLimitFor } from './body-limit';
import { QuietBootstrapLogger } from './logging/quiet-bootstrap.logger';

/**
 * Builds the API (not yet listening): Fastify, GraphQL, validation, logging and the web page. Shared by `main.ts`,
 * the end-to-end tests and the benchmarks, so they all exercise the same server.
 */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimitFor(options.config.ARTICLE_MAX_CHARS),
    requestIdHeader: false,
    trustProxy: options.config.TRUST_PROXY,
    keepAliveTimeout: options.config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    genReqId: (req: { headers: Record<string, unknown> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
    },
    // Closing: stop accepting, let in-flight requests finish, then close idle keep-alive sockets.
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  closeConnectionsWhenDone(adapter);
  // the dashboard (apps/web) at `/`
  await serveWebPage(app);
  return configureApp(app);
}

/**
 * Once closing has begun, a response also closes its connection (`Connection: close`). Node's
 * `server.close()` closes the connections idle at that moment only; a kept-alive connection whose
 * request was still in flight would stay open after its answer, and hold the close up until its
 * keep-alive timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS, 72 s), past SHUTDOWN_TIMEOUT_MS. And a
 * connection that has not sent a request yet is not idle to Node (its headers timeout runs): it
 * held the close up for a minute. It has nothing in flight, so it is closed when closing begins.
 */
function closeConnectionsWhenDone(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  const server = fastify.server;
  const silent = new Set<Socket>();
  const spoke = (socket: Socket) => silent.delete(socket);
  server.on('connection', (socket: Socket) => {
    silent.add(socket);
    socket.once('close', () => spoke(socket));
  });
  server.on('request', (request: IncomingMessage) => spoke(request.socket));
  server.on('upgrade', (request: IncomingMessage) => spoke(request.socket));
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
    for (const socket of silent) socket.destroy();
    silent.clear();
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/**
 * What every HTTP adapter gets the same: the pino logger (Nest's start-up lines at debug), the GraphQL error pass-through and
 * validation. Split out so that the adapter benchmark (bench/adapters) can build an Express app that
 * differs from the real one only in its adapter.
 */
export function configureApp<T extends INestApplication>(app: T): T {
  app.useLogger(new QuietBootstrapLogger(app.get(Logger)));
  app.useGlobalFilters(new PassThroughFilter());
  app.useGlobalPipes(
    new ValidationPipe({ transform: false, forbidUnknownValues: false, stopAtFirstError: false }),
  );
  return app;
}
