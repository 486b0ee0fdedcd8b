import { dirname, join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@claimtrace/core';
import { prismaDir } from '@claimtrace/database';
import { createApp } from '../bootstrap/create-app';

/** A database address nothing listens on: building the schema never connects to it. */
export const UNREACHABLE_DATABASE = 'postgresql://nobody@127.0.0.1:1/none';

/** The committed, generated schema: `schema.gql` at the repository root. */
export function schemaFilePath(): string {
  return join(dirname(prismaDir()), 'schema.gql');
}

/**
 * The GraphQL schema that the code builds, as SDL, sorted so that the committed schema.gql changes
 * only when the API does. The app must be initialised (`app.init()`).
 */
export function printAppSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * The API initialised but not listening, for printing its schema. Prisma and the pg pool connect
 * lazily, so no database is needed; close it when done.
 */
export async function createSchemaApp(): Promise<NestFastifyApplication> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await createApp({ config, databaseUrl: UNREACHABLE_DATABASE });
  await app.init();
  return app;
}
