/**
 * Express vs Fastify under the real API, on a real query.
 *
 *   npm run build && node dist/bench/adapters/adapters.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL      a PostgreSQL server to use: the bench creates its own database there and
 *                     drops it afterwards (needs CREATEDB). Unset: an embedded PostgreSQL in a
 *                     temporary folder, removed afterwards.
 *   BENCH_DURATION_S  seconds of measured load per run (10)
 *   BENCH_WARMUP_S    seconds of unmeasured load before each run (3)
 *   BENCH_CONNECTIONS concurrent keep-alive connections (10)
 *   BENCH_ROUNDS      runs per adapter, alternating which goes first; the best run counts (3)
 *   LOG_LEVEL         the servers' log level (info, as in production; their output is discarded)
 *   NODE_ENV          the servers' NODE_ENV (production, as in the Docker image)
 *
 * Applies the migrations, seeds 500 actors (one in ten an organization, the others affiliated to
 * one), then boots the same AppModule behind each adapter in a child process listening on a free
 * loopback port, checks that both answer the query identically, and drives each with autocannon
 * from this process: bounded (fixed duration, 127.0.0.1 only). Prints requests/s and p50/p99
 * latency per adapter and the ratio fastify/express.
 */
import { fork, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { loadConfig } from '@claimtrace/core';
import { EmbeddedPostgres, migrate } from '@claimtrace/database';
import { AppModule, AppOptions } from '../../apps/api/src/app.module';
import { bodyLimitFor } from '../../apps/api/src/bootstrap/body-limit';
import { configureApp, createApp } from '../../apps/api/src/bootstrap/create-app';

type AdapterName = 'fastify' | 'express';

const QUERY = `query BenchActors {
  actors(first: 50) {
    totalCount
    edges { cursor node { id name kind aliases affiliation { name } } }
  }
}`;
const ACTORS = 500;

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DURATION_S = seconds('BENCH_DURATION_S', 10);
const WARMUP_S = seconds('BENCH_WARMUP_S', 3);
const CONNECTIONS = seconds('BENCH_CONNECTIONS', 10);
const ROUNDS = seconds('BENCH_ROUNDS', 3);

interface RunResult {
  adapter: AdapterName;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  /** the server process's CPU time (user + system) per request: steadier than req/s on a busy machine */
  cpuMsPerRequest: number;
}

// ---------------------------------------------------------------------------------------------
// The server side: a child process running one adapter.

/** The API behind Express: the AppModule and configuration of createApp, only the adapter differs. */
async function createExpressApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(options),
    new ExpressAdapter(),
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useBodyParser('json', { limit: bodyLimitFor(options.config.ARTICLE_MAX_CHARS) });
  return configureApp(app);
}

async function serve(adapter: AdapterName): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL as string;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'false',
    // the load is anonymous reads from one address: the limiter is not what is measured
    RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '1000000000',
  });
  const options = { config, databaseUrl };
  const app = adapter === 'fastify' ? await createApp(options) : await createExpressApp(options);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.send?.({ port });
  // The driver asks for the CPU time used so far, before and after a measured run.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  });
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------
// The driver: database, servers, load.

interface BenchDatabase {
  url: string;
  dispose(): Promise<void>;
}

async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A database of its own: on the DATABASE_URL server when set, else on an embedded PostgreSQL. */
async function openDatabase(): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `claimtrace_bench_${process.pid}`;
    await sql(given, `CREATE DATABASE "${name}"`);
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      dispose: () => sql(given, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-'));
  const embedded = await EmbeddedPostgres.start({
    dataDir: dir,
    database: 'claimtrace_bench',
    log: (line) => console.log(line),
  });
  return {
    url: embedded.url(),
    dispose: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 500 actors named "Actor 001".."Actor 500": every tenth an organization, the rest affiliated. */
async function seed(url: string): Promise<void> {
  await sql(
    url,
    `INSERT INTO actors (id, name, kind, aliases, affiliation_id, wikidata_id)
     SELECT md5('bench-actor-' || i)::uuid,
            'Actor ' || lpad(i::text, 3, '0'),
            CASE WHEN i % 10 = 0 THEN 'ORGANIZATION' ELSE 'PERSON' END::actor_kind,
            ARRAY['A' || i, 'Alias number ' || i],
            CASE WHEN i % 10 = 0 THEN NULL ELSE md5('bench-actor-' || ((i / 10) * 10 + 10))::uuid END,
            'Q' || (1000 + i)
     FROM generate_series(1, ${ACTORS}) AS i`,
  );
}

function startServer(
  adapter: AdapterName,
  databaseUrl: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(__filename, ['--serve', adapter], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // NODE_ENV=production as in the Docker image: graphql-js skips its development-only checks.
    env: {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      BENCH_DATABASE_URL: databaseUrl,
    },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`the ${adapter} server exited (${code})`)));
  });
}

function serverCpuMs(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message: { cpuMs: number }) => resolve(message.cpuMs));
    child.send('cpu');
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

async function queryOnce(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as {
    data?: { actors: { totalCount: number; edges: unknown[] } };
    errors?: unknown[];
  };
  if (!response.ok || body.errors || body.data?.actors.totalCount !== ACTORS) {
    throw new Error(
      `unexpected answer (${response.status}): ${JSON.stringify(body).slice(0, 500)}`,
    );
  }
  return JSON.stringify(body);
}

function load(url: string, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    connections: CONNECTIONS,
    pipelining: 1,
    duration: durationSeconds,
  });
}

/** Each adapter's answer to one query, which must be the same. */
const answers = new Map<AdapterName, string>();

async function measure(adapter: AdapterName, databaseUrl: string): Promise<RunResult> {
  const { child, port } = await startServer(adapter, databaseUrl);
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    answers.set(adapter, await queryOnce(url));
    if (WARMUP_S > 0) await load(url, WARMUP_S);
    const cpuBefore = await serverCpuMs(child);
    const result = await load(url, DURATION_S);
    const cpuMs = (await serverCpuMs(child)) - cpuBefore;
    return {
      adapter,
      requestsPerSecond: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      failures: result.errors + result.timeouts + result.non2xx,
      cpuMsPerRequest: cpuMs / result.requests.total,
    };
  } finally {
    await stopServer(child);
  }
}

function row(cells: (string | number)[]): string {
  return cells.map((cell, i) => String(cell).padStart(i === 0 ? 8 : 12)).join(' ');
}

async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    await migrate(database.url);
    await seed(database.url);
    console.log(
      `${ACTORS} actors; ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s ` +
        `per run, ${ROUNDS} round(s); node ${process.version}`,
    );
    const runs: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which adapter goes first, so that a slow patch of the machine hits both.
      const order: AdapterName[] = round % 2 ? ['express', 'fastify'] : ['fastify', 'express'];
      for (const adapter of order) {
        const run = await measure(adapter, database.url);
        runs.push(run);
        console.log(
          `round ${round + 1} ${adapter}: ${run.requestsPerSecond.toFixed(0)} req/s, ` +
            `p50 ${run.p50} ms, p99 ${run.p99} ms, server CPU ${run.cpuMsPerRequest.toFixed(2)} ms/request ` +
            `(${run.requests} requests, ${run.failures} failed)`,
        );
      }
    }
    if (answers.get('fastify') !== answers.get('express')) {
      throw new Error('fastify and express answered the query differently');
    }
    const best = (adapter: AdapterName) =>
      runs
        .filter((run) => run.adapter === adapter)
        .reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const fastify = best('fastify');
    const express = best('express');
    console.log('');
    console.log(row(['adapter', 'req/s', 'p50 (ms)', 'p99 (ms)', 'CPU ms/req', 'failed']));
    for (const run of [fastify, express]) {
      console.log(
        row([
          run.adapter,
          run.requestsPerSecond.toFixed(0),
          run.p50,
          run.p99,
          run.cpuMsPerRequest.toFixed(2),
          run.failures,
        ]),
      );
    }
    console.log(
      `fastify/express: ${(fastify.requestsPerSecond / express.requestsPerSecond).toFixed(2)}x ` +
        `req/s, p50 ${(fastify.p50 / express.p50).toFixed(2)}x, p99 ${(fastify.p99 / express.p99).toFixed(2)}x, ` +
        `CPU/request ${(fastify.cpuMsPerRequest / express.cpuMsPerRequest).toFixed(2)}x`,
    );
    if (runs.some((run) => run.failures > 0)) process.exitCode = 1;
  } finally {
    await database.dispose();
  }
}

const failed = (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
};
if (process.argv[2] === '--serve') {
  serve(process.argv[3] as AdapterName).catch(failed);
} else {
  main().catch(failed);
}
