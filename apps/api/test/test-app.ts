import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response as InjectResponse } from 'light-my-request';
import { TokensService } from '@claimtrace/auth';
import { AppConfig, loadConfig, PrincipalRole } from '@claimtrace/core';
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
  /** the ADMIN token that `gql` and `ok` send */
  adminToken: string;
  /** sends as the test's ADMIN principal (named `test-admin`) */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  /** sends over HTTP as `token` (the ADMIN's by default; none with null): the raw answer */
  send(query: string, variables?: unknown, token?: string | null): Promise<InjectResponse>;
  /** sends with this bearer token, or none (null) */
  gqlAs<T = Record<string, any>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  /** a new token with this role (and optional expiry) */
  token(role: PrincipalRole, name?: string, expiresAt?: Date): Promise<string>;
  /** runs `gql` and fails the test on any GraphQL error */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** the number of rows in a table (to prove that a rejected write wrote nothing) */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database, driven in-process over HTTP (Fastify's inject). Rate limiting
 * is off unless `env` sets it (the suites send thousands of requests from one client). `via` may
 * route the app's connections (through a proxy a test can cut); `databaseUrl` stays the direct one.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  via: (databaseUrl: string) => string = (url) => url,
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  return startAppOn(
    databaseUrl,
    { RATE_LIMIT_COST_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0', ...env },
    { via, principals: 'test' },
  );
}

/**
 * The real API on an existing database (`startTestApp` makes a fresh one): a second one is what
 * another instance of a deployment is. Its principals are named `<principals>-admin`,
 * `<principals>-<role>-<n>` (by default a name of its own, since instances share the table).
 */
export async function startAppOn(
  databaseUrl: string,
  env: Record<string, string>,
  {
    via = (url: string) => url,
    principals = `instance-${Math.random().toString(36).slice(2)}`,
  }: { via?: (databaseUrl: string) => string; principals?: string } = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await createApp({ config, databaseUrl: via(databaseUrl) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(Database);
  const tokens = app.get(TokensService);
  const adminToken = (await tokens.create({ name: `${principals}-admin`, role: 'ADMIN' })).token;

  const send: TestApp['send'] = (query, variables, token = adminToken) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: JSON.stringify({ query, variables }),
    });
  const gqlAs: TestApp['gqlAs'] = async (token, query, variables) =>
    (await send(query, variables, token)).json();
  const gql: TestApp['gql'] = (query, variables) => gqlAs(adminToken, query, variables);
  let created = 0;
  return {
    app,
    db,
    databaseUrl,
    config,
    adminToken,
    send,
    gql,
    gqlAs,
    async token(role, name, expiresAt) {
      created += 1;
      const made = await tokens.create({
        name: name ?? `${principals}-${role.toLowerCase()}-${created}`,
        role,
        expiresAt,
      });
      return made.token;
    },
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
