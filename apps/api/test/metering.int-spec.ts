import { listen, subscribe, wsClient } from './live-client';
import { RawSocket } from './support/raw-socket';
import { startTestApp, TestApp } from './test-app';

// What is charged to a client's rate budget besides the cost counted before execution: the answer
// of an introspection query (its lists have the schema's length, which the cost cannot see), on
// HTTP and graphql-ws alike, and every event a subscription delivers (docs/security.md, "Cost").

/** A budget well above the introspection query's counted cost, well below its answer's size. */
const BUDGET = 600;
/** The schema's types with their fields, arguments and field types: within the depth limit. */
const INTROSPECTION = `{ __schema { types { name kind description fields { name description args { name } type { name kind } } } } }`;
const CHEAP = `{ claims(first: 1) { totalCount } }`;
const EVENTS = `subscription { claimEvents { cursor kind at by payload claim { id status version text } } }`;

describe('the rate budget also pays for', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_COST_PER_MINUTE: String(BUDGET),
      GRAPHQL_INTROSPECTION: 'true',
    });
    url = await listen(t.app);
  });
  afterAll(() => t.close());

  it('the answer of an introspection query, over HTTP', async () => {
    const token = await t.token('VIEWER');
    const introspection = await t.gqlAs(token, INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
    expect((await t.gqlAs(token, CHEAP)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('the answer of an introspection query, over graphql-ws', async () => {
    const token = await t.token('VIEWER');
    const socket = await RawSocket.open(url, token);
    const introspection = await socket.request(INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
    expect((await socket.request(CHEAP)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await t.gqlAs(token, CHEAP)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    socket.close();
  });

  it('every event a subscription delivers, ending it with RATE_LIMITED once spent', async () => {
    const token = await t.token('VIEWER');
    const client = wsClient(url, { connectionParams: { authorization: `Bearer ${token}` } });
    const events = subscribe(client, {}, EVENTS);
    for (let n = 0; n < 120 && events.errors.length === 0; n += 1) {
      await t.ok(`mutation ($t: String!) { createClaim(input: { text: $t }) { id } }`, {
        t: `Event number ${n}.`,
      });
    }
    await expect(events.waitFor(1_000, 10_000)).rejects.toThrow(/RATE_LIMITED/);
    // each event of ~15 weighs as much as that query would: far fewer than 120 got through
    expect(events.events.length).toBeLessThan(BUDGET / 10);
    expect(events.errors).toEqual([
      [
        {
          message: expect.stringMatching(/rate budget.*subscribe again in \d+ s with `after`/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
        },
      ],
    ]);
    await client.dispose();
  });
});
