import { connect, Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import WebSocket from 'ws';
import { TokensService } from '@claimtrace/auth';
import { loadConfig } from '@claimtrace/core';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { createRootLogger } from '../src/bootstrap/logging/root-logger';
import { listen, wsClient } from './live-client';
import { holdTableLock, TableLock, until } from './support/table-lock';

// `app.close()` under load, in process: a burst of slow reads over HTTP and over graphql-ws (held
// in PostgreSQL by a table lock) is in flight when the app closes. Every one of them answers in
// full, the pool closes only after the last (no "Cannot use a pool after calling end on the pool"),
// and connections that never sent a request do not hold the close up.

const HTTP_READS = 8;
const WS_READS = 6;
const READ = `{ claims(first: 5) { totalCount edges { node { text } } } }`;

interface Answer {
  data?: { claims?: { totalCount: number; edges: { node: { text: string } }[] } } | null;
  errors?: unknown[];
}

describe('closing the app with requests in flight', () => {
  let app: NestFastifyApplication;
  let databaseUrl: string;
  let lock: TableLock | null = null;
  const log: string[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const config = loadConfig({
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
      DB_POOL_SIZE: String(HTTP_READS + WS_READS + 2),
      WS_CONNECTION_INIT_TIMEOUT_MS: '60000',
    });
    const lines = new PassThrough();
    lines.on('data', (chunk) => log.push(String(chunk)));
    app = await createApp({
      config,
      databaseUrl,
      logger: createRootLogger(config, false, lines),
    });
    await app.init();
  });

  afterEach(async () => {
    await lock?.release();
  });

  it('answers every read in full, then closes the pool, without waiting for idle connections', async () => {
    const url = await listen(app);
    const httpUrl = url.replace('ws://', 'http://');
    const admin = await app.get(TokensService).create({ name: 'shutdown-admin', role: 'ADMIN' });
    const write = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({
        query: `mutation { createClaim(input: { text: "Written before the shutdown." }) { id } }`,
      }),
    });
    expect(write.status).toBe(200);

    // Connections that never send a request: a TCP socket, and a WebSocket with no connection_init.
    const port = Number(new URL(httpUrl).port);
    const idle = await new Promise<Socket>((done, fail) => {
      const socket = connect(port, '127.0.0.1', () => done(socket));
      socket.once('error', fail);
    });
    const idleClosed = new Promise<void>((done) => idle.once('close', () => done()));
    const silent = new WebSocket(url, 'graphql-transport-ws');
    const silentClosed = new Promise<void>((done) => silent.once('close', () => done()));
    await new Promise((done, fail) => {
      silent.once('open', done);
      silent.once('error', fail);
    });

    lock = await holdTableLock(databaseUrl, 'claims', 'ACCESS EXCLUSIVE');
    const overHttp = Array.from({ length: HTTP_READS }, async () => {
      const response = await fetch(httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: READ }),
      });
      return { status: response.status, body: (await response.json()) as Answer };
    });
    const client = wsClient(url, { lazy: false });
    const overWs = Array.from(
      { length: WS_READS },
      () =>
        new Promise<Answer>((done, fail) => {
          let answer: Answer = {};
          client.subscribe<Answer['data']>(
            { query: READ },
            {
              next: (result) => (answer = result as Answer),
              error: fail,
              complete: () => done(answer),
            },
          );
        }),
    );
    const held = HTTP_READS + WS_READS;
    await until(
      `all ${held} reads wait for the lock`,
      async () => (await lock!.waiting()) === held,
      5000,
    );

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((done) => setTimeout(done, 300));
    expect(closed).toBe(false); // the reads are still in flight: the app waits for them
    await lock.release();
    await closing;

    const expected = {
      claims: { totalCount: 1, edges: [{ node: { text: 'Written before the shutdown.' } }] },
    };
    expect(await Promise.all(overHttp)).toEqual(
      Array.from({ length: HTTP_READS }, () => ({ status: 200, body: { data: expected } })),
    );
    expect(await Promise.all(overWs)).toEqual(
      Array.from({ length: WS_READS }, () => ({ data: expected })),
    );
    await Promise.all([idleClosed, silentClosed]);
    await client.dispose();
    expect(log.join('')).not.toMatch(/Cannot use a pool|pool after calling end/);
  });
});
