import { ApolloDriverConfig } from '@nestjs/apollo';
import { FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { GraphQLSchema } from 'graphql';
import {
  AppConfig,
  clientKeyOf,
  RequestContext,
  RequestLoaders,
  ResponseCache,
} from '@claimtrace/core';
import { TokensService } from '@claimtrace/auth';
import type { Database } from '@claimtrace/database';
import { errorLogPlugin } from './error-log.plugin';
import { formatError } from './format-error';
import { OperationGuards } from './guards/operation-guards';
import { meterFields } from './limits/execution-meter';
import { queryLimitsPlugin } from './limits/limits.plugin';
import { noStorePlugins } from './no-store.plugin';
import { responseCachePlugin } from './response-cache.plugin';
import { retryAfterPlugin } from './retry-after.plugin';

const logger = new Logger('GraphQL');

/**
 * Apollo's options: code-first schema; a per-request context with fresh DataLoaders and the
 * principal of the request's token; the query limits; one error formatter.
 */
export function graphqlOptions(
  tokens: TokensService,
  guards: OperationGuards,
  config: Pick<AppConfig, 'RESPONSE_CACHE_MB' | 'READS_REQUIRE_TOKEN'>,
  db: Database,
): ApolloDriverConfig {
  const introspection = guards.schemaDetailsInErrors;
  // anonymous reads only: with READS_REQUIRE_TOKEN there are none to share
  const cache =
    config.RESPONSE_CACHE_MB > 0 && !config.READS_REQUIRE_TOKEN
      ? new ResponseCache(config.RESPONSE_CACHE_MB * 1024 * 1024)
      : null;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    // Apollo stops after the HTTP server has closed (Nest's onApplicationShutdown), not in
    // onModuleDestroy, whose stop closed Fastify with a 10 s cut-off of its own: requests still
    // in flight then, or kept-alive sockets, were cut, and resolvers ran on into a closed pool.
    stopOnApplicationShutdown: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    // every field spends its weight from the operation's execution meter (execution-meter.ts)
    transformSchema: (schema: GraphQLSchema) => meterFields(schema, guards.weights),
    includeStacktraceInErrorResponses: false,
    // Apollo's own introspection rule stays out: the guards' rule refuses introspection when it
    // is off, with the same answer on both transports.
    introspection: true,
    // No "Did you mean …?" in errors unless introspection is on: queryLimitsPlugin cleans them.
    playground: false,
    graphiql: introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: guards.parseOptions,
    validationRules: [...guards.validationRules],
    // Nest would reset to 200 the status of any response with `data`, after every plugin: the 503
    // of a transient database failure (retryAfterPlugin) must reach the client.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      // first: its willSendResponse reads the meter before queryLimitsPlugin settles it
      responseCachePlugin(cache, () => db),
      ...noStorePlugins(),
      queryLimitsPlugin(guards),
      retryAfterPlugin(),
      // the request's id as the request log line has it (`req.id`), and in the message
      errorLogPlugin((requestId, error) =>
        logger.error({
          req: { id: requestId },
          msg: `request ${requestId}: ${error instanceof Error ? error.stack : String(error)}`,
        }),
      ),
    ],
    // graphql-ws is served by GraphqlWsServer (graphql-ws.server.ts), with the same guards.
    // Fastify's Apollo handler calls this with the request itself.
    context: async (given: unknown): Promise<RequestContext> => {
      const req = ((given as { req?: FastifyRequest }).req ?? given) as FastifyRequest | undefined;
      const context: RequestContext = {
        loaders: new RequestLoaders(),
        requestId: String((req?.raw as { id?: unknown } | undefined)?.id ?? req?.id ?? ''),
        principal: null,
        role: null,
        authError: null,
        clientKey: clientKeyOf(null, req?.ip),
      };
      try {
        const principal = await tokens.fromAuthorization(req?.headers?.authorization);
        if (principal) {
          context.principal = principal.name;
          context.role = principal.role;
          context.personId = principal.personId;
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
