import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'graphql-ws';
import { parseGlobalId } from '@claimtrace/core';
import { LogTailer } from '@claimtrace/events';
import { startAppOn, startTestApp, TestApp } from './test-app';
import { listen, subscribe, wsClient } from './live-client';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '../../..');

/** True when Redis answers PING on REDIS_URL's host and port (checked once, before the tests). */
function redisReachable(): boolean {
  const { hostname, port } = new URL(REDIS_URL);
  const script = `const s = require('net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)}, () => s.write('PING\\r\\n'));
    s.setTimeout(1000, () => process.exit(1)); s.on('error', () => process.exit(1));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));`;
  return spawnSync(process.execPath, ['-e', script], { timeout: 5000 }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const reachable = redisReachable();
if (!reachable) {
  process.stderr.write(
    `\nSKIPPED: Redis is not reachable at ${REDIS_URL}; the multi-instance tests need it (CI runs it).\n`,
  );
}
/** Counted as skipped when Redis is unreachable; CI has it. */
const redisIt = reachable ? it : it.skip;

describe('live updates across instances (PostgreSQL + Redis)', () => {
  const apps: TestApp[] = [];
  const clients: Client[] = [];
  const prefix = `claimtrace-test-${randomBytes(6).toString('hex')}`;

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const app of apps) await app.close();
  });

  async function instance(databaseUrl: string | null, env: Record<string, string> = {}) {
    const t = databaseUrl
      ? await startTestAppOn(databaseUrl, env)
      : await startTestApp({ REDIS_URL, REDIS_CHANNEL_PREFIX: prefix, ...env });
    apps.push(t);
    return t;
  }

  async function startTestAppOn(databaseUrl: string, env: Record<string, string>) {
    return startAppOn(databaseUrl, { REDIS_URL, REDIS_CHANNEL_PREFIX: prefix, ...env });
  }

  const client = (url: string) => {
    const c = wsClient(url);
    clients.push(c);
    return c;
  };

  async function createClaim(t: TestApp, text: string): Promise<string> {
    const data = await t.ok<{ createClaim: { id: string } }>(
      `mutation($text: String!) { createClaim(input: { text: $text }) { id } }`,
      { text },
    );
    return data.createClaim.id;
  }

  async function tag(t: TestApp, claimId: string, tags: string[]): Promise<void> {
    await t.ok(
      `mutation($id: ID!, $tags: [String!]) { updateClaim(input: { claimId: $id, tags: $tags }) { id } }`,
      { id: claimId, tags },
    );
  }

  /**
   * Every cursor of the claim's events, through the `events` query, in log order, once every event
   * of the claim committed so far is final: the horizon is cluster-wide, and on a shared
   * PostgreSQL another database's transaction can hold the test's last writes out of the log.
   */
  async function cursors(t: TestApp, claimId: string): Promise<string[]> {
    const key = parseGlobalId(claimId)!.key;
    for (let i = 0; ; i += 1) {
      const [{ n }] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM claim_events WHERE claim_id = $1::uuid`,
        [key],
      );
      const shown = await finalCursors(t, claimId);
      if (shown.length >= n) return shown;
      if (i > 3000) throw new Error('events never became final');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function finalCursors(t: TestApp, claimId: string): Promise<string[]> {
    const out: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await t.ok(
        `query($claimId: ID, $after: String) { events(first: 100, claimId: $claimId, after: $after) {
           edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        { claimId, after },
      );
      out.push(...data.events.edges.map((edge: any) => edge.cursor));
      if (!data.events.pageInfo.hasNextPage) return out;
      after = data.events.pageInfo.endCursor;
    }
  }

  redisIt(
    'a write through instance A reaches a subscriber on instance B, through Redis',
    async () => {
      // Polls every minute only: a delivery within seconds can only come from the Redis poke.
      const a = await instance(null, { EVENTS_POLL_MS: '60000' });
      const b = await instance(a.databaseUrl, { EVENTS_POLL_MS: '60000' });
      const tailerB = b.app.get(LogTailer);
      const urlB = await listen(b.app);
      const sub = subscribe(client(urlB));
      const deadline = Date.now() + 10_000;
      while (tailerB.stats().subscribers < 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const id = await createClaim(a, 'written on A');
      await tag(a, id, ['seen on B']);
      const got = await sub.waitFor(2, 10_000);
      expect(got.map((e) => e.kind)).toEqual(['CLAIM_CREATED', 'CLAIM_UPDATED']);
      expect(got[1].claim?.id).toBe(id);
      sub.dispose();
    },
  );

  it('without Redis (lost notifications), an instance catches up from the log by polling', async () => {
    // REDIS_URL points at a closed port: every publish fails; the poll still delivers, in order.
    const a = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', EVENTS_POLL_MS: '60000' });
    apps.push(a);
    const b = await instance(a.databaseUrl, {
      REDIS_URL: 'redis://127.0.0.1:1',
      EVENTS_POLL_MS: '150',
    });
    const urlB = await listen(b.app);
    const id = await createClaim(a, 'no redis');
    const start = (await cursors(a, id))[0];
    const sub = subscribe(client(urlB), { claimId: id, after: start });
    for (let i = 0; i < 5; i += 1) await tag(a, id, [`t${i}`]);
    const got = await sub.waitFor(5, 15_000);
    expect(got.map((e) => e.payload.after.tags[0])).toEqual(['t0', 't1', 't2', 't3', 't4']);
    sub.dispose();
  });

  describe('a separate API process killed mid-stream', () => {
    let child: ChildProcess | null = null;
    afterAll(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    });

    redisIt(
      'resumes on the other instance with the last cursor: nothing missed, nothing twice',
      async () => {
        execFileSync(process.execPath, [resolve(ROOT, 'tools/scripts/build.js')], { cwd: ROOT });
        const a = await instance(null, { EVENTS_POLL_MS: '500' });
        const port = await freePort();
        child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/src/main.js')], {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: a.databaseUrl,
            REDIS_URL,
            REDIS_CHANNEL_PREFIX: prefix,
            PORT: String(port),
            HOST: '127.0.0.1',
            DEMO_DATA: 'false',
            LOG_LEVEL: 'warn',
            EVENTS_POLL_MS: '500',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr?.on('data', (chunk) => (stderr += chunk));
        const urlP = `ws://127.0.0.1:${port}/graphql`;
        // Wait until the process answers HTTP.
        const deadline = Date.now() + 30_000;
        for (;;) {
          const ok = await fetch(`http://127.0.0.1:${port}/health`)
            .then((r) => r.ok)
            .catch(() => false);
          if (ok) break;
          if (Date.now() > deadline || child.exitCode !== null) {
            throw new Error(`the API process did not start: ${stderr}`);
          }
          await new Promise((r) => setTimeout(r, 100));
        }

        const id = await createClaim(a, 'streamed');
        const start = (await cursors(a, id))[0];
        const onP = subscribe(wsClient(urlP), { claimId: id, after: start });
        // Writes keep flowing on A while P is killed.
        let writing = true;
        let written = 0;
        const writer = (async () => {
          while (writing && written < 400) {
            await tag(a, id, [`w${written}`]);
            written += 1;
          }
        })();
        await onP.waitFor(20, 20_000);
        child.kill('SIGKILL');
        await new Promise<void>((done) => child!.once('exit', () => done()));
        const received = [...onP.events];
        expect(received.length).toBeGreaterThanOrEqual(20);

        await new Promise((r) => setTimeout(r, 100)); // more writes happen while nobody listens
        const urlA = await listen(a.app);
        const onA = subscribe(client(urlA), {
          claimId: id,
          after: received[received.length - 1].cursor,
        });
        writing = false;
        await writer;
        const all = await cursors(a, id);
        const expected = all.slice(1); // after CLAIM_CREATED
        const missing = expected.length - received.length;
        await onA.waitFor(missing, 20_000);
        const union = [...received, ...onA.events].map((e) => e.cursor);
        expect(union).toEqual(expected);
        onA.dispose();
      },
      120_000,
    );
  });
});
