import { ApolloDriverConfig } from '@nestjs/apollo';
import { FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { AppConfig, RequestContext, RequestLoaders } from '@claimtrace/core';
import { formatError } from './format-error';

const logger = new Logger('GraphQL');

/** Apollo's options: code-first schema, per-request context with fresh DataLoaders, one error formatter. */
export function graphqlOptions(_config: AppConfig): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    includeStacktraceInErrorResponses: false,
    introspection: true,
    playground: false,
    allowBatchedHttpRequests: false,
    context: ({ req }: { req: FastifyRequest }): RequestContext => ({
      loaders: new RequestLoaders(),
      requestId: String((req?.raw as { id?: unknown } | undefined)?.id ?? req?.id ?? ''),
      principal: null,
    }),
    formatError: (formatted, error) =>
      formatError(formatted, error, (unexpected) =>
        logger.error(unexpected instanceof Error ? unexpected.stack : String(unexpected)),
      ),
  };
}

export type { AppConfig };
