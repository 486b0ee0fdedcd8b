import { request as httpRequest, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from './test-app';

/**
 * Streaming behaviour of the graph export on a graph large enough not to fit in a socket buffer:
 * a slow reader holds the database cursor still (backpressure reaches PostgreSQL), and a client
 * that goes away cancels the query within a second.
 */
const EDGES = 150_000;
/**
 * The edges are stances on a thousand claims, 150 each: inserting 150,000 claims, each with its
 * full-text and trigram index entries, took most of the 15 s statement timeout on a busy machine.
 */
const CLAIMS = 1_000;

describe('streamed exports', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`
      WITH actor AS (INSERT INTO actors (name, kind) VALUES ('Bulk actor', 'PERSON') RETURNING id),
           article AS (INSERT INTO articles (url, title, text, content_hash)
                       VALUES ('https://example.org/bulk', 'Bulk', repeat('bulk ', ${EDGES / CLAIMS}), 'h')
                       RETURNING id),
           -- a passage per stance of a claim: one attribution (claim, actor, stance, passage) is
           -- written once (attributions_current_key)
           passage AS (INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
                       SELECT id, (g - 1) * 5, (g - 1) * 5 + 4, 'bulk', '', ' '
                       FROM article, generate_series(1, ${EDGES / CLAIMS}) g RETURNING id),
           claim AS (INSERT INTO claims (text, first_seen_at)
                     SELECT 'Generated claim number ' || g, now() FROM generate_series(1, ${CLAIMS}) g
                     RETURNING id)
      INSERT INTO attributions (claim_id, actor_id, stance, passage_id)
      SELECT claim.id, actor.id, 'ASSERTS', passage.id
      FROM claim, actor, passage`);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(() => t.close());

  const exportSessions = async () =>
    t.db.query<{ pid: number; state: string; query: string; queryStart: string }>(
      `SELECT pid, state, query, query_start::text AS "queryStart" FROM pg_stat_activity
       WHERE application_name = 'claimtrace-export'`,
    );

  const open = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, resolve);
      req.on('error', reject);
      req.end();
    });

  const firstChunk = (response: IncomingMessage) =>
    new Promise<void>((resolve) => response.once('data', () => resolve()));

  it('keeps the cursor still while the client does not read, then finishes', async () => {
    const response = await open('/exports/graph?format=csv&table=edges');
    await firstChunk(response);
    response.pause();
    // Once the socket buffers are full the server stops fetching: the session idles in its
    // transaction after its last FETCH, and issues no new one while the client does not read.
    const sample = async () => JSON.stringify((await exportSessions())[0] ?? null);
    let before = '';
    await waitFor(async () => {
      const first = await sample();
      await new Promise((resolve) => setTimeout(resolve, 500));
      before = await sample();
      return first === before && JSON.parse(before)?.state === 'idle in transaction';
    }, 30_000);
    expect(JSON.parse(before).query).toMatch(/^FETCH/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await sample()).toBe(before);
    let lines = 0;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const c of chunk) if (c === '\n') lines += 1;
    });
    response.resume();
    await new Promise((resolve) => response.on('end', resolve));
    // header + stance edges (the first chunk was counted out) — at least most of them
    expect(lines).toBeGreaterThan(EDGES / 2);
    await waitFor(async () => (await exportSessions()).length === 0, 2000);
  }, 90_000);

  it('cancels the database work within a second of a disconnect', async () => {
    const response = await open('/exports/graph?format=graphml');
    await firstChunk(response);
    expect(await exportSessions()).toHaveLength(1);
    const closed = Date.now();
    response.destroy();
    await waitFor(async () => (await exportSessions()).length === 0, 1000);
    expect(Date.now() - closed).toBeLessThan(1000);
    // the pool is healthy afterwards
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not within ${ms} ms`);
}
