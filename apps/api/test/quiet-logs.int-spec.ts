import { connect, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@claimtrace/core';
import { Database } from '@claimtrace/database';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { createRootLogger } from '../src/bootstrap/logging/root-logger';

// A client that goes away — a keep-alive connection the server cuts when idle, a download
// abandoned half-way, a body cut short — is no server error: at most one log line per connection
// (the request's own, with its id), and never a stack trace. The logs are read from pino's
// destination, at the most verbose level.

jest.setTimeout(120_000);

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  req?: { id: string; url?: string };
  err?: { stack?: string };
}

describe('logs of connections the client or the keep-alive cut', () => {
  let app: NestFastifyApplication;
  let port: number;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApp({
      config: loadConfig({
        LOG_LEVEL: 'trace',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '200',
        DB_STATEMENT_TIMEOUT_MS: '0',
      }),
      databaseUrl: await createTestDatabase(),
      logger: createRootLogger({ LOG_LEVEL: 'trace', LOG_FORMAT: 'json' }, false, destination),
    });
    await app.init();
    // enough claims that their export is still streaming when the client leaves
    await app.get(Database).query(
      `INSERT INTO claims (text, first_seen_at)
       SELECT 'Claim number ' || g || repeat(' and some words', 20), now()
         FROM generate_series(1, 30000) g`,
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => app.close());

  /**
   * Opens a connection and sends `request`; `act` may cut it as bytes arrive, or it is reset
   * after `resetAfterMs`. Resolves when it is closed.
   */
  const session = (
    request: string,
    act: (socket: Socket, received: number) => void,
    resetAfterMs?: number,
  ) =>
    new Promise<void>((closed) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(request);
        if (resetAfterMs !== undefined) setTimeout(() => socket.resetAndDestroy(), resetAfterMs);
      });
      let received = 0;
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => act(socket, (received += chunk.length)));
      socket.on('close', () => closed());
    });

  /** The log lines written while `work` ran, once the server has finished with its requests. */
  const logsOf = async (work: () => Promise<unknown>): Promise<LogLine[]> => {
    const from = lines.length;
    await work();
    await app.get(Database).query('SELECT 1'); // a round trip: the server has moved on
    await new Promise((done) => setTimeout(done, 300));
    return lines.slice(from);
  };

  const expectQuiet = (logged: LogLine[], connections: number) => {
    expect(logged.length).toBeLessThanOrEqual(connections);
    expect(logged.filter((line) => JSON.stringify(line).includes('stack'))).toEqual([]);
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    for (const line of logged) expect(line.req?.id).toEqual(expect.any(String));
  };

  it('a keep-alive connection cut when idle: the request line only', async () => {
    const logged = await logsOf(() =>
      Promise.all(
        Array.from({ length: 5 }, () =>
          session('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n', () => undefined),
        ),
      ),
    );
    expectQuiet(logged, 5);
  });

  it('an export abandoned mid-stream: one line each, however it is cut', async () => {
    const exports = ['/exports/graph?format=graphml', '/exports/graph?format=csv&table=nodes'];
    const logged = await logsOf(() =>
      Promise.all(
        exports.flatMap((path) => [
          // reset after the first bytes
          session(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`, (socket) => socket.resetAndDestroy()),
          // closed half-way
          session(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`, (socket, received) => {
            if (received > 200_000) socket.destroy();
          }),
          // stops reading, then resets
          session(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`, (socket) => {
            socket.pause();
            setTimeout(() => socket.resetAndDestroy(), 300);
          }),
        ]),
      ),
    );
    expect(logged.some((line) => line.msg === 'request aborted')).toBe(true);
    expectQuiet(logged, 6);
  });

  it('a request body cut short: one line', async () => {
    const partial =
      'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"query":';
    const logged = await logsOf(() =>
      Promise.all([
        session(partial, () => undefined, 100),
        new Promise<void>((closed) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(partial);
            setTimeout(() => socket.destroy(), 1500); // closed, not reset
          });
          socket.on('error', () => undefined);
          socket.on('close', () => closed());
        }),
      ]),
    );
    expectQuiet(logged, 2);
  });

  it('a GraphQL request: its line and its error line carry its id (no request-scoped storage)', async () => {
    const ask = (id: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ claims(first: 1) { totalCount } }' }),
      }).then((response) => response.json());
    const ok = await logsOf(() => ask('log-id-ok'));
    expect(ok.filter((line) => line.req?.id === 'log-id-ok')).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({ url: '/graphql' }),
      }),
    ]);
    const db = app.get(Database);
    await db.query('ALTER TABLE claims RENAME TO claims_hidden');
    let failed: LogLine[];
    try {
      failed = await logsOf(() => ask('log-id-crash'));
    } finally {
      await db.query('ALTER TABLE claims_hidden RENAME TO claims');
    }
    const errors = failed.filter((line) => line.level >= 50);
    expect(errors).toEqual([
      expect.objectContaining({
        context: 'GraphQL',
        req: { id: 'log-id-crash' },
        msg: expect.stringMatching(/^request log-id-crash: /),
      }),
    ]);
    expect(failed.filter((line) => line.req?.id === 'log-id-crash')).toHaveLength(2);
  });
});
