import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { Context, ServerOptions, SubscribePayload } from 'graphql-ws';
import { AuthenticatedPrincipal } from '@claimtrace/auth';
import {
  AppConfig,
  clientKeyOf,
  DomainError,
  ErrorCode,
  RequestContext,
  RequestLoaders,
} from '@claimtrace/core';
import { ErrorLogger, formatError } from './format-error';
import { OperationGuards } from './guards/operation-guards';
import { ExecutionMeter } from './limits/execution-meter';
import { ClosableSocket, LiveSockets } from './live-sockets';
import { isAsyncIterable, mapEvents, sharedSubscribe } from './shared-subscribe';
import { FORBIDDEN_CLOSE, SocketSessions } from './socket-sessions';

/** What graphql-ws's `ws` adapter puts in `ctx.extra`: the socket and its upgrade request. */
export interface SocketExtra {
  socket?: ClosableSocket;
  request?: Pick<IncomingMessage, 'headers'> & { socket?: { remoteAddress?: string } };
}

/**
 * The seam for socket authentication, called with the client's `connectionParams` (e.g.
 * `{ authorization: 'Bearer …' }`) at `connection_init` and again before every operation: the
 * principal, null for an anonymous reader, or a thrown DomainError (UNAUTHENTICATED) when the
 * token does not work (any more).
 */
export type SocketAuthenticator = (
  connectionParams: Readonly<Record<string, unknown>> | undefined,
) => Promise<AuthenticatedPrincipal | null>;

export const anonymousSockets: SocketAuthenticator = async () => null;

export interface SocketDependencies {
  config: AppConfig;
  guards: OperationGuards;
  schema: GraphQLSchema;
  logUnexpected: ErrorLogger;
  authenticate?: SocketAuthenticator;
  sockets?: LiveSockets;
  sessions?: SocketSessions;
}

/** What an operation was charged before it ran, and by whom. */
interface Charge {
  clientKey: string;
  charged: number;
  operation: OperationDefinitionNode;
  /** a query's or mutation's execution meter */
  meter?: ExecutionMeter;
}

type WsContext = Context<Record<string, unknown>, SocketExtra>;
type WsOptions = ServerOptions<Record<string, unknown>, SocketExtra>;

/**
 * graphql-ws on the HTTP server's port, path /graphql, guarded like HTTP: the socket's token is
 * checked at `connection_init` (refused: 4403) and again before every operation (refused: an
 * UNAUTHENTICATED error, then 4403); every operation — query, mutation or subscription — is
 * parsed, validated and checked by the same OperationGuards as an HTTP request (parse limit,
 * introspection and suggestions, text inputs, cost, page size, rate limit sharing the HTTP budget)
 * before anything executes. Also: connection_init within WS_CONNECTION_INIT_TIMEOUT_MS (else
 * 4408), at most WS_MAX_SUBSCRIPTIONS_PER_SOCKET subscriptions per socket, errors formatted like
 * HTTP ones. graphql-ws pings every socket every 12 s and terminates one that does not answer;
 * closing a socket ends its subscriptions (their iterators' `return()`).
 */
export function subscriptionOptions({
  config,
  guards,
  schema,
  logUnexpected,
  authenticate = anonymousSockets,
  sockets,
  sessions,
}: SocketDependencies): WsOptions {
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => withoutHttp(formatError(error.toJSON(), error, logUnexpected)));
  /** what each operation was charged before it ran, by its context */
  const charges = new WeakMap<object, Charge>();
  const shared = sharedSubscribe();
  return {
    schema,
    connectionInitWaitTimeout: config.WS_CONNECTION_INIT_TIMEOUT_MS,
    // each event is executed once per distinct operation, not once per subscriber, and charged to
    // each subscriber's budget as that query would be
    subscribe: async (args) => {
      const events = await shared(args);
      const charge = charges.get(args.contextValue as object);
      if (!charge || !isAsyncIterable(events)) return events;
      return mapEvents(events, (result) => {
        guards.chargeEvent(charge.clientKey, charge.charged);
        return result as ExecutionResult;
      });
    },
    onConnect: async (ctx: WsContext) => {
      const socket = ctx.extra.socket;
      if (sockets && socket && !sockets.track(socket)) return false;
      try {
        const principal = await authenticate(ctx.connectionParams);
        if (principal && socket) sessions?.add(socket, principal);
      } catch (error) {
        if (error instanceof DomainError) return false;
        throw error;
      }
      return true;
    },
    onSubscribe: async (ctx: WsContext, id: string, payload: SubscribePayload) => {
      // graphql-ws has already reserved this operation's slot in ctx.subscriptions.
      if (Object.keys(ctx.subscriptions).length > config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
        return [tooManySubscriptions(config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET)];
      }
      let principal: AuthenticatedPrincipal | null;
      try {
        principal = await authenticate(ctx.connectionParams);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The error is sent first (graphql-ws does, in this turn), then the socket closes.
        setImmediate(() => ctx.extra.socket?.close(FORBIDDEN_CLOSE, 'Forbidden'));
        return [new GraphQLError(error.message, { extensions: { code: error.code } })];
      }
      const prepared = guards.prepare(schema, payload.query, payload.operationName);
      if (!('document' in prepared)) return [...prepared];
      const { document, operation } = prepared;
      const variables = payload.variables ?? undefined;
      const badVariables = guards.coerceVariables(schema, operation, variables);
      if (badVariables.length > 0) return [...badVariables];
      const contextValue: RequestContext = {
        loaders: new RequestLoaders(),
        requestId: randomUUID(),
        principal: principal?.name ?? null,
        role: principal?.role ?? null,
        personId: principal?.personId ?? null,
        authError: null,
        clientKey: clientKeyOf(principal?.id, clientAddress(ctx.extra, config)),
      };
      let charged: number;
      try {
        charged = guards.check({
          schema,
          document,
          operation,
          variables,
          clientKey: contextValue.clientKey!,
        });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      // A query or mutation executes once: its fields spend from a meter, as over HTTP. A
      // subscription executes once per event, shared by its subscribers (not metered).
      // checked after the last await: nothing starts once shutdown has begun
      if (sockets?.stopping) return [shuttingDown()];
      const charge: Charge = { clientKey: contextValue.clientKey!, charged, operation };
      charges.set(contextValue, charge);
      if (operation.operation !== 'subscription') {
        contextValue.meter = charge.meter = guards.meter();
        // shutdown lets it answer before closing the socket (and the pool)
        if (sockets && ctx.extra.socket)
          sockets.started(ctx.extra.socket, id, ctx.extra.request?.socket);
      }
      const args: ExecutionArgs = {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: variables,
        contextValue,
      };
      return args;
    },
    // a query or mutation pays what it did beyond its cost, as over HTTP
    onOperation: (_ctx, _id, _payload, args, result) => {
      const charge = charges.get(args.contextValue as object);
      if (!charge?.meter || isAsyncIterable(result)) return;
      guards.settle(charge.clientKey, charge.charged, charge.meter, {
        document: args.document,
        operation: charge.operation,
        data: (result as ExecutionResult).data,
      });
    },
    onComplete: (ctx: WsContext, id: string) => {
      if (sockets && ctx.extra.socket) sockets.ended(ctx.extra.socket, id);
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: format(result.errors) } : undefined,
    // Errors made here (the guards', the cap) are the client's and pass as they are; errors a
    // resolver or the event stream threw go through the one formatter.
    onError: (_ctx, _id, _payload, errors) =>
      errors.map((error) =>
        error.originalError ? format([error])[0] : withoutHttp(error.toJSON()),
      ),
  };
}

/** The client's address, for the anonymous rate limit: as Fastify finds it for HTTP requests. */
function clientAddress(extra: SocketExtra, config: Pick<AppConfig, 'TRUST_PROXY'>): string {
  const forwarded = extra.request?.headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (config.TRUST_PROXY && first) return first;
  return extra.request?.socket?.remoteAddress ?? 'unknown';
}

function shuttingDown(): GraphQLError {
  return new GraphQLError(
    'The server is shutting down and takes no new operation on this socket; retry on a new connection.',
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfterSeconds: 1 } },
  );
}

function tooManySubscriptions(limit: number): GraphQLError {
  return new GraphQLError(
    `This socket already has ${limit} subscriptions, the most allowed; complete one, or open another socket.`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit } },
  );
}

/** `extensions.http` tells Apollo the HTTP status; a socket has none to set. */
function withoutHttp(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}
