import { createServer, Server } from 'node:net';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@claimtrace/core';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { UNREACHABLE_DATABASE } from '../src/schema/print-schema';
import { startTestApp, TestApp } from './test-app';

// Liveness and readiness as a load balancer sees them.

/** A stand-in Redis that answers PONG to whatever it is sent (ioredis sends PING). */
async function fakeRedis(): Promise<Server> {
  // One answer per command: a client may pipeline several (CLIENT SETINFO …, PING) in one packet.
  const server = createServer((socket) =>
    socket.on('data', (chunk) => {
      const commands = String(chunk).match(/(^|\r\n)\*\d+\r\n/g)?.length ?? 1;
      socket.write('+PONG\r\n'.repeat(commands));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const get = async (t: { app: TestApp['app'] }, url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('health', () => {
  it('is live and ready with the database reachable and every migration applied', async () => {
    const t = await startTestApp();
    try {
      expect(await get(t, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get(t, '/health/ready')).toEqual({
        status: 200,
        body: { status: 'ok', database: 'ok', migrations: 'ok', redis: 'not configured' },
      });

      const [{ name }] = await t.db.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
      );
      await t.db.query(
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`,
        [name],
      );
      const pending = await get(t, '/health/ready');
      expect(pending.status).toBe(503);
      expect(pending.body).toMatchObject({ database: 'ok', migrations: `pending: ${name}` });
      expect((await get(t, '/health/live')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('is live but not ready when the database is unreachable', async () => {
    const app = await createApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      databaseUrl: UNREACHABLE_DATABASE,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      expect((await get({ app }, '/health/live')).status).toBe(200);
      const ready = await get({ app }, '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await app.close();
    }
  });

  it('is not ready while the embedded PostgreSQL is being restarted, and says why', async () => {
    let problem: string | null = null;
    const app = await createApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      databaseUrl: await createTestDatabase(),
      databaseServer: { problem: () => problem },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      expect((await get({ app }, '/health/ready')).status).toBe(200);
      problem = 'the embedded PostgreSQL (pid 42) was killed by SIGKILL; restart attempt 1 of 5';
      expect(await get({ app }, '/health/ready')).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          database: `unavailable: ${problem}`,
          migrations: 'unknown (database unreachable)',
          redis: 'not configured',
        },
      });
      expect((await get({ app }, '/health/live')).status).toBe(200);
      problem = null;
      expect((await get({ app }, '/health/ready')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('checks Redis when REDIS_URL is set', async () => {
    const redis = await fakeRedis();
    const up = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${(redis.address() as AddressInfo).port}`,
    });
    const down = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    try {
      expect(await get(up, '/health/ready')).toMatchObject({ status: 200, body: { redis: 'ok' } });
      expect(await get(down, '/health/ready')).toMatchObject({
        status: 503,
        body: { database: 'ok', redis: 'unreachable' },
      });
    } finally {
      await Promise.all([up.close(), down.close()]);
      await new Promise((resolve) => redis.close(resolve));
    }
  });
});
