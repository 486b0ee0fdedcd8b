import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const EVENT_FIELDS = `cursor kind at by payload claim { id status version }`;

export const CLAIM_EVENTS = `subscription($claimId: ID, $actorId: ID, $after: String) {
  claimEvents(claimId: $claimId, actorId: $actorId, after: $after) { ${EVENT_FIELDS} }
}`;

export interface LiveEvent {
  cursor: string;
  kind: string;
  at: string;
  by: string | null;
  payload: Record<string, any>;
  claim: { id: string; status: string; version: number } | null;
}

/** A graphql-ws client for tests: no retries, so a refused or dropped socket fails loudly. */
export function wsClient(
  url: string,
  options: { connectionParams?: Record<string, unknown>; lazy?: boolean } = {},
): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: options.lazy ?? true,
    connectionParams: options.connectionParams,
  });
}

/**
 * One subscription's received events. `waitFor(n)` resolves once n have arrived (or rejects when
 * the subscription errors or ends first); `dispose()` completes it.
 */
export interface Subscription {
  events: LiveEvent[];
  errors: unknown[];
  completed: boolean;
  waitFor(count: number, timeoutMs?: number): Promise<LiveEvent[]>;
  /** resolves when the server has acknowledged the subscription by sending nothing yet: see ready */
  dispose(): void;
}

export function subscribe(
  client: Client,
  variables: { claimId?: string; actorId?: string; after?: string } = {},
  query = CLAIM_EVENTS,
): Subscription {
  const events: LiveEvent[] = [];
  const errors: unknown[] = [];
  let notify: () => void = () => undefined;
  const state: Subscription = {
    events,
    errors,
    completed: false,
    waitFor(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${count} events; got ${events.length}`)),
          timeoutMs,
        );
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events.slice(0, count));
          } else if (errors.length || state.completed) {
            clearTimeout(timer);
            reject(
              new Error(
                `subscription ended after ${events.length} events: ${JSON.stringify(errors)}`,
              ),
            );
          } else {
            const previous = notify;
            notify = () => {
              previous();
              check();
            };
          }
        };
        check();
      });
    },
    dispose: () => unsubscribe(),
  };
  const fire = () => {
    const current = notify;
    notify = () => undefined;
    current();
  };
  const unsubscribe = client.subscribe<{ claimEvents: LiveEvent }>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data?.claimEvents) events.push(result.data.claimEvents);
        fire();
      },
      error: (error) => {
        errors.push(error);
        fire();
      },
      complete: () => {
        state.completed = true;
        fire();
      },
    },
  );
  return state;
}

/** Listens on a loopback port; answers the graphql-ws URL. */
export async function listen(app: {
  listen(port: number, host: string): Promise<unknown>;
  getHttpServer(): { address(): unknown };
}): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `ws://127.0.0.1:${address.port}/graphql`;
}

/**
 * A second API on an existing database (startTestApp always makes a fresh one): what another
 * instance of a deployment is. Same shape as TestApp.
 */
export async function startAppOn(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<import('./test-app').TestApp> {
  const { loadConfig } = await import('@claimtrace/core');
  const { Database } = await import('@claimtrace/database');
  const { createApp } = await import('../src/bootstrap/create-app');
  const { TokensService } = await import('@claimtrace/auth');
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await createApp({ config, databaseUrl });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(Database);
  const tokens = app.get(TokensService);
  const adminToken = (
    await tokens.create({
      name: `instance-admin-${Math.random().toString(36).slice(2)}`,
      role: 'ADMIN',
    })
  ).token;
  const gqlAs = async (
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const gql = (query: string, variables?: Record<string, unknown>) =>
    gqlAs(adminToken, query, variables);
  return {
    app,
    db,
    databaseUrl,
    config,
    adminToken,
    gqlAs,
    async token(role) {
      return (
        await tokens.create({
          name: `instance-${role}-${Math.random().toString(36).slice(2)}`,
          role,
        })
      ).token;
    },
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
