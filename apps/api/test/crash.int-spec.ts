import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@claimtrace/database';
import { invariantViolations } from './support/invariants';
import { BuiltServer, ServerHarness, sleep } from './support/built-server';

// Crash safety: the built server (`node dist/apps/api/src/main.js`, embedded PostgreSQL) is
// SIGKILLed in the middle of a bulk import and of a burst of mutations, then started again on the
// same data folder. The next start recovers the PostgreSQL the killed process left running, by
// itself; every write a client saw acknowledged is there; no article or attribution is partial;
// every committed change has its event; a reader resumes from its cursor without missing one.

jest.setTimeout(240_000);

describe('crash safety (SIGKILL, then restart)', () => {
  let harness: ServerHarness;
  let server: BuiltServer | null = null;
  let token: string;

  const start = () => harness.start();

  const kill = async (target: BuiltServer) => {
    target.child.kill('SIGKILL');
    await target.exited;
  };

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (!response.ok || body.errors)
      throw new Error(JSON.stringify(body.errors ?? response.status));
    return body.data;
  };

  /** The database of the running embedded server, for checks the API does not expose. */
  const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const password = readFileSync(join(harness.dataDir, 'postgres', 'pg-password'), 'utf8').trim();
    const db = new Database({
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${harness.pgPort}/claimtrace`,
      poolSize: 2,
    });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };

  /**
   * Runs `work` in `workers` loops and SIGKILLs the server once `acks` writes were acknowledged
   * (while the other loops are mid-request); answers what was acknowledged.
   */
  const burstUntilKilled = async <T>(
    workers: number,
    work: (worker: number, n: number) => Promise<T>,
    acks: number,
  ): Promise<T[]> => {
    const acknowledged: T[] = [];
    let dead = false;
    const loops = Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; !dead; n += 1) {
        try {
          acknowledged.push(await work(w, n));
        } catch {
          if (dead) return;
          await sleep(10);
        }
      }
    });
    for (
      const deadline = Date.now() + 60_000;
      acknowledged.length < acks && Date.now() < deadline;
    ) {
      await sleep(20);
    }
    dead = true;
    await kill(server!);
    await Promise.all(loops);
    return acknowledged;
  };

  beforeAll(async () => {
    harness = await ServerHarness.create('claimtrace-crash-');
    server = await start();
    token = harness.adminToken();
  });

  afterAll(() => harness.dispose());

  it('keeps every acknowledged article of a bulk import, whole, across a SIGKILL', async () => {
    const sentence =
      'The minister said the talks were advanced, a spokesperson declined to comment, and sources said no deal was closed. ';
    const acknowledged = await burstUntilKilled(
      4,
      async (w, n) => {
        const data = await gql(
          `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome article { id url } } }`,
          {
            i: {
              url: `https://example.org/bulk/${w}/${n}`,
              title: `Bulk ${w}-${n}`,
              publisherName: `Publisher ${w}`,
              authorNames: [`Author ${w} ${n}`, `Second author ${n}`],
              text: `${w}-${n}: ${sentence.repeat(100)}`,
            },
          },
        );
        return data.ingestArticle.article as { id: string; url: string };
      },
      12,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    const leftBehind = harness.postmasterPid();
    expect(leftBehind).not.toBeNull(); // the killed server's PostgreSQL is still running

    server = await start(); // recovers the orphaned PostgreSQL by itself
    for (const article of acknowledged) {
      const data = await gql(`query ($id: ID!) { article(id: $id) { url authors { name } } }`, {
        id: article.id,
      });
      expect(data.article.url).toBe(article.url);
      expect(data.article.authors).toHaveLength(2);
    }
    await withDb(async (db) => {
      const partial = await db.query(
        `SELECT a.id FROM articles a
          WHERE (SELECT count(*) FROM article_authors x WHERE x.article_id = a.id) <> 2
             OR a.publisher_id IS NULL
             OR NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.kind = 'ARTICLE_INGESTED'
                             AND e.payload->>'url' = a.url)`,
      );
      expect(partial).toEqual([]);
      expect(await invariantViolations(db)).toEqual([]);
    });
  });

  it('keeps every acknowledged mutation of a burst, with its event, and readers resume from their cursor', async () => {
    const { ingestArticle } = await gql(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`,
      {
        i: {
          url: 'https://example.org/burst',
          title: 'Burst',
          publisherName: 'Burst Times',
          text: 'The ministry denied the report. Officials said talks were moving quickly. A spokesperson declined to comment.',
        },
      },
    );
    const { createActor } = await gql(
      `mutation { createActor(input: { name: "The Ministry", kind: GOVERNMENT_BODY }) { id } }`,
    );
    const cursor = await withDb(async (db) => {
      const [row] = await db.query<{ id: string }>(`SELECT max(id)::text AS id FROM claim_events`);
      return BigInt(row.id);
    });

    const quotes = [
      'The ministry denied the report.',
      'Officials said talks were moving quickly.',
      'A spokesperson declined to comment.',
    ];
    const acknowledged = await burstUntilKilled(
      6,
      async (w, n) => {
        const { createClaim } = await gql(
          `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id version } }`,
          { i: { text: `Claim ${w}-${n} made during the burst.`, allowDuplicate: true } },
        );
        const { attributeClaim } = await gql(
          `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id } }`,
          {
            i: {
              claimId: createClaim.id,
              actorId: createActor.id,
              articleId: ingestArticle.article.id,
              stance: 'DENIES',
              quote: { exact: quotes[n % quotes.length] },
            },
          },
        );
        const { changeClaimStatus } = await gql(
          `mutation ($i: ChangeClaimStatusInput!) { changeClaimStatus(input: $i) { version status } }`,
          {
            i: {
              claimId: createClaim.id,
              status: 'CONTESTED',
              rationale: 'denied',
              expectedVersion: createClaim.version,
            },
          },
        );
        return { claim: createClaim.id, attribution: attributeClaim.id, ...changeClaimStatus };
      },
      30,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    server = await start();
    for (const write of acknowledged) {
      const data = await gql(
        `query ($c: ID!, $a: ID!) { claim(id: $c) { status version statusHistory { to } }
          node(id: $a) { ... on Attribution { id stance passage { exact } } } }`,
        { c: write.claim, a: write.attribution },
      );
      expect(data.claim).toMatchObject({ status: 'CONTESTED', version: write.version });
      expect(data.claim.statusHistory).toEqual([{ to: 'CONTESTED' }]);
      expect(data.node).toMatchObject({ id: write.attribution, stance: 'DENIES' });
      expect(quotes).toContain(data.node.passage.exact);
    }
    await withDb(async (db) => {
      expect(await invariantViolations(db)).toEqual([]);
      // every committed change has its event, and a reader resuming after its cursor sees them all
      const missing = await db.query(
        `SELECT c.id FROM claims c WHERE c.created_at > now() - interval '10 minutes'
            AND NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.kind = 'CLAIM_CREATED')
         UNION ALL
         SELECT a.id FROM attributions a
          WHERE NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = a.claim_id AND e.kind = 'ATTRIBUTION_ADDED')
         UNION ALL
         SELECT s.id FROM status_changes s
          WHERE NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = s.claim_id AND e.kind = 'STATUS_CHANGED')`,
      );
      expect(missing).toEqual([]);
      const after = await db.query<{ id: string; claim_id: string; kind: string }>(
        `SELECT id::text, claim_id, kind FROM claim_events WHERE claim_events.id > $1 ORDER BY claim_events.id`,
        [cursor.toString()],
      );
      const ids = after.map((e) => BigInt(e.id));
      for (let i = 1; i < ids.length; i += 1) expect(ids[i] > ids[i - 1]).toBe(true);
      const resumed = new Set(
        after.filter((e) => e.kind === 'CLAIM_CREATED').map((e) => e.claim_id),
      );
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM claims WHERE text LIKE 'Claim %made during the burst.'`,
      );
      expect(resumed.size).toBe(n);
      expect(n).toBeGreaterThanOrEqual(acknowledged.length);
    });
  });
});
