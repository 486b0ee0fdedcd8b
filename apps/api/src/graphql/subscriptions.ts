import { GraphQLError } from 'graphql';
import { Context, ServerOptions } from 'graphql-ws';
import { AuthenticatedPrincipal } from '@claimtrace/auth';
import { AppConfig, RequestContext, RequestLoaders } from '@claimtrace/core';
import { ErrorLogger, formatError } from './format-error';
import { ClosableSocket, LiveSockets } from './live-sockets';
import { sharedSubscribe } from './shared-subscribe';

/** The GraphQL context of an operation on a socket: what `connectionParams` authenticated. */
export interface SocketExtra {
  /** set by `onConnect` from `connectionParams` */
  principal?: AuthenticatedPrincipal | null;
  /** the socket itself (graphql-ws's `ws` adapter puts it there) */
  socket?: ClosableSocket;
}

/**
 * The seam for socket authentication: called once per socket with the client's
 * `connectionParams` (e.g. `{ authorization: 'Bearer …' }`). Answer the principal's name (or null
 * for an anonymous reader), or `false` to refuse the socket (closed with 4403 Forbidden). Today
 * every socket is an anonymous reader.
 */
export type SocketAuthenticator = (
  connectionParams: Readonly<Record<string, unknown>> | undefined,
) => Promise<AuthenticatedPrincipal | null | false> | AuthenticatedPrincipal | null | false;

export const anonymousSockets: SocketAuthenticator = () => null;

type WsOptions = Partial<ServerOptions<Record<string, unknown>, SocketExtra>> & { path: string };

/**
 * graphql-ws on the HTTP server's port, path /graphql: connection_init within
 * WS_CONNECTION_INIT_TIMEOUT_MS (else close 4408), at most WS_MAX_SUBSCRIPTIONS_PER_SOCKET
 * subscriptions per socket, errors formatted like HTTP ones. graphql-ws pings every socket every
 * 12 s and terminates one that does not answer; closing a socket ends its subscriptions (their
 * iterators' `return()`), which unregisters them from the log tailer.
 */
export function subscriptionOptions(
  config: AppConfig,
  logUnexpected: ErrorLogger,
  authenticate: SocketAuthenticator = anonymousSockets,
  sockets?: LiveSockets,
): WsOptions {
  const principals = new WeakMap<object, AuthenticatedPrincipal | null>();
  return {
    path: '/graphql',
    connectionInitWaitTimeout: config.WS_CONNECTION_INIT_TIMEOUT_MS,
    // each event is executed once per distinct operation, not once per subscriber
    subscribe: sharedSubscribe(),
    onConnect: async (ctx: Context<Record<string, unknown>, SocketExtra>) => {
      if (sockets && ctx.extra.socket && !sockets.track(ctx.extra.socket)) return false;
      const principal = await authenticate(ctx.connectionParams);
      if (principal === false) return false;
      principals.set(ctx, principal);
      return true;
    },
    onSubscribe: (ctx) => {
      // graphql-ws has already reserved this operation's slot in ctx.subscriptions.
      const open = Object.keys(ctx.subscriptions).length;
      if (open > config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
        return [
          new GraphQLError(
            `This socket already has ${config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions, the most allowed; complete one, or open another socket.`,
            {
              extensions: {
                code: 'TOO_MANY_SUBSCRIPTIONS',
                limit: config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
              },
            },
          ),
        ];
      }
      return undefined;
    },
    context: (ctx): RequestContext => {
      const principal = principals.get(ctx) ?? null;
      return {
        loaders: new RequestLoaders(),
        requestId: '',
        principal: principal?.name ?? null,
        role: principal?.role ?? null,
        authError: null,
        clientKey: principal ? `token:${principal.id}` : 'ip:socket',
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors
        ? {
            ...result,
            errors: result.errors.map((error) => formatError(error.toJSON(), error, logUnexpected)),
          }
        : undefined,
    // Errors graphql-ws made itself (validation, the cap) are the client's and pass as they are;
    // errors a resolver or the event stream threw go through the one formatter.
    onError: (_ctx, _id, _payload, errors) =>
      errors.map((error) =>
        error.originalError ? formatError(error.toJSON(), error, logUnexpected) : error.toJSON(),
      ),
  };
}
