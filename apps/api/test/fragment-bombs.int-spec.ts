import { startTestApp, TestApp } from './test-app';

// Documents of a kilobyte or two whose fragments spread each other twice: followed spread by
// spread, each expands to 2⁴¹ selections, and measuring them froze the event loop (hours, with
// /health/live silent) before any limit answered. They must be refused while the server stays live.

/** F0 … F40 on `type`, each spreading the next twice through `twice`, F40 holding `leaf`. */
function doubling(type: string, twice: (next: string) => string, leaf: string): string {
  return Array.from({ length: 40 }, (_, i) => `fragment F${i} on ${type}{${twice(`F${i + 1}`)}}`)
    .concat(`fragment F40 on ${type}{${leaf}}`)
    .join('\n');
}

const BOMBS = {
  cost: {
    query: `{...F0}\n${doubling('Query', (next) => `...${next} ...${next}`, 'claims(first:1){totalCount}')}`,
    code: 'QUERY_TOO_COSTLY',
    message: /^The query would cost 2199023255552; the limit is 100000\./,
  },
  depth: {
    query: `{actors(first:1){edges{node{...F0}}}}\n${doubling('Actor', (next) => `affiliation{...${next}} affiliation{...${next}}`, 'name')}`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^The query nests 41 levels deep; the limit is 6\.$/,
  },
  cycle: {
    query: `{...F0}\n${doubling('Query', (next) => `...${next} ...${next}`, '...F0')}`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^The query's fragments spread each other in a cycle/,
  },
};

describe('security: fragment bombs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** POSTs `query` anonymously while polling /health/live, until the answer comes. */
  async function whilePollingLiveness(query: string) {
    let answered = false;
    const hostile = t.gqlAs(null, query).finally(() => {
      answered = true;
    });
    const live: number[] = [];
    do {
      live.push((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode);
      // a poll may complete without leaving the microtask queue: let the hostile request move on
      await new Promise((resolve) => setImmediate(resolve));
    } while (!answered);
    return { result: await hostile, live };
  }

  it.each(Object.entries(BOMBS))(
    'refuses the %s bomb with a coded error while /health/live answers',
    async (_, { query, code, message }) => {
      const { result, live } = await whilePollingLiveness(query);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions.code).toBe(code);
      expect(result.errors?.[0].message).toMatch(message);
      expect(live.length).toBeGreaterThan(0);
      expect(live.every((status) => status === 200)).toBe(true);
    },
  );
});
