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

/** One query or mutation over graphql-ws at `url`, with `token` (anonymous when null): its result. */
export async function wsOnce(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<{ data?: any; errors?: any[] }> {
  const client = wsClient(url, {
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
  });
  try {
    return await new Promise((resolve) => {
      let result: { data?: any; errors?: any[] } = {};
      client.subscribe<Record<string, any>>(
        { query, variables },
        {
          next: (answer) => (result = answer as typeof result),
          error: (errors) => resolve({ errors: errors as any[] }),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}
