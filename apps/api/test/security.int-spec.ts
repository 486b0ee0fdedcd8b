import { GraphQLSchemaHost } from '@nestjs/graphql';
import { everyMutation } from './support/schema-inputs';
import { startTestApp, TestApp } from './test-app';

// The security suite: each test is an attack and the answer it must get. Token attacks on every
// mutation (none, bad, revoked, expired, VIEWER) are in auth.int-spec.ts; the graphql-ws handshake
// rules in libs/auth/src/connection/authenticate-connection.spec.ts.

const TABLES = ['actors', 'articles', 'passages', 'claims', 'attributions', 'claim_events'];

/** `n` levels of nesting by the rule of QUERY_MAX_DEPTH (claims → attributions → actor → …). */
function nested(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels - 3; i += 1) inner = `affiliation { ${inner} }`;
  return `{ claims(first: 1) { edges { node { attributions(first: 1) { edges { node {
    actor { ${inner} } } } } } } } }`;
}

const INJECTIONS = [
  `'; DROP TABLE claims; --`,
  `" OR "1"="1`,
  `\\'); DELETE FROM actors; --`,
  `$1 $2 %s %n {{7*7}} \${7*7}`,
  `<script>alert(1)</script>`,
  `{"$gt": ""}`,
  `../../../../etc/passwd`,
  `\u202e\u200b\ufeff ünïcödé 🎉`,
];

describe('security: attacks and their answers', () => {
  let t: TestApp;
  let statements: string[];
  let stopCounting: () => void;

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await t.count(n)])));

  /** Runs `attack` and answers the SQL statements it caused. */
  const sqlDuring = async <T>(attack: () => Promise<T>): Promise<[T, string[]]> => {
    statements = [];
    const result = await attack();
    return [result, [...statements]];
  };

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  beforeAll(async () => {
    t = await startTestApp();
    stopCounting = t.db.onQuery((sql) => statements?.push(sql));
  });
  afterAll(async () => {
    stopCounting();
    await t.close();
  });

  it('rejects a query 7 levels deep before any SQL runs', async () => {
    expect((await t.gqlAs(null, nested(6))).errors).toBeUndefined();
    const [response, sql] = await sqlDuring(() => post(JSON.stringify({ query: nested(7) })));
    expect(response.statusCode).toBe(400);
    const { errors } = response.json();
    expect(errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toBe('The query nests 7 levels deep; the limit is 6.');
    expect(sql).toEqual([]);
  });

  it('rejects 500 aliases before any SQL runs', async () => {
    const aliases = Array.from({ length: 500 }, (_, n) => `a${n}: __typename`);
    const [result, sql] = await sqlDuring(() => t.gqlAs(null, `{ ${aliases.join(' ')} }`));
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.map((e) => e.message)).toContain(
      'The query uses 500 aliases; the limit is 30.',
    );
    expect(sql).toEqual([]);
  });

  it('rejects first: 1000000 before any SQL runs, literal or variable', async () => {
    for (const [query, variables] of [
      [`{ claims(first: 1000000) { totalCount } }`, {}],
      [`query ($n: Int) { actors(first: $n) { totalCount } }`, { n: 1_000_000 }],
      [
        `{ claims(first: 5) { edges { node { attributions(first: 1000000) { totalCount } } } } }`,
        {},
      ],
    ] as const) {
      const [result, sql] = await sqlDuring(() => t.gqlAs(null, query, variables));
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(
        /`first` must be between 1 and 100 \(got 1000000\)/,
      );
      expect(sql).toEqual([]);
    }
  });

  it('rejects a query whose cost exceeds QUERY_MAX_COST before any SQL runs', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `f${i}: text`).join(' ');
    const query = `{ claims(first: 100) { edges { node { attributions(first: 100) { edges { node {
      id stance confidence claim { ${fields} } } } } } } } }`;
    const [result, sql] = await sqlDuring(() => t.gqlAs(null, query));
    expect(result.errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors?.[0].message).toMatch(/the limit is 100000/);
    expect(sql).toEqual([]);
  });

  it('refuses a subscription over HTTP with a coded 400, not an internal error', async () => {
    const response = await post(JSON.stringify({ query: 'subscription { claimEvents { id } }' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Subscriptions are served over WebSocket/),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('rejects an array of operations (no HTTP batching)', async () => {
    const before = await counts();
    const op = {
      query: `mutation { createClaim(input: { text: "batched" }) { id } }`,
    };
    const response = await post(JSON.stringify([op, op]), {
      authorization: `Bearer ${t.adminToken}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/batch/i);
    expect(await counts()).toEqual(before);
  });

  it('rejects a text/plain POST and a GET mutation (CSRF), writing nothing', async () => {
    const before = await counts();
    const body = JSON.stringify({
      query: `mutation { createClaim(input: { text: "forged" }) { id } }`,
    });
    const plain = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${t.adminToken}` },
      payload: body,
    });
    expect([400, 415]).toContain(plain.statusCode);

    const query = encodeURIComponent(`mutation { createClaim(input: { text: "forged" }) { id } }`);
    const simpleGet = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${query}`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(simpleGet.statusCode).toBe(400); // no preflight header: CSRF prevention
    expect(simpleGet.body).toMatch(/CSRF/);
    const preflighted = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${query}`,
      headers: { authorization: `Bearer ${t.adminToken}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.statusCode).toBe(405); // mutations only over POST
    expect(await counts()).toEqual(before);
  });

  it('rejects introspection and gives no "Did you mean" when GRAPHQL_INTROSPECTION is off', async () => {
    const introspection = await t.gqlAs(null, `{ __schema { types { name } } }`);
    expect(introspection.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.errors?.[0].message).toMatch(/introspection is not allowed/);
    const typo = await t.gqlAs(null, `{ claimz(first: 1) { totalCount } }`);
    expect(typo.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const typoArg = await t.gqlAs(null, `{ claims(frist: 1) { totalCount } }`);
    expect(JSON.stringify(typoArg.errors)).not.toMatch(/Did you mean/);
  });

  it('masks a resolver crash: INTERNAL_SERVER_ERROR with a request id, no stack, no SQL', async () => {
    await t.db.query('ALTER TABLE claims RENAME TO claims_hidden');
    try {
      const response = await post(
        JSON.stringify({ query: `{ claims(first: 1) { totalCount } }` }),
        {
          'x-request-id': 'crash-test-1',
        },
      );
      const { errors } = response.json();
      expect(errors[0].extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: 'crash-test-1',
      });
      expect(errors[0].message).toMatch(/^Internal server error/);
      expect(response.body).not.toMatch(/claims_hidden|relation|at .*\.ts|stack/i);
    } finally {
      await t.db.query('ALTER TABLE claims_hidden RENAME TO claims');
    }
  });

  it('rejects a 20,000-character query', async () => {
    const query = `{ claims(first: 1) { totalCount } } # ${'x'.repeat(20_000)}`;
    const [result, sql] = await sqlDuring(() => t.gqlAs(null, query));
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/characters long; the limit is 10000/);
    expect(sql).toEqual([]);
  });

  it('rejects a query of more than QUERY_MAX_TOKENS tokens while parsing', async () => {
    const result = await t.gqlAs(null, `{ claims(first: 1) { ${'id '.repeat(2_500)} } }`);
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0].message).toMatch(/more that 2000 tokens/);
  });

  it('rejects too many directives', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `t${i}: totalCount @skip(if: false)`);
    const result = await t.gqlAs(null, `{ claims(first: 1) { ${fields.join(' ')} } }`);
    expect(result.errors?.[0].message).toBe('The query uses 25 directives; the limit is 20.');
  });

  it('treats injection strings in every string argument as plain data', async () => {
    const tables = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
        )
      )[0].n;
    const tablesBefore = await tables();
    // every mutation, every String field set to each injection string: answers, never crashes
    const mutations = everyMutation(t.app.get(GraphQLSchemaHost).schema);
    for (const injection of INJECTIONS) {
      for (const mutation of mutations) {
        const variables = JSON.parse(
          JSON.stringify(mutation.variables, (_key, value) => (value === 'x' ? injection : value)),
        );
        const result = await t.gql(mutation.query, variables);
        for (const error of result.errors ?? []) {
          expect({ mutation: mutation.name, code: error.extensions.code }).not.toEqual({
            mutation: mutation.name,
            code: 'INTERNAL_SERVER_ERROR',
          });
        }
      }
      // and the values are stored and read back exactly
      const actor = await t.ok<{ createActor: { id: string; name: string; aliases: string[] } }>(
        `mutation ($i: CreateActorInput!) { createActor(input: $i) { id name aliases } }`,
        {
          i: {
            name: `${injection} actor`,
            kind: 'PERSON',
            aliases: [injection],
            allowDuplicate: true,
          },
        },
      );
      expect(actor.createActor).toMatchObject({ name: `${injection} actor`, aliases: [injection] });
      const claim = await t.ok<{ createClaim: { text: string; tags: string[] } }>(
        `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { text tags } }`,
        {
          i: {
            text: `${injection} is a claim`,
            tags: [injection.slice(0, 20)],
            allowDuplicate: true,
          },
        },
      );
      expect(claim.createClaim.text).toBe(`${injection} is a claim`);
      const found = await t.gqlAs<{ actors: { totalCount: number } }>(
        null,
        `query ($s: String) { actors(first: 5, search: $s) { totalCount } }`,
        { s: injection },
      );
      expect(found.errors).toBeUndefined();
      expect(found.data!.actors.totalCount).toBeGreaterThanOrEqual(1);
    }
    expect(await tables()).toBe(tablesBefore);
    expect(await t.count('claims')).toBeGreaterThanOrEqual(INJECTIONS.length);
  });

  it('sets a statement_timeout on the API connections', async () => {
    const [row] = await t.db.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(row.statement_timeout).toBe('15s');
  });
});

describe('security: introspection is one explicit setting, whatever NODE_ENV says', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = saved;
  });

  it('is off by default even with NODE_ENV=development', async () => {
    process.env.NODE_ENV = 'development';
    const t = await startTestApp();
    try {
      const result = await t.gqlAs(null, `{ __schema { queryType { name } } }`);
      expect(result.errors?.[0].message).toMatch(/introspection is not allowed/);
    } finally {
      await t.close();
    }
  });

  it('turns on introspection, suggestions and the explorer with GRAPHQL_INTROSPECTION=true', async () => {
    process.env.NODE_ENV = 'production';
    const t = await startTestApp({ GRAPHQL_INTROSPECTION: 'true' });
    try {
      const result = await t.gqlAs(null, `{ __schema { queryType { name } } }`);
      expect(result.data?.__schema.queryType.name).toBe('Query');
      const typo = await t.gqlAs(null, `{ claimz { totalCount } }`);
      expect(typo.errors?.[0].message).toMatch(/Did you mean "claim/);
      const page = await t.app.inject({
        method: 'GET',
        url: '/graphql',
        headers: { accept: 'text/html' },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/graphiql/i);
    } finally {
      await t.close();
    }
  });
});

describe('security: rate limiting by query cost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '60',
      RATE_LIMIT_COST_PER_MINUTE: '600',
    });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After when an anonymous client spends its budget', async () => {
    const query = JSON.stringify({ query: `{ claims(first: 4) { totalCount edges { cursor } } }` });
    const send = (authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        payload: query,
      });
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 20 && !limited; i += 1) {
      const response = await send();
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const { errors } = limited!.json();
    expect(errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(errors[0].message).toMatch(/Too many requests; retry in \d+ s/);
    // a token has its own, larger budget
    expect((await send(`Bearer ${await t.token('VIEWER')}`)).statusCode).toBe(200);
  });
});
