import { startAppOn, startTestApp, TestApp } from './test-app';

/**
 * RESPONSE_CACHE_MB: a repeated anonymous query is answered from the cache while the database is
 * unchanged, and never after a write that any instance (or anyone, by SQL) has committed
 * (libs/core/src/cache/response-cache.ts says why). A hit is seen as the one statement it runs
 * (reading the snapshot) instead of the page's.
 */
const PAGE = `query ($first: Int) { claims(first: $first) { totalCount edges { node { text
  attributions(first: 5) { totalCount edges { node { stance actor { name } } } } } } } }`;
const CREATE_CLAIM = `mutation($text: String!) { createClaim(input: { text: $text, allowDuplicate: true }) { id } }`;

describe('response cache', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ RESPONSE_CACHE_MB: '16' });
    b = await startAppOn(a.databaseUrl, {
      RESPONSE_CACHE_MB: '16',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
    });
    for (let i = 0; i < 3; i++) await a.ok(CREATE_CLAIM, { text: `Seed claim number ${i}.` });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** The statements `app` ran while answering `query` anonymously, and the answer. */
  const statementsOf = async (app: TestApp, query: string, variables?: Record<string, unknown>) => {
    const statements: string[] = [];
    const stop = app.db.onQuery((sql) => statements.push(sql));
    try {
      const answer = await app.gqlAs(null, query, variables);
      return { statements, answer };
    } finally {
      stop();
    }
  };

  it('answers a repeated anonymous query from the cache while nothing changed', async () => {
    // The snapshot is the cluster's: any write on this PostgreSQL server, in any database (other
    // test files), moves it, so a hit needs a quiet moment: it comes within a few tries here, and
    // within seconds while other test files write to the same server (a pause between tries lets
    // their bursts pass).
    let first = await statementsOf(b, PAGE, { first: 10 });
    let again = await statementsOf(b, PAGE, { first: 10 });
    const deadline = Date.now() + 20_000;
    while (again.statements.length > 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
      first = await statementsOf(b, PAGE, { first: 10 });
      again = await statementsOf(b, PAGE, { first: 10 });
    }
    expect(first.answer.errors).toBeUndefined();
    expect(again.answer).toEqual(first.answer);
    expect(again.statements).toEqual(['SELECT pg_current_snapshot()::text AS snapshot']);
    // other variables are another answer
    const other = await statementsOf(b, PAGE, { first: 2 });
    expect(other.answer.data?.claims.edges).toHaveLength(2);
  });

  it('never serves an answer from before a write acknowledged by another instance', async () => {
    for (let i = 0; i < 15; i++) {
      const before = await b.gqlAs(null, PAGE, { first: 100 });
      await b.gqlAs(null, PAGE, { first: 100 }); // cached on b now
      const text = `Written on the other instance, round ${i}.`;
      // b keeps answering (and caching) while a writes
      const reading = Promise.all(
        Array.from({ length: 4 }, () => b.gqlAs(null, PAGE, { first: 100 })),
      );
      const created = await a.gql(CREATE_CLAIM, { text });
      expect(created.errors).toBeUndefined();
      const after = await b.gqlAs(null, PAGE, { first: 100 });
      expect(after.data?.claims.totalCount).toBe(before.data!.claims.totalCount + 1);
      expect(after.data?.claims.edges.map((edge: any) => edge.node.text)).toContain(text);
      await reading;
    }
  });

  it('never serves an answer from before a write made behind the API, by SQL', async () => {
    await b.gqlAs(null, PAGE, { first: 100 });
    const cached = await b.gqlAs(null, PAGE, { first: 100 });
    await b.db.query(`UPDATE claims SET text = 'Changed by hand.' WHERE id = (
      SELECT id FROM claims ORDER BY first_seen_at DESC, id DESC LIMIT 1)`);
    const after = await b.gqlAs(null, PAGE, { first: 100 });
    expect(after.data?.claims.edges[0].node.text).toBe('Changed by hand.');
    expect(after).not.toEqual(cached);
  });

  it('leaves requests with a token, mutations and answers with errors alone', async () => {
    const viewer = await b.token('VIEWER');
    await b.gqlAs(viewer, PAGE, { first: 10 });
    const statements: string[] = [];
    const stop = b.db.onQuery((sql) => statements.push(sql));
    try {
      await b.gqlAs(viewer, PAGE, { first: 10 });
    } finally {
      stop();
    }
    expect(statements).not.toContain('SELECT pg_current_snapshot()::text AS snapshot');
    expect(statements.length).toBeGreaterThan(1);

    const bad = `{ claims(first: 1) { edges { node { attributions(after: "garbage!!") { totalCount } } } } }`;
    const refused = await b.gqlAs(null, bad);
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const again = await statementsOf(b, bad);
    expect(again.answer.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.statements.length).toBeGreaterThan(1); // executed again, not served
  });

  it('charges a hit to the rate budget as the execution it replays', async () => {
    const limited = await startAppOn(a.databaseUrl, {
      RESPONSE_CACHE_MB: '16',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      // a page of 100 claims with 5 attributions each costs a few thousand
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '20000',
    });
    try {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 12; i++) {
        const answer = await limited.gqlAs(null, PAGE, { first: 100 });
        codes.push(answer.errors?.[0]?.extensions.code);
      }
      expect(codes[0]).toBeUndefined();
      expect(codes).toContain('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
