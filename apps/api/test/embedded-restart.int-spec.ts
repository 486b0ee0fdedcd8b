import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { BuiltServer, ServerHarness, sleep } from './support/built-server';

// Self-healing: the built server runs on its embedded PostgreSQL under a steady load of reads and
// writes; the postmaster is SIGKILLed (as the OOM killer would). The API notices, restarts it with
// backoff, answers 503 on /health/ready meanwhile; a request during the outage gets the retryable
// SERVICE_UNAVAILABLE or succeeds (never an internal error, never a hang); every acknowledged
// write is there afterwards. When every restart fails, the process exits with code 1 and says why.

jest.setTimeout(240_000);

/** What one request of the load got: its data, or its error code (or HTTP status, or HANG). */
type Outcome = { ok: true; id?: string } | { ok: false; code: string };

const REQUEST_TIMEOUT_MS = 30_000;

describe('embedded PostgreSQL killed under load', () => {
  let harness: ServerHarness;
  let server: BuiltServer | null = null;
  let token: string;

  const start = (env: Record<string, string>) => harness.start({ LOG_LEVEL: 'info', ...env });

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Outcome> => {
    try {
      const response = await fetch(`${server!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = (await response.json()) as {
        data?: Record<string, { id?: string }>;
        errors?: { extensions?: { code?: string } }[];
      };
      if (body.errors?.length) return { ok: false, code: body.errors[0].extensions?.code ?? '?' };
      if (!response.ok) return { ok: false, code: `HTTP ${response.status}` };
      return { ok: true, id: Object.values(body.data ?? {})[0]?.id };
    } catch (error) {
      return { ok: false, code: (error as Error).name === 'TimeoutError' ? 'HANG' : 'NETWORK' };
    }
  };

  const ready = async (): Promise<number> =>
    (await fetch(`${server!.url}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;

  beforeAll(async () => {
    harness = await ServerHarness.create('claimtrace-heal-');
  });

  afterAll(() => harness.dispose());

  it('restarts a SIGKILLed postmaster, answering 503 and retryable errors meanwhile, losing nothing', async () => {
    server = await start({
      EMBEDDED_PG_RESTART_RETRIES: '5',
      EMBEDDED_PG_RESTART_DELAY_MS: '500',
      EMBEDDED_PG_RESTART_MAX_DELAY_MS: '8000',
    });
    token = harness.adminToken();

    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let running = true;
    let n = 0;
    const writer = async () => {
      while (running) {
        const outcome = await gql(
          `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`,
          // look-alike names on purpose: allowDuplicate, or the duplicate check refuses them
          { i: { name: `Actor ${(n += 1)}`, kind: 'PERSON', allowDuplicate: true } },
        );
        outcomes.push(outcome);
        if (outcome.ok) acknowledged.push(outcome.id!);
        else await sleep(20);
      }
    };
    const reader = async () => {
      while (running) {
        const outcome = await gql(`{ actors(first: 5) { edges { node { id name } } } }`);
        outcomes.push(outcome);
        if (!outcome.ok) await sleep(20);
      }
    };
    const load = [writer(), writer(), writer(), reader(), reader()];
    const acknowledgedAtLeast = async (count: number) => {
      while (acknowledged.length < count) await sleep(20);
    };

    await acknowledgedAtLeast(20);
    const killed = harness.postmasterPid()!;
    process.kill(killed, 'SIGKILL');
    // polled until it was down and is back (at most 2,000 times: no endless loop on a failure)
    const statuses: number[] = [];
    const recovered = () => statuses.includes(503) && statuses.at(-1) === 200;
    while (!recovered() && statuses.length < 2_000) {
      statuses.push(await ready());
      await sleep(50);
    }
    const afterRestart = acknowledged.length;
    await acknowledgedAtLeast(afterRestart + 20);
    running = false;
    await Promise.all(load);

    expect(recovered()).toBe(true);
    expect(statuses.slice(statuses.indexOf(503))).not.toContain(500);
    expect(harness.postmasterPid()).not.toBe(killed);
    const failures = new Set(
      outcomes.filter((o) => !o.ok).map((o) => (o as { code: string }).code),
    );
    expect([...failures].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(server.log()).toMatch(/the embedded PostgreSQL \(pid \d+\) was killed by SIGKILL/);
    expect(server.log()).toMatch(/the embedded PostgreSQL is back \(attempt \d of 5/);

    // every acknowledged write is there, and the app serves as before
    const found = new Set<string>();
    for (let page: string | null = null, more = true; more;) {
      const data = (await (
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `query ($after: String) { actors(first: 100, after: $after) {
              edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
            variables: { after: page },
          }),
        })
      ).json()) as {
        data: {
          actors: {
            edges: { node: { id: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      };
      for (const edge of data.data.actors.edges) found.add(edge.node.id);
      more = data.data.actors.pageInfo.hasNextPage;
      page = data.data.actors.pageInfo.endCursor;
    }
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
    expect(await ready()).toBe(200);
  });

  it('exits with code 1 and says why when every restart fails', async () => {
    server?.child.kill('SIGTERM'); // the last test's
    await server?.exited;
    server = await start({
      EMBEDDED_PG_RESTART_RETRIES: '2',
      EMBEDDED_PG_RESTART_DELAY_MS: '300',
      EMBEDDED_PG_RESTART_MAX_DELAY_MS: '300',
    });
    // the cluster's folder becomes unusable (PostgreSQL refuses a data folder others may enter)
    const pgdata = join(harness.dataDir, 'postgres', 'pgdata');
    chmodSync(pgdata, 0o777);
    process.kill(harness.postmasterPid()!, 'SIGKILL');
    try {
      expect(await server.exited).toBe(1);
    } finally {
      chmodSync(pgdata, 0o700);
    }
    expect(server.log()).toMatch(
      /the embedded PostgreSQL \(pid \d+\) was killed by SIGKILL and did not restart after 2 attempts \(last: .+\); exiting\./,
    );
  });
});
