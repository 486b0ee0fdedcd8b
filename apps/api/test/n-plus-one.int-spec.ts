import { startTestApp, TestApp } from './test-app';

/**
 * N+1 is designed out: the number of SQL statements behind a page of claims with their
 * attributions, actors, passages, articles and chains does not grow with the data.
 */
const PAGE = `{
  claims(first: 20) {
    totalCount
    edges { node {
      id text status stanceSummary { counts { stance count } distinctActors }
      attributions(first: 100) { totalCount edges { node {
        id stance
        actor { id name affiliation { name } }
        passage { id exact article { id title publisher { name } } }
        chain { id stance actor { name } passage { exact } }
      } } }
    } }
  }
}`;

/** 20 claims with `perClaim` attributions each, every second one relayed via the previous one. */
async function seed(t: TestApp, perClaim: number): Promise<void> {
  await t.db.query(`
    INSERT INTO actors (name, kind) SELECT 'publisher ' || i, 'MEDIA_OUTLET' FROM generate_series(1, 5) i;
    INSERT INTO actors (name, kind) SELECT 'actor ' || i, 'PERSON' FROM generate_series(1, 50) i;
    INSERT INTO articles (url, title, text, content_hash, publisher_id)
      SELECT 'https://example.org/' || i, 'Article ' || i, repeat('Someone said something. ', 400),
             md5(i::text), (SELECT id FROM actors WHERE name = 'publisher ' || (1 + i % 5))
      FROM generate_series(1, 10) i;
    INSERT INTO claims (text, first_seen_at)
      SELECT 'Claim ' || i, now() - i * interval '1 hour' FROM generate_series(1, 20) i;`);
  await t.db.query(
    `WITH numbered AS (
       SELECT c.id AS claim_id, n, row_number() OVER () AS k
       FROM claims c CROSS JOIN generate_series(1, $1::int) n),
     passages_in AS (
       INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
       SELECT (SELECT id FROM articles ORDER BY url OFFSET (k % 10) LIMIT 1), k, k + 12,
              'said something', '', ''
       FROM numbered RETURNING id, start)
     INSERT INTO attributions (claim_id, actor_id, stance, passage_id, created_at)
       SELECT nb.claim_id, (SELECT id FROM actors WHERE name = 'actor ' || (1 + nb.k % 50)),
              (ARRAY['ASSERTS','REPORTS','DENIES']::stance[])[1 + nb.n % 3], p.id,
              now() + nb.n * interval '1 second'
       FROM numbered nb JOIN passages_in p ON p.start = nb.k`,
    [perClaim],
  );
  // Relay every second attribution via the one before it (same claim, and put it in the same article).
  await t.db.query(`
    WITH ordered AS (
      SELECT a.id, a.passage_id, lag(a.id) OVER w AS previous, lag(a.passage_id) OVER w AS previous_passage,
             row_number() OVER w AS n
      FROM attributions a WINDOW w AS (PARTITION BY a.claim_id ORDER BY a.created_at, a.id))
    UPDATE attributions a SET reported_via_id = o.previous
    FROM ordered o WHERE a.id = o.id AND o.n % 2 = 0;
    UPDATE passages p SET article_id = q.article_id
    FROM (SELECT a.passage_id, pv.article_id FROM attributions a
          JOIN attributions v ON v.id = a.reported_via_id JOIN passages pv ON pv.id = v.passage_id) q
    WHERE p.id = q.passage_id`);
}

async function statementsFor(
  perClaim: number,
): Promise<{ statements: number; pageStatements: number; attributions: number }> {
  const t = await startTestApp();
  try {
    await seed(t, perClaim);
    await t.ok(PAGE); // warm-up: the first request also prepares the schema's caches
    const statements: string[] = [];
    const stop = t.db.onQuery((sql) => statements.push(sql));
    const data = await t.ok(PAGE);
    stop();
    const attributions = data.claims.edges.reduce(
      (sum: number, edge: any) => sum + edge.node.attributions.edges.length,
      0,
    );
    // the token's principal (looked up and marked used) is the caller's, not the page's
    const pageStatements = statements.filter((sql) => !sql.includes('api_principals')).length;
    return { statements: statements.length, pageStatements, attributions };
  } finally {
    await t.close();
  }
}

describe('a page of claims with attributions', () => {
  it('costs the same number of SQL statements with 10 and with 100 attributions per claim', async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(small.attributions).toBe(200);
    expect(large.attributions).toBe(2000);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(12);
    // The page itself: the claims with their total (one statement), the stance summaries, the
    // attributions with their totals, relay chains and articles' publishers (one statement), and
    // the actors that are affiliations (one batch). Was 7 before the totals and chains rode along,
    // 4 before the publishers did.
    expect(large.pageStatements).toBe(small.pageStatements);
    expect(small.pageStatements).toBe(3);
  });
});
