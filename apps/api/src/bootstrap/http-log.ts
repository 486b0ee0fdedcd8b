import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { stdSerializers, type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { redactTicket } from '@claimtrace/auth';
import { AppConfig } from '@claimtrace/core';
import { isClientDisconnect } from './client-disconnect';

/** pino-http's settings: one line per request, with Fastify's request id, secrets redacted. */
export function httpLogOptions(
  config: AppConfig,
  destination?: DestinationStream,
): Params['pinoHttp'] {
  const options: Options = {
    level: config.LOG_LEVEL,
    // Fastify assigns the id (from X-Request-Id or a new UUID); the logs reuse it.
    genReqId: (req) => req.id ?? randomUUID(),
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    // a download link's ticket opens its export for minutes: never in the logs
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.ticket'],
    serializers: {
      // a client that went away is no server failure: its code, not a stack trace
      err: (error: Error) =>
        isClientDisconnect(error)
          ? {
              type: 'ClientDisconnect',
              code: (error as NodeJS.ErrnoException).code,
              message: error.message,
            }
          : stdSerializers.err(error),
      req: (req: { url?: string }) => {
        if (req.url) req.url = redactTicket(req.url);
        return req;
      },
    },
  };
  return destination ? [options, destination] : options;
}
