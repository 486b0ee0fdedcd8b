import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { ErrorCode } from '@claimtrace/core';
import { isClientDisconnect } from '../bootstrap/client-disconnect';

/** The code of an HTTP error the framework answers itself (a body that is not JSON, no route). */
const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  415: ErrorCode.BAD_USER_INPUT,
};

/**
 * Hands every resolver error to Apollo untouched, where `formatError` translates it once. Without
 * it Nest logs each client mistake (a bad id, a stale version) as a server error. Outside GraphQL,
 * a client error the framework raised itself (Fastify's "Body is not valid JSON", an unknown
 * route) is answered like the API's own: `{statusCode, code, message}`. A client that went away
 * mid-request gets no answer and no error log: the request log's line records it.
 */
@Catch()
export class PassThroughFilter implements GqlExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() === 'http' && isClientDisconnect(error)) return undefined;
    if (host.getType() !== 'http' || !(error instanceof HttpException)) return error;
    const status = error.getStatus();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (status >= 500 || !HTTP_CODES[status] || reply.sent) return error;
    void reply
      .code(status)
      .send({ statusCode: status, code: HTTP_CODES[status], message: error.message });
    return undefined;
  }
}
