/**
 * Issues 3 and 19: a fact-checker's claims page against the real API, compared with Apollo serving
 * the same answer from memory in the same process framework, in the same run, over several query
 * shapes and data sets (./shapes.ts).
 *
 *   npm run build && node dist/bench/claims-page/claims-page.bench.js      (npm run bench:claims)
 *
 * Environment (all optional):
 *   DATABASE_URL      a PostgreSQL server: the bench creates a database claimtrace_bench_<random>
 *                     there per data set and drops it at the end (needs CREATEDB). Unset: an
 *                     embedded PostgreSQL in a temporary folder, removed at the end.
 *   BENCH_SHAPES      the shapes, comma-separated, or `all` (page): page, relays, every-field,
 *                     long-articles, wide, tag, actor-stance, status
 *   BENCH_SCALE       multiplies the default data set (10,000 claims, 50,000 attributions) (1)
 *   BENCH_VARIANTS    same,pages (both)
 *   BENCH_SECONDS     seconds of measured load per run (10)
 *   BENCH_WARMUP      seconds of unmeasured load before each run (3)
 *   BENCH_CONNECTIONS concurrent keep-alive connections, one request in flight on each (16)
 *   BENCH_ROUNDS      rounds; each runs every (variant, server) pair, alternating servers; the
 *                     best run of each pair counts (2)
 *   BENCH_PAGES       distinct pages of the "pages" variant, at most (50)
 *   BENCH_PROFILE     1: CPU-profile both servers during every measured run (in-process inspector)
 *                     and print where the time goes; also time every SQL statement of the real
 *                     server. Slows both servers down: do not compare those req/s with a plain run.
 *
 * What it does, per data set: applies the migrations to a fresh database and fills it with the
 * generated data (./generate.ts). It then starts two servers, each in a child process listening on
 * a free loopback port:
 *   - real:   the API itself (createApp, LOG_LEVEL=warn, NODE_ENV=production as in the image);
 *   - memory: ./memory-app.ts, NestJS + Fastify + @nestjs/graphql/ApolloDriver over the API's own
 *             schema, whose `claims` resolver returns the real API's answers captured beforehand
 *             (same bytes; checked).
 * Two variants per shape: "same" sends the first page every time; "pages" cycles through the
 * shape's consecutive pages (the `after` cursors captured beforehand), so the real server reads
 * different claims instead of one warm page. The load comes from autocannon in this (parent)
 * process; the servers get the same load one after the other. Prints requests/s, p50/p99 latency,
 * response bytes, the server process's CPU per request, PostgreSQL's backend CPU per request (when
 * the server runs on this machine), the ratio real/memory, and the SQL statements of one page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@claimtrace/database';
import type { Variant } from './bench-messages';
import { openDatabase, sql } from './bench-database';
import { ask, type Server, startServer, stopServer } from './bench-processes';
import { generate } from './generate';
import {
  closeDataSet,
  measure,
  PAGES,
  PROFILE,
  ROUNDS,
  type Run,
  runMain,
  CONNECTIONS,
  SECONDS,
  WARMUP,
} from './load';
import { capturePages, type Captured } from './pages';
import { chosenShapes, type Shape } from './shapes';

const VARIANTS = (process.env.BENCH_VARIANTS || 'same,pages').split(',') as Variant[];

const cell = (value: string | number, width = 10) => String(value).padStart(width);

/** The measured runs of one shape, both servers, every variant and round. */
async function loadShape(
  shape: Shape,
  captured: Captured,
  real: Server,
  memory: Server,
  databaseUrl: string,
  profileDir: string,
): Promise<Run[]> {
  const runs: Run[] = [];
  const variants = VARIANTS.filter((v) => v === 'same' || captured.bodies.length > 1);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const variant of variants) {
      const order = round % 2 === 1 ? [real, memory] : [memory, real];
      const requestBodies = variant === 'same' ? [captured.bodies[0]] : captured.bodies;
      for (const server of order) {
        const run = await measure(server, variant, round, requestBodies, databaseUrl, profileDir);
        runs.push(run);
        console.log(
          `${shape.name} round ${round} ${variant.padEnd(5)} ${server.name.padEnd(6)}: ` +
            `${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
            `server CPU ${run.serverCpuMsPerRequest.toFixed(2)} ms/req` +
            (run.postgresCpuMsPerRequest === null
              ? ''
              : `, PostgreSQL CPU ${run.postgresCpuMsPerRequest.toFixed(2)} ms/req`) +
            (run.sqlMsPerRequest === undefined
              ? ''
              : `, SQL wall time ${run.sqlMsPerRequest.toFixed(2)} ms/req (summed over statements)`) +
            ` (${run.requests} requests, ${run.failures} failed)`,
        );
        for (const line of run.profile ?? []) console.log(line);
      }
    }
  }
  return runs;
}

/** The best run (by requests per second) of a server and variant. */
function best(runs: Run[], server: string, variant: Variant): Run | undefined {
  return runs
    .filter((run) => run.server === server && run.variant === variant)
    .reduce<Run | undefined>(
      (a, b) => (!a || b.requestsPerSecond > a.requestsPerSecond ? b : a),
      undefined,
    );
}

function report(shape: Shape, runs: Run[], captured: Captured): string[] {
  const lines: string[] = [];
  for (const variant of VARIANTS) {
    const realRun = best(runs, 'real', variant);
    const memoryRun = best(runs, 'memory', variant);
    if (!realRun || !memoryRun) continue;
    for (const run of [realRun, memoryRun]) {
      lines.push(
        [
          shape.name.padEnd(13),
          variant.padEnd(5),
          run.server.padEnd(6),
          cell(run.requestsPerSecond.toFixed(0), 7),
          cell(run.p50, 7),
          cell(run.p99, 7),
          cell(variant === 'same' ? captured.bytes[0] : captured.meanBytes.toFixed(0)),
          cell(run.serverCpuMsPerRequest.toFixed(2), 9),
          cell(run.postgresCpuMsPerRequest?.toFixed(2) ?? '-', 7),
          cell(run.failures, 6),
          run === realRun
            ? cell((realRun.requestsPerSecond / memoryRun.requestsPerSecond).toFixed(2), 7)
            : '',
        ].join(' '),
      );
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const started = Date.now();
  const shapes = chosenShapes();
  const workDir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-claims-'));
  // profiles are kept for a closer look (e.g. in Chrome DevTools)
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'claimtrace-bench-profiles-')) : workDir;
  const table: string[] = [];
  let failed = false;
  console.log(
    `load: autocannon, ${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s ` +
      `measured per run, ${ROUNDS} round(s), best run counts; node ${process.version}` +
      (PROFILE ? '; PROFILING (numbers slowed down)' : ''),
  );
  try {
    const byData = new Map<string, Shape[]>();
    for (const shape of shapes) {
      const key = JSON.stringify(shape.data);
      byData.set(key, [...(byData.get(key) ?? []), shape]);
    }
    for (const group of byData.values()) {
      const database = await openDatabase();
      const servers: Server[] = [];
      try {
        await migrate(database.url);
        const data = await generate(database.url, group[0].data);
        console.log(
          `\ndata: ${data.claims} claims, ${data.attributions} attributions (${data.relayed} relayed, ` +
            `${data.chainsOfThree} with 3-hop chains), ${data.passages} passages, ${data.articles} articles ` +
            `(${(data.articleBytes / 1e6).toFixed(1)} MB of text, ${data.articleAuthors} authors), ` +
            `${data.actors} actors; generated in ${(data.milliseconds / 1000).toFixed(1)} s`,
        );
        console.log(`database: ${database.label}`);
        const real = await startServer('real', { BENCH_DATABASE_URL: database.url });
        servers.push(real);
        for (const shape of group) {
          console.log(`\nshape ${shape.name}: ${shape.about}`);
          const variables = shape.variables
            ? await shape.variables((text) => sql(database.url, text))
            : {};
          const captured = await capturePages(real.url, shape.query, variables, PAGES);
          const capturedFile = join(workDir, `${shape.name}.json`);
          writeFileSync(capturedFile, JSON.stringify(captured.answers));

          real.child.send({ type: 'sql-start' });
          await fetch(real.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: captured.bodies[0],
          }).then((response) => response.text());
          const statements = (await ask(real, { type: 'sql-stop' }, 'sql')).statements;
          console.log(
            `${captured.bodies.length} page(s), ${captured.bytes[0]} bytes on the first; ` +
              `SQL statements per page: ${statements.length}`,
          );
          for (const statement of statements) {
            console.log(`  - ${statement.replace(/\s+/g, ' ').trim().slice(0, 110)}`);
          }

          const memory = await startServer('memory', { BENCH_CAPTURED: capturedFile });
          try {
            await captured.check(memory.url);
            const shapeProfiles = join(profileDir, shape.name);
            mkdirSync(shapeProfiles, { recursive: true });
            const runs = await loadShape(
              shape,
              captured,
              real,
              memory,
              database.url,
              shapeProfiles,
            );
            if (runs.some((run) => run.failures > 0)) failed = true;
            table.push(...report(shape, runs, captured));
          } finally {
            await stopServer(memory);
          }
        }
      } finally {
        await closeDataSet(servers, database);
      }
    }
    console.log('');
    console.log(
      [
        'shape'.padEnd(13),
        'vari.'.padEnd(5),
        'server'.padEnd(6),
        cell('req/s', 7),
        cell('p50 ms', 7),
        cell('p99 ms', 7),
        cell('bytes/resp'),
        cell('node ms', 9),
        cell('pg ms', 7),
        cell('failed', 6),
        cell('ratio', 7),
      ].join(' '),
    );
    for (const line of table) console.log(line);
    console.log('ratio: real req/s ÷ memory req/s (the aim: ≥ 0.6 on every shape)');
    if (PROFILE) console.log(`CPU profiles in ${profileDir}`);
    console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

runMain(main);
