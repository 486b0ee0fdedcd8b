import { randomUUID } from 'node:crypto';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { DocumentNode, GraphQLSchema, specifiedRules, validate } from 'graphql';
import { FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { AppConfig, clientKeyOf, RequestContext, RequestLoaders } from '@claimtrace/core';
import { authenticateConnection, AuthenticatedPrincipal, TokensService } from '@claimtrace/auth';
import { errorLogPlugin } from './error-log.plugin';
import { formatError } from './format-error';
import { meterFields } from './limits/execution-meter';
import { fieldWeights } from './limits/field-weights';
import { queryLimitsPlugin } from './limits/limits.plugin';
import { queryLimitRules } from './limits/query-limits';
import { CostRateLimiter } from './limits/rate-limiter';
import { LiveSockets } from './live-sockets';
import { noStorePlugins } from './no-store.plugin';
import { subscriptionOptions } from './subscriptions';

const logger = new Logger('GraphQL');

/**
 * What a graphql-ws connection carries in `ctx.extra`: the upgrade request, and the principal that
 * `onConnect` found with `authenticateConnection` (null: anonymous).
 */
export interface WsExtra {
  request?: { socket?: { remoteAddress?: string } };
  principal?: AuthenticatedPrincipal | null;
}

/** Whether introspection, field suggestions and the explorer are on: only when enabled explicitly. */
export function introspectionEnabled(config: AppConfig): boolean {
  return config.GRAPHQL_INTROSPECTION === true;
}

/** The rate limiter of this process: a token's budget, or an anonymous IP's. */
export function createRateLimiter(config: AppConfig): CostRateLimiter {
  return new CostRateLimiter((key) =>
    key.startsWith('token:')
      ? config.RATE_LIMIT_COST_PER_MINUTE
      : config.RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE,
  );
}

/**
 * Apollo's options: code-first schema; a per-request context with fresh DataLoaders and the
 * principal of the request's token; the query limits; one error formatter. `limiter` is the
 * process's (RateLimiterModule's, which the HTTP exports spend from too).
 */
export function graphqlOptions(
  config: AppConfig,
  tokens: TokensService,
  sockets?: LiveSockets,
  limiter: CostRateLimiter = createRateLimiter(config),
): ApolloDriverConfig {
  const introspection = introspectionEnabled(config);
  const limitRules = queryLimitRules({
    maxLength: config.QUERY_MAX_LENGTH,
    maxDepth: config.QUERY_MAX_DEPTH,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
  });
  const logUnexpected = (unexpected: unknown) =>
    logger.error(unexpected instanceof Error ? unexpected.stack : String(unexpected));
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    // Apollo stops after the HTTP server has closed (Nest's onApplicationShutdown), not in
    // onModuleDestroy, whose stop closed Fastify with a 10 s cut-off of its own: requests still
    // in flight then, or kept-alive sockets, were cut, and resolvers ran on into a closed pool.
    stopOnApplicationShutdown: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    // every field spends its weight from the request's execution meter (limits.plugin.ts)
    transformSchema: (schema: GraphQLSchema) => meterFields(schema, fieldWeights(config)),
    includeStacktraceInErrorResponses: false,
    introspection,
    // No "Did you mean …?" in validation errors unless introspection is on anyway.
    hideSchemaDetailsFromClientErrors: !introspection,
    playground: false,
    graphiql: introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.QUERY_MAX_TOKENS },
    validationRules: limitRules,
    plugins: [
      ...noStorePlugins(),
      queryLimitsPlugin(config, limiter),
      errorLogPlugin((requestId, error) =>
        logger.error(
          `request ${requestId}: ${error instanceof Error ? error.stack : String(error)}`,
        ),
      ),
    ],
    // graphql-ws on the same port and path (live updates; see subscriptions.ts): the socket's
    // token is checked once in onConnect (refused: 4403), and subscriptions get the same limits.
    subscriptions: {
      'graphql-ws': {
        ...subscriptionOptions(
          config,
          logUnexpected,
          (params) =>
            authenticateConnection(params, tokens, {
              readsRequireToken: config.READS_REQUIRE_TOKEN,
            }).catch(() => false as const),
          sockets,
        ),
        validate: (schema: GraphQLSchema, document: DocumentNode) =>
          validate(schema, document, [...specifiedRules, ...limitRules]),
      } as never,
    },
    // Fastify's Apollo handler calls this with the request itself; graphql-ws with its context
    // ({ connectionParams, extra }), where onConnect left the connection's principal in `extra`.
    context: async (given: unknown): Promise<RequestContext> => {
      const ws = (given as { extra?: WsExtra }).extra;
      const req = ((given as { req?: FastifyRequest }).req ?? given) as FastifyRequest | undefined;
      const context: RequestContext = {
        loaders: new RequestLoaders(),
        requestId: ws
          ? randomUUID()
          : String((req?.raw as { id?: unknown } | undefined)?.id ?? req?.id ?? ''),
        principal: null,
        role: null,
        authError: null,
        clientKey: clientKeyOf(null, ws ? ws.request?.socket?.remoteAddress : req?.ip),
      };
      try {
        const principal = ws
          ? (ws.principal ?? null)
          : await tokens.fromAuthorization(req?.headers?.authorization);
        if (principal) {
          context.principal = principal.name;
          context.role = principal.role;
          context.clientKey = clientKeyOf(principal.id, undefined);
        }
      } catch (error) {
        context.authError = error as Error;
      }
      return context;
    },
    // Unexpected errors are logged by errorLogPlugin (with the request id), then masked here.
    formatError: (formatted, error) => formatError(formatted, error, () => undefined),
  };
}

export type { AppConfig };
