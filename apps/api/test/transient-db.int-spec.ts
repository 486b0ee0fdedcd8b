import { Client } from 'pg';
import { ATTRIBUTE, attributionParts, CREATE_CLAIM } from './support/fixtures';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './test-app';

// Transient database failures — a lost or refused connection, a deadlock — are not the client's
// fault and not a bug: the answer is SERVICE_UNAVAILABLE with `retryable` and `retryAfterSeconds`,
// HTTP 503 with Retry-After; a deadlock is first retried inside the server. Real PostgreSQL, real
// failures: a relay that cuts the app's connections, pg_terminate_backend, a lock cycle.

const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { status } }`;
const CLAIMS = `{ claims(first: 5) { totalCount } }`;
const TEXT = 'The minister said the deal was done. The opposition said it was not.';

jest.setTimeout(120_000);

/** Sends a GraphQL request over HTTP and answers status, Retry-After and body. */
async function send(t: TestApp, query: string, variables: Record<string, unknown> = {}) {
  const response = await t.send(query, variables);
  return {
    status: response.statusCode,
    retryAfter: response.headers['retry-after'],
    body: response.json() as { data?: unknown; errors?: { message: string; extensions: any }[] },
  };
}

const unavailable = (retryAfterSeconds: number) => ({
  status: 503,
  retryAfter: String(retryAfterSeconds),
  body: expect.objectContaining({
    errors: [
      expect.objectContaining({
        message: expect.stringMatching(/Retry in \d+ s/),
        extensions: expect.objectContaining({
          code: 'SERVICE_UNAVAILABLE',
          retryable: true,
          retryAfterSeconds,
        }),
      }),
    ],
  }),
});

describe('the database connection is lost or refused', () => {
  const proxy = new TcpProxy();
  let t: TestApp;
  beforeAll(async () => {
    await proxy.start();
    t = await startTestApp({}, (url) => proxy.route(url));
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.cut();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After on reads, writes and exports, then recovers', async () => {
    expect((await send(t, CLAIMS)).status).toBe(200);
    await proxy.cut();

    expect(await send(t, CLAIMS)).toEqual(unavailable(5));
    expect(
      await send(t, CREATE_CLAIM, { i: { text: 'Written while the database is away' } }),
    ).toEqual(unavailable(5));
    const exported = await t.app.inject({ method: 'GET', url: '/exports/graph?format=json' });
    expect({
      status: exported.statusCode,
      retryAfter: exported.headers['retry-after'],
      body: exported.json(),
    }).toEqual({
      status: 503,
      retryAfter: '5',
      body: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true }),
    });

    await proxy.restore();
    const again = await send(t, CREATE_CLAIM, { i: { text: 'Written once it is back' } });
    expect({ status: again.status, errors: again.body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
  });
});

describe('a connection terminated under a request, and a deadlock', () => {
  let t: TestApp;
  let adversary: Client;
  let database: string;
  let claimId: string;
  let claimKey: string;
  let actorId: string;
  let articleId: string;
  let articleKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    database = new URL(t.databaseUrl).pathname.slice(1);
    adversary = new Client({ connectionString: t.databaseUrl });
    await adversary.connect();
    ({ claimId, actorId, articleId } = await attributionParts(t, {
      claim: 'A claim the adversary locks',
      actor: 'Deadlock Minister',
      url: 'https://example.org/deadlock',
      text: TEXT,
    }));
    claimKey = Buffer.from(claimId, 'base64url').toString().split(':')[1];
    articleKey = Buffer.from(articleId, 'base64url').toString().split(':')[1];
  });
  afterAll(async () => {
    await adversary.end();
    await t.close();
  });

  /**
   * The pid of the app's backend once it waits for a lock (pg_stat_activity's `query` may still
   * show the statement before the one that waits).
   */
  const waitingBackend = async (): Promise<number> => {
    for (;;) {
      const { rows } = await adversary.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
        [database],
      );
      if (rows.length > 0) return rows[0].pid;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const deadlocks = async () =>
    Number(
      (
        await adversary.query<{ n: string }>(
          'SELECT deadlocks AS n FROM pg_stat_database WHERE datname = $1',
          [database],
        )
      ).rows[0].n,
    );

  /** The two sentences of TEXT: each deadlock test races for the passage of one of them. */
  const SPANS = [
    { start: 0, end: 36, exact: 'The minister said the deal was done.' },
    { start: 37, end: 68, exact: 'The opposition said it was not.' },
  ];

  const attribute = (span: number) =>
    send(t, ATTRIBUTE, {
      i: {
        claimId,
        actorId,
        articleId,
        stance: 'ASSERTS',
        position: { start: SPANS[span].start, end: SPANS[span].end },
      },
    });

  /**
   * Holds the passage that `attribute` creates (inserted, not committed), so that the app, holding
   * the claim's lock, waits for it; then asks for the claim's lock: a cycle, which PostgreSQL breaks
   * by aborting the app's transaction (its deadlock_timeout expires first). `rounds` times.
   */
  const deadlockTheApp = async (span: number, rounds: number): Promise<void> => {
    const { start, end, exact } = SPANS[span];
    await adversary.query('BEGIN');
    await adversary.query("SET LOCAL deadlock_timeout = '60s'");
    await adversary.query(
      `INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
       VALUES ($1::uuid, $2, $3, $4, '', '')`,
      [articleKey, start, end, exact],
    );
    for (let round = 0; round < rounds; round += 1) {
      await waitingBackend();
      await adversary.query('SAVEPOINT cycle');
      await adversary.query('SELECT 1 FROM claims WHERE id = $1::uuid FOR UPDATE', [claimKey]);
      await adversary.query('ROLLBACK TO SAVEPOINT cycle'); // the app may lock the claim again
    }
    await adversary.query('ROLLBACK');
  };

  it('retries a transaction that PostgreSQL aborted in a real deadlock, and succeeds', async () => {
    const before = await deadlocks();
    const [answer] = await Promise.all([attribute(0), deadlockTheApp(0, 1)]);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
    expect(await deadlocks()).toBe(before + 1);
  });

  it('answers a deadlock that outlasts the retries with 503 SERVICE_UNAVAILABLE and Retry-After', async () => {
    const before = await deadlocks();
    const [answer] = await Promise.all([attribute(1), deadlockTheApp(1, 3)]);
    expect(answer).toEqual(unavailable(1));
    expect(answer.body.errors![0].message).toMatch(/deadlock|conflict/i);
    expect(await deadlocks()).toBe(before + 3);
  });

  it('answers 503 when the backend serving a write is terminated (57P01)', async () => {
    await adversary.query('BEGIN');
    await adversary.query('SELECT 1 FROM claims WHERE id = $1::uuid FOR UPDATE', [claimKey]);
    const pending = send(t, CHANGE_STATUS, {
      i: { claimId, status: 'CONTESTED', rationale: 'terminated while waiting' },
    });
    const pid = await waitingBackend();
    await adversary.query('SELECT pg_terminate_backend($1)', [pid]);
    expect(await pending).toEqual(unavailable(5));
    await adversary.query('ROLLBACK');
    // the pool replaces the connection: the same write works now
    const again = await send(t, CHANGE_STATUS, {
      i: { claimId, status: 'CONTESTED', rationale: 'after the termination' },
    });
    expect(again.body.errors).toBeUndefined();
  });
});
