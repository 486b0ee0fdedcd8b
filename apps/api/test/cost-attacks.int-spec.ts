import { insertInterview } from './support/interview';
import { startTestApp, TestApp } from './test-app';

/**
 * Attacks on the cost model found by an outside review: each costs, or is charged, what it really
 * does, and is refused with a coded error before it holds the server.
 */
describe('cost model under attack', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await insertInterview(t.db, 400);
  });
  afterAll(() => t.close());

  it('costs `first: $n` at the default of $n when the variable is not sent', async () => {
    // three pages of 100 nested: over 3,000,000 at 100, about 25,000 had the default been ignored
    const nested = `claims(first: $n) { edges { node { attributions(first: $n) { edges { node {
      claim { attributions(first: $n) { edges { node { id } } } } } } } } } }`;
    const result = await t.gqlAs(null, `query ($n: Int = 100) { ${nested} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors?.[0].message).toMatch(
      /^The query would cost 3040301; the limit is 100000\./,
    );
  });

  it('stops a query whose lists without `first` hold more than its cost counted', async () => {
    // costed 9 (each list once), it built 60³ = 216,000 passages: 7 s and 15 MB of answer, and
    // 25 aliases of the innermost list took 180 s and 373 MB, all anonymous
    const response = await t.send(
      `{ articles(first: 1) { edges { node {
          passages { article { passages { article { passages { id } } } } } } } } }`,
      undefined,
      null,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /^The query did more work than the limit of 100000 allows/,
          ),
          extensions: { code: 'QUERY_TOO_COSTLY', max: 100_000 },
        },
      ],
    });
  });

  it('answers the same lists when they stay within the limit', async () => {
    const data = await t.ok(
      `{ articles(first: 1) { edges { node { passages { id article { passages { exact } } } } } } }`,
    );
    const passages = data.articles.edges[0].node.passages;
    expect(passages).toHaveLength(60);
    expect(passages[59].article.passages).toHaveLength(60);
  });
});

/**
 * Rate budgets an outside client could dodge. A fresh database: a graph export costs its minimum,
 * 1,000, so two fit in the anonymous 2,500 a minute and the third is refused (the bucket refills
 * far slower than these requests come).
 */
describe('rate budgets under attack', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '2500' });
  });
  afterAll(() => t.close());

  const from = (remoteAddress: string, method: 'GET' | 'HEAD', url: string) =>
    t.app.inject({ method, url, remoteAddress });

  it('counts every address of an IPv6 /64 as one client', async () => {
    // one IPv6 host commonly holds a /64: keyed by address, each of 2⁶⁴ had a budget of its own
    const statuses: number[] = [];
    for (const address of ['2001:db8:7:7::1', '2001:db8:7:7::2', '2001:db8:7:7:ffff:ffff:ffff:3']) {
      statuses.push((await from(address, 'GET', '/exports/graph?format=json')).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const query = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '2001:db8:7:7:abcd::4',
      headers: { 'content-type': 'application/json' },
      // costs 901: more than the 500 left
      payload: JSON.stringify({
        query:
          '{ claims(first: 100) { edges { node { id text status tags version updatedAt language } } } }',
      }),
    });
    expect(query.json().errors?.[0].extensions.code).toBe('RATE_LIMITED');
    // another /64 is another client
    expect((await from('2001:db8:7:8::1', 'GET', '/exports/graph?format=json')).statusCode).toBe(
      200,
    );
  });

  it("charges a HEAD of one record's export as its GET: it builds the record all the same", async () => {
    const { createClaim } = await t.ok(
      `mutation { createClaim(input: { text: "A claim" }) { id } }`,
    );
    const url = `/claims/${createClaim.id}/claimreview.jsonld`;
    const statuses: number[] = [];
    for (let i = 0; i < 26; i += 1)
      statuses.push((await from('198.51.100.9', 'HEAD', url)).statusCode);
    // 25 of 100 each fit in 2,500 (404s: the claim has no review, which takes its lookups all the
    // same); charged 1 each, all 26 (and 2,500 of them) were answered
    expect(new Set(statuses.slice(0, 25))).toEqual(new Set([404]));
    expect(statuses[25]).toBe(429);
  });
});

describe('export charges on a database never analysed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '12000' });
    // as right after a bulk import, before autovacuum's ANALYZE: pg_class.reltuples is still -1
    await t.db.query(
      `INSERT INTO claims (text) SELECT 'claim ' || i FROM generate_series(1, 20000) i`,
    );
  });
  afterAll(() => t.close());

  it('charges a whole export for the rows it streams, not the minimum', async () => {
    const [{ reltuples }] = await t.db.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE relname = 'claims'`,
    );
    expect(reltuples).toBe(-1);
    const get = () => t.app.inject({ method: 'GET', url: '/exports/graph?format=json' });
    // charged 1,000 (as for an empty database), twelve 4 MB exports of 20,000 claims fitted in a
    // budget of 12,000 a minute; charged about 20,000, one takes the whole budget
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(429);
  });
});
