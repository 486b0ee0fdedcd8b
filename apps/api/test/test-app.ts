import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@claimtrace/core';
import { Database } from '@claimtrace/database';
import { createApp } from '../src/bootstrap/create-app';
import { createTestDatabase } from '@claimtrace/testing';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  db: Database;
  databaseUrl: string;
  config: AppConfig;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  /** runs `gql` and fails the test on any GraphQL error */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** the number of rows in a table (to prove that a rejected write wrote nothing) */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** The real API on a fresh database, driven in-process over HTTP (Fastify's inject). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await createApp({ config, databaseUrl });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(Database);

  const gql: TestApp['gql'] = async (query, variables) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    app,
    db,
    databaseUrl,
    config,
    gql,
    async ok(query, variables) {
      const result = await gql(query, variables);
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
      return result.data as never;
    },
    async count(table) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      return row.n;
    },
    close: () => app.close(),
  };
}
