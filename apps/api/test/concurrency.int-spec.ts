import { SET_CHECKLIST_ITEM } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

// Concurrency: racing writers over one claim and one article. Exactly one write wins each race,
// the others get a CONFLICT (or the same answer, for idempotent ingests), and the stored history
// agrees with the version.

const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id version } }`;
const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { status version } }`;
const CLAIM = `query ($id: ID!) { claim(id: $id) { status version statusHistory { from to } } }`;
const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) { outcome article { id } } }`;

const STATUSES = ['CONTESTED', 'CORROBORATED', 'CONFIRMED', 'REFUTED', 'RETRACTED'];

describe('concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('50 concurrent changeClaimStatus with the same expectedVersion: one wins, 49 CONFLICT', async () => {
    const { createClaim } = await t.ok<{ createClaim: { id: string; version: number } }>(
      CREATE_CLAIM,
      { i: { text: 'Fifty editors race to change this status.' } },
    );
    // a verdict needs the second review: ticked first, so that every status below is allowed
    await t.ok(SET_CHECKLIST_ITEM, {
      i: { claimId: createClaim.id, key: 'second-review', done: true },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        t.gql<{ changeClaimStatus: { status: string; version: number } }>(CHANGE_STATUS, {
          i: {
            claimId: createClaim.id,
            status: STATUSES[n % STATUSES.length],
            rationale: `editor ${n} saw new evidence`,
            expectedVersion: createClaim.version,
          },
        }),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const codes = results.flatMap((r) => r.errors?.map((e) => e.extensions.code) ?? []);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('CONFLICT'));

    const winner = won[0].data!.changeClaimStatus;
    const { claim } = await t.ok<{
      claim: { status: string; version: number; statusHistory: { from: string; to: string }[] };
    }>(CLAIM, { id: createClaim.id });
    expect(claim.status).toBe(winner.status);
    expect(claim.version).toBe(winner.version);
    expect(claim.version).toBe(createClaim.version + 1);
    expect(claim.statusHistory).toEqual([{ from: 'UNVERIFIED', to: winner.status }]);
    const [{ n }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM claim_events WHERE kind = 'STATUS_CHANGED'`,
    );
    expect(n).toBe(1);
  });

  it('50 concurrent changes each with the version it read: versions and history stay in step', async () => {
    const { createClaim } = await t.ok<{ createClaim: { id: string; version: number } }>(
      CREATE_CLAIM,
      { i: { text: 'Editors retry with fresh versions until they get through.' } },
    );
    // Each worker reads, writes with that version, and retries on CONFLICT: 10 workers × 3 wins.
    const worker = async (w: number) => {
      let wins = 0;
      for (let attempt = 0; wins < 3 && attempt < 200; attempt += 1) {
        const read = await t.ok<{ claim: { status: string; version: number } }>(CLAIM, {
          id: createClaim.id,
        });
        const next = STATUSES.find((s) => s !== read.claim.status)!;
        const result = await t.gql(CHANGE_STATUS, {
          i: {
            claimId: createClaim.id,
            status: next,
            rationale: `worker ${w}`,
            expectedVersion: read.claim.version,
          },
        });
        if (!result.errors) wins += 1;
        else expect(result.errors[0].extensions.code).toBe('CONFLICT');
      }
      return wins;
    };
    const wins = await Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
    expect(wins).toEqual(Array(10).fill(3));
    const { claim } = await t.ok<{
      claim: { status: string; version: number; statusHistory: { from: string; to: string }[] };
    }>(CLAIM, { id: createClaim.id });
    expect(claim.statusHistory).toHaveLength(30);
    expect(claim.version).toBe(createClaim.version + 30);
    // the history is a chain: each change starts where the previous one ended
    const history = claim.statusHistory;
    expect(history[0].from).toBe('UNVERIFIED');
    for (let i = 1; i < history.length; i += 1) expect(history[i].from).toBe(history[i - 1].to);
    expect(history[history.length - 1].to).toBe(claim.status);
  });

  it('50 concurrent identical ingestArticle calls create one article', async () => {
    const before = await t.count('articles');
    const input = {
      url: 'https://example.org/news/concurrent-ingest',
      title: 'Concurrent ingest',
      publisherName: 'The Race Gazette',
      text: 'Officials said the talks were advanced. A spokesperson declined to comment.',
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.gql<{ ingestArticle: { outcome: string; article: { id: string } } }>(INGEST, {
          i: input,
        }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.ingestArticle.article.id));
    expect(ids.size).toBe(1);
    const outcomes = results.map((r) => r.data!.ingestArticle.outcome);
    expect(outcomes.filter((o) => o === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'UNCHANGED')).toHaveLength(49);
    expect(await t.count('articles')).toBe(before + 1);
    const [{ n }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM actors WHERE name = 'The Race Gazette'`,
    );
    expect(n).toBe(1);
  });
});
