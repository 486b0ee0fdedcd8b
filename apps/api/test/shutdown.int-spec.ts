import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { generateToken, hashToken } from '@claimtrace/auth';
import { parseGlobalId } from '@claimtrace/core';
import { Database } from '@claimtrace/database';
import { createTestDatabase } from '@claimtrace/testing';
import { freePort } from './support/free-port';
import { holdTableLock, TableLock, until } from './support/table-lock';

// Graceful shutdown under load: the built server (`node dist/apps/api/src/main.js`, on its own
// test database) gets SIGTERM while requests are in flight. Requests are held in flight
// deterministically by a table lock taken on a separate connection (they wait in PostgreSQL),
// and by a request whose body is still being sent. Every request the server had received answers
// 200 with data; new connections are refused once closing has begun; the process exits with 0
// (the SHUTDOWN_TIMEOUT_MS fallback exits with 1); every acknowledged write is in the database.

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
/** Far more than a clean shutdown here needs (under a second) */
const SHUTDOWN_TIMEOUT_MS = 5_000;
/** How long `@as-integrations/fastify`'s drain waits before it cuts every connection */
const APOLLO_DRAIN_CUT_MS = 10_000;

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Whether a new TCP connection to the port is refused (the server stopped listening). */
function refuses(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  port: number;
  exit: Promise<number | null>;
  log: () => string;
}

interface Answer {
  status: number;
  body: { data?: any; errors?: unknown[] } | null;
  text: string;
}

describe('graceful shutdown (SIGTERM under load)', () => {
  let databaseUrl: string;
  let db: Database;
  let editor: string;
  let server: Server | null = null;
  let lock: TableLock | null = null;

  const start = async (
    shutdownTimeoutMs = SHUTDOWN_TIMEOUT_MS,
    env: Record<string, string> = {},
  ): Promise<Server> => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_COST_PER_MINUTE: '0',
        SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-50_000)));
    child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-50_000)));
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const url = `http://127.0.0.1:${port}`;
    await until(
      'the server is ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
        return fetch(`${url}/health/ready`).then(
          (response) => response.ok,
          () => false,
        );
      },
      30_000,
    );
    return { child, url, port, exit, log: () => output };
  };

  /** Sends a GraphQL request as the editor; answers whatever HTTP answered (rejects on no answer). */
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({ query, variables }),
    });
    return answer(response.status, await response.text());
  };

  /** The server's requests held in flight by the lock `hold` took. */
  const waitingOnLock = () => lock!.waiting();

  /** Takes `lock` on `table` in a transaction of its own connection; `release()` ends it. */
  const hold = async (table: string, mode: string) => {
    lock = await holdTableLock(databaseUrl, table, mode);
  };
  const release = async () => {
    await lock?.release();
    lock = null;
  };

  const expectCleanExit = async (target: Server) => {
    const code = await target.exit;
    const log = target.log();
    expect(log).not.toMatch(/Cannot use a pool after calling end/);
    expect(log).not.toMatch(/Cannot execute GraphQL operations/);
    expect({ code, log }).toEqual({ code: 0, log });
  };

  beforeAll(async () => {
    // The test runs the built server; build it from the current sources (SWC, seconds).
    execFileSync(process.execPath, [join(ROOT, 'tools/scripts/build.js')], { cwd: ROOT });
    databaseUrl = await createTestDatabase();
    db = new Database({ url: databaseUrl, poolSize: 2 });
    editor = generateToken();
    await db.prisma.apiPrincipal.create({
      data: {
        name: 'shutdown-editor',
        role: 'EDITOR',
        tokenHash: hashToken(editor),
        person: { create: { name: 'Shutdown Editor' } },
      },
    });
  });

  afterEach(async () => {
    await release();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exit;
    }
    server = null;
  });

  afterAll(async () => {
    await db?.close();
  });

  it('finishes the requests it received, refuses new connections, and exits with 0', async () => {
    server = await start();
    const target = server;
    // a live subscriber: an open WebSocket must not hold the shutdown up
    const socket = new WebSocket(
      `${target.url.replace('http', 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
    await new Promise((done, fail) => {
      socket.once('open', done);
      socket.once('error', fail);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise<void>((done) =>
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') done();
      }),
    );
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: 'subscription { claimEvents { cursor kind } }' },
      }),
    );

    // A read waiting in PostgreSQL for the lock on `claims`.
    await hold('claims', 'ACCESS EXCLUSIVE');
    const held = gql(`{ claims(first: 5) { totalCount edges { node { id } } } }`);
    await until('the read waits for the lock', async () => (await waitingOnLock()) > 0);

    // A request whose headers the server has read (it answered 100 Continue) but whose body is
    // still on its way when the signal comes.
    const body = JSON.stringify({ query: '{ claims(first: 1) { totalCount } }' });
    let continued = false;
    let finishSlow: () => void = () => undefined;
    const slow = new Promise<Answer>((done, fail) => {
      const req = request(`${target.url}/graphql`, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${editor}`,
          expect: '100-continue',
        },
      });
      req.once('continue', () => {
        continued = true;
        req.write(body.slice(0, 10));
      });
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => done(answer(res.statusCode ?? 0, text)));
      });
      req.once('error', fail);
      finishSlow = () => void req.end(body.slice(10));
    });
    await until('the server read the slow request headers', () => continued);

    target.child.kill('SIGTERM');
    await until('new connections are refused', () => refuses(target.port));
    expect(await waitingOnLock()).toBeGreaterThan(0); // the held read is still in flight

    finishSlow();
    await sleep(300); // the slow request's body reaches the closing server
    await release();

    const [heldAnswer, slowAnswer] = await Promise.all([held, slow]);
    expect(heldAnswer).toMatchObject({
      status: 200,
      body: { data: { claims: { totalCount: 0 } } },
    });
    expect(heldAnswer.body?.errors).toBeUndefined();
    expect(slowAnswer).toMatchObject({
      status: 200,
      body: { data: { claims: { totalCount: 0 } } },
    });
    expect(slowAnswer.body?.errors).toBeUndefined();
    expect(await closed).toBe(1001); // the subscriber was told the server is going away
    await expectCleanExit(target);
  });

  it('cuts a socket that never sent connection_init instead of waiting for it', async () => {
    // The forced exit (code 1) would come at 20 s; the socket's own init timeout at 60 s.
    server = await start(20_000, { WS_CONNECTION_INIT_TIMEOUT_MS: '60000' });
    const target = server;
    const socket = new WebSocket(
      `${target.url.replace('http', 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    await new Promise((done, fail) => {
      socket.once('open', done);
      socket.once('error', fail);
    });

    target.child.kill('SIGTERM');

    await closed;
    await expectCleanExit(target);
  });

  it('answers a request held in flight for longer than Apollo drains, with its pool still open', async () => {
    server = await start(APOLLO_DRAIN_CUT_MS + 15_000);
    const target = server;
    await hold('claims', 'ACCESS EXCLUSIVE');
    const held = gql(`{ claims(first: 5) { totalCount edges { node { id } } } }`);
    await until('the read waits for the lock', async () => (await waitingOnLock()) > 0);
    const signalled = Date.now();
    target.child.kill('SIGTERM');
    await until('new connections are refused', () => refuses(target.port));
    await sleep(APOLLO_DRAIN_CUT_MS + 1_000 - (Date.now() - signalled));
    await release();

    const heldAnswer = await held;
    expect(heldAnswer).toMatchObject({
      status: 200,
      body: { data: { claims: { totalCount: 0 } } },
    });
    expect(heldAnswer.body?.errors).toBeUndefined();
    await expectCleanExit(target);
  });

  it('keeps every write it acknowledged during a burst cut by SIGTERM', async () => {
    server = await start();
    const target = server;
    const workers = 6;
    const acknowledged: string[] = [];
    const unexpected: Answer[] = [];
    let stopping = false;
    const loops = Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; ; n += 1) {
        let reply: Answer;
        try {
          reply = await gql(`mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`, {
            // look-alike texts on purpose: allowDuplicate, or the duplicate check refuses them
            i: { text: `Claim ${w}-${n} written while the server stops.`, allowDuplicate: true },
          });
        } catch {
          if (stopping) return; // refused or reset: never received, never acknowledged
          throw new Error('a write failed before the shutdown began');
        }
        if (reply.status === 200 && reply.body?.data?.createClaim && !reply.body.errors) {
          acknowledged.push(reply.body.data.createClaim.id);
        } else if (stopping && reply.status === 503) {
          return; // Fastify refuses a request that arrives on a kept-alive socket while closing
        } else {
          unexpected.push(reply);
          return;
        }
      }
    });

    await until('the burst is under way', () => acknowledged.length >= 30);
    // Hold the next write of every worker in PostgreSQL (SHARE blocks inserts), then stop.
    await hold('claims', 'SHARE');
    await until('every worker waits on the lock', async () => (await waitingOnLock()) === workers);
    const before = acknowledged.length;
    stopping = true;
    target.child.kill('SIGTERM');
    await until('new connections are refused', () => refuses(target.port));
    await sleep(300);
    await release();
    await Promise.all(loops);

    expect(unexpected).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(before + workers); // the held ones answered
    await expectCleanExit(target);
    const rows = await db.query<{ id: string; events: number }>(
      `SELECT c.id, (SELECT count(*)::int FROM claim_events e
                      WHERE e.claim_id = c.id AND e.kind = 'CLAIM_CREATED') AS events
         FROM claims c WHERE c.id = ANY($1::uuid[])`,
      [acknowledged.map((id) => parseGlobalId(id)!.key)],
    );
    expect(rows).toHaveLength(acknowledged.length);
    expect(rows.filter((row) => row.events !== 1)).toEqual([]);
  });
});

function answer(status: number, text: string): Answer {
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertion shows the text
  }
  return { status, body, text };
}
