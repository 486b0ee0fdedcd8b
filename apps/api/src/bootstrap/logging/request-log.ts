import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as PinoRoot } from 'pino';
import { stdSerializers } from 'pino';
import { pinoHttp } from 'pino-http';
import { redactTicket } from '@claimtrace/auth';
import { isClientDisconnect } from '../client-disconnect';

/**
 * The request log: one line per HTTP request (not /health), with its id, written by pino-http
 * through the process's logger.
 *
 * Bound as a plain middleware, not nestjs-pino's: that one also ran every request inside an
 * AsyncLocalStorage (so that a log line written anywhere during the request could carry the
 * request's logger), which on Node.js 20 and 22 puts an async hook on every promise the request
 * creates — about 9 % of a claims page's CPU (bench/README.md, Peers). Nothing logs through it
 * during a request: the one line written then, an unexpected GraphQL error, names its request id
 * itself (errorLogPlugin), and the request's own line carries it as `req.id`.
 */
export function requestLog(
  logger: PinoRoot,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return pinoHttp({
    logger,
    // Fastify assigns the id (from X-Request-Id or a new UUID); the logs reuse it.
    genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    serializers: {
      // a client that went away is no server failure: its code, not a stack trace
      err: (error: Error) =>
        isClientDisconnect(error)
          ? { type: 'ClientDisconnect', code: (error as NodeJS.ErrnoException).code }
          : stdSerializers.err(error),
      req: (req: { url?: string }) => {
        if (req.url) req.url = redactTicket(req.url);
        return req;
      },
    },
  });
}
