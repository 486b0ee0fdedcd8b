import { startTestApp, TestApp } from './test-app';

/**
 * The newsroom's fields keep a page of claims at a fixed number of SQL statements: assignees,
 * checklists with who ticked them, and notes with their authors and mentions, however many.
 */
const PAGE = `{
  claims(first: 20) { edges { node {
    id assignee { name } priority dueAt
    checklist { key done doneBy { name } }
    notes(first: 50) { totalCount edges { node { body author { name } mentions { handle } } } }
  } } }
}`;

async function seed(t: TestApp, notesPerClaim: number): Promise<void> {
  await t.db.query(`
    INSERT INTO people (name, handle) SELECT 'Person ' || i, 'p' || i FROM generate_series(1, 10) i;
    INSERT INTO claims (text, first_seen_at, assignee_id)
      SELECT 'Claim ' || i, now() - i * interval '1 hour',
             (SELECT id FROM people WHERE handle = 'p' || (1 + i % 10))
      FROM generate_series(1, 20) i;
    INSERT INTO checklist_ticks (claim_id, key, done_by_id)
      SELECT c.id, k, (SELECT id FROM people WHERE handle = 'p1')
      FROM claims c CROSS JOIN unnest(ARRAY['original-source', 'check-numbers']) k;`);
  await t.db.query(
    `INSERT INTO notes (claim_id, author_id, body, mention_ids, created_at)
     SELECT c.id, (SELECT id FROM people WHERE handle = 'p' || (1 + n % 10)), 'note ' || n,
            ARRAY[(SELECT id FROM people WHERE handle = 'p' || (1 + (n + 1) % 10))],
            now() + n * interval '1 second'
     FROM claims c CROSS JOIN generate_series(1, $1::int) n`,
    [notesPerClaim],
  );
}

async function statementsFor(
  notesPerClaim: number,
): Promise<{ statements: number; notes: number }> {
  const t = await startTestApp();
  try {
    await seed(t, notesPerClaim);
    await t.ok(PAGE);
    const statements: string[] = [];
    const stop = t.db.onQuery((sql) => statements.push(sql));
    const data = await t.ok(PAGE);
    stop();
    const notes = data.claims.edges.reduce(
      (sum: number, e: any) => sum + e.node.notes.edges.length,
      0,
    );
    return {
      statements: statements.filter((sql) => !sql.includes('api_principals')).length,
      notes,
    };
  } finally {
    await t.close();
  }
}

describe('a page of claims with the newsroom’s fields', () => {
  it('costs the same number of SQL statements with 1 and with 10 notes per claim', async () => {
    const small = await statementsFor(1);
    const large = await statementsFor(10);
    expect([small.notes, large.notes]).toEqual([20, 200]);
    expect(large.statements).toBe(small.statements);
    // the claims, their ticks, their notes, and every person (assignees, tickers, authors,
    // mentions) in one batch
    expect(small.statements).toBe(4);
  });
});
