/**
 * The baseline of the claims-page benchmark: Apollo serving the benchmark's answers from memory, in
 * the same process framework as the real API — NestJS 11 on the same Fastify adapter, with
 * @nestjs/graphql + ApolloDriver.
 *
 * Choice (the fairest "same answer from memory" we could think of): the API's own schema
 * (`schema.gql`, so every type, field and enum of any shape is there by the same name) and one
 * `claims` resolver that returns the `data.claims` the real API answered beforehand for the same
 * request variables. Every nested field is resolved by graphql-js's default property resolver; the
 * `DateTime` scalar serialises Date objects as the API's does (the captured times are revived as
 * Dates). So the baseline pays for what any Nest + Apollo GraphQL server pays per request (HTTP,
 * Apollo's request pipeline, graphql-js parsing, validation and execution of the same fields,
 * serialising the same bytes), and nothing for reading or assembling data. The bench checks that
 * both servers answer byte for byte the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLScalarType } from 'graphql';

/** The captured answers: `data.claims` of the real API, by the JSON of the request's variables. */
export type CapturedPages = Record<string, unknown>;

const TIMES = new Set(['statedAt', 'publishedAt', 'firstSeenAt', 'updatedAt']);

/** Revives the captured times as Date objects (what the real resolvers hand to the DateTime scalar). */
function revive(pages: CapturedPages): Map<string, unknown> {
  return new Map(
    Object.entries(pages).map(([variables, page]) => [
      variables,
      JSON.parse(JSON.stringify(page), (key, value: unknown) =>
        TIMES.has(key) && typeof value === 'string' ? new Date(value) : value,
      ) as unknown,
    ]),
  );
}

const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : value),
});

@Module({})
class MemoryModule {
  static forRoot(pages: CapturedPages, schemaFile: string) {
    const answers = revive(pages);
    return {
      module: MemoryModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          typeDefs: readFileSync(schemaFile, 'utf8'),
          resolvers: {
            DateTime,
            Query: {
              claims: (
                _root: unknown,
                _args: unknown,
                context: { req: { body: { variables?: unknown } } },
              ) => {
                const key = JSON.stringify(context.req.body.variables ?? null);
                const page = answers.get(key);
                if (page === undefined) throw new Error(`no captured page for ${key}`);
                return page;
              },
            },
          },
          path: '/graphql',
          includeStacktraceInErrorResponses: false,
          introspection: true,
          playground: false,
          allowBatchedHttpRequests: false,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
    };
  }
}

/** Builds the baseline (not yet listening) from a JSON file of captured pages. */
export async function createMemoryApp(capturedFile: string): Promise<NestFastifyApplication> {
  const pages = JSON.parse(readFileSync(capturedFile, 'utf8')) as CapturedPages;
  const schemaFile = join(__dirname, '../../../schema.gql');
  return NestFactory.create<NestFastifyApplication>(
    MemoryModule.forRoot(pages, schemaFile),
    new FastifyAdapter(),
    { logger: ['error', 'warn'], abortOnError: false },
  );
}
