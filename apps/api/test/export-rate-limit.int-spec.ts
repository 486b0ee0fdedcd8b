import { startTestApp, TestApp } from './test-app';

/**
 * Whole exports spend from the client's rate budget, the one its GraphQL operations spend from:
 * one per row they may stream, at least 1,000 (a small database, as here at first). So 2 fit in an
 * anonymous client's 2,500 a minute and 3 in a token's 3,500. The buckets refill at that rate a
 * minute: the next export would fit only 17-24 s later, far beyond the milliseconds between these
 * requests.
 */
describe('export rate budget', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '2500',
      RATE_LIMIT_COST_PER_MINUTE: '3500',
    });
  });
  afterAll(() => t.close());

  const get = (url: string, token?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const statuses = async (times: number, url: string, token?: string) => {
    const seen: number[] = [];
    for (let i = 0; i < times; i++) seen.push((await get(url, token)).statusCode);
    return seen;
  };
  const expectRateLimited = async (url: string, token?: string) => {
    const response = await get(url, token);
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(response.json()).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many requests; retry in \d+ s\.$/),
    });
  };

  it('answers an anonymous client 429 once its budget is spent, and GraphQL shares it', async () => {
    expect(await statuses(2, '/exports/graph?format=json')).toEqual([200, 200]);
    await expectRateLimited('/exports/graph?format=graphml');
    await expectRateLimited('/exports/claimreviews.jsonl');

    // the same budget: a query costing a few thousand no longer fits either
    const query = await t.gqlAs(
      null,
      `{ claims(first: 100) { edges { node { attributions(first: 20) { edges { node { id } } } } } } }`,
    );
    expect(query.errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('answers a token client 429 once its budget is spent', async () => {
    const token = await t.token('VIEWER');
    expect(await statuses(3, '/exports/graph?format=gexf', token)).toEqual([200, 200, 200]);
    await expectRateLimited('/exports/graph?format=csv&table=nodes', token);
    // another token has a budget of its own
    expect((await get('/exports/graph?format=gexf', await t.token('VIEWER'))).statusCode).toBe(200);
  });

  it("charges a download link's exports to its token", async () => {
    const token = await t.token('VIEWER');
    const link = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { path: '/exports/graph?format=graphml' },
    });
    expect(link.statusCode).toBe(201);
    const { url } = link.json();
    const seen = await statuses(4, url);
    expect(seen.slice(0, 2)).toEqual([200, 200]);
    expect(seen).toContain(429);
    await expectRateLimited(url);
    await expectRateLimited('/exports/graph?format=json', token);
  });

  it('charges a whole export one per row it may stream', async () => {
    await t.db.query(
      `INSERT INTO claims (text) SELECT 'claim ' || i FROM generate_series(1, 2000) AS i`,
    );
    await t.db.query('ANALYZE claims');
    // about 2,000 rows now: a token's 3,500 a minute pays for one export, not three
    const token = await t.token('VIEWER');
    expect(await statuses(1, '/exports/graph?format=json', token)).toEqual([200]);
    await expectRateLimited('/exports/graph?format=json', token);
  });
});
