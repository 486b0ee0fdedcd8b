import { startTestApp, TestApp } from './test-app';

/**
 * The corrections' fields batch like the rest: a page of claims with their source changes (and
 * each change's passages, articles and attribution) and their attributions' review flags and
 * passage histories costs the same number of SQL statements with 2 or 10 moves per claim.
 */
const PAGE = `{
  claims(first: 20) { edges { node {
    id
    sourceChanges(first: 50) { totalCount edges { node {
      status resolved from { exact } to { exact } fromArticle { title } toArticle { title }
      attribution { id stance }
    } } }
    attributions(first: 50) { edges { node {
      id needsReview passageHistory { status from { exact } to { exact article { title } } }
    } } }
  } } }
}`;

/** 20 claims with `perClaim` attributions each on a new version, every one moved by a correction. */
async function seed(t: TestApp, perClaim: number): Promise<void> {
  await t.db.query(`
    INSERT INTO actors (name, kind) SELECT 'actor ' || i, 'PERSON' FROM generate_series(1, 10) i;
    INSERT INTO articles (url, title, text, content_hash)
      VALUES ('https://example.org/a', 'Version 1', 'Someone said something.', 'v1');
    INSERT INTO articles (url, title, text, content_hash, previous_version_id)
      SELECT 'https://example.org/a', 'Version 2', 'Someone said something else.', 'v2', id
      FROM articles WHERE content_hash = 'v1';
    INSERT INTO claims (text) SELECT 'Claim ' || i FROM generate_series(1, 20) i;`);
  await t.db.query(
    `WITH numbered AS (
       SELECT c.id AS claim_id, row_number() OVER () AS k FROM claims c CROSS JOIN generate_series(1, $1::int)),
     old_passages AS (
       INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
       SELECT (SELECT id FROM articles WHERE content_hash = 'v1'), k, k + 4, 'said', '', ''
       FROM numbered RETURNING id, start),
     new_passages AS (
       INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
       SELECT (SELECT id FROM articles WHERE content_hash = 'v2'), k, k + 4, 'said', '', ''
       FROM numbered RETURNING id, start),
     attributed AS (
       INSERT INTO attributions (claim_id, actor_id, stance, passage_id)
       SELECT n.claim_id, (SELECT id FROM actors ORDER BY name OFFSET (n.k % 10) LIMIT 1),
              'ASSERTS', np.id
       FROM numbered n JOIN new_passages np ON np.start = n.k
       RETURNING id, claim_id, passage_id)
     INSERT INTO source_changes (claim_id, attribution_id, from_article_id, to_article_id,
       from_passage_id, to_passage_id, status, score, needs_review, moved_to_passage_id, moved_at)
     SELECT a.claim_id, a.id, op_article.id, np_article.id, op.id, np.id, 'FUZZY', 0.8, true,
            np.id, now()
     FROM attributed a JOIN new_passages np ON np.id = a.passage_id
       JOIN old_passages op ON op.start = np.start
       CROSS JOIN (SELECT id FROM articles WHERE content_hash = 'v1') op_article
       CROSS JOIN (SELECT id FROM articles WHERE content_hash = 'v2') np_article`,
    [perClaim],
  );
}

async function statementsFor(perClaim: number): Promise<{ statements: number; changes: number }> {
  const t = await startTestApp();
  try {
    await seed(t, perClaim);
    await t.ok(PAGE); // warm-up
    const statements: string[] = [];
    const stop = t.db.onQuery((sql) => statements.push(sql));
    const data = await t.ok(PAGE);
    stop();
    const changes = data.claims.edges.reduce(
      (sum: number, edge: any) => sum + edge.node.sourceChanges.totalCount,
      0,
    );
    for (const edge of data.claims.edges) {
      for (const { node } of edge.node.attributions.edges) {
        expect(node.needsReview).toBe(true);
        expect(node.passageHistory).toHaveLength(1);
      }
    }
    return {
      statements: statements.filter((sql) => !sql.includes('api_principals')).length,
      changes,
    };
  } finally {
    await t.close();
  }
}

describe('a page of claims with their source changes', () => {
  it('costs the same number of SQL statements with 2 and with 10 changes per claim', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(10);
    expect(small.changes).toBe(40);
    expect(large.changes).toBe(200);
    // claims; their attributions; source changes (rows, totals); review flags; moves; the passages
    // of changes and moves; their articles; the changes' attributions. The last is skipped when the
    // claims' attribution pages have already primed the attributions' loader (which of the two
    // batches runs first depends on timing), so a page costs 8 or 9 statements, never more: a
    // statement per change would make it 40 and 200.
    for (const { statements } of [small, large]) {
      expect(statements).toBeGreaterThanOrEqual(8);
      expect(statements).toBeLessThanOrEqual(9);
    }
  });
});
