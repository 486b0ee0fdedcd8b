/**
 * Issue 3: a fact-checker's claims page against the real API, compared with Apollo serving the same
 * answer from memory in the same process framework, in the same run.
 *
 *   npm run build && node dist/bench/claims-page/claims-page.bench.js      (npm run bench:claims)
 *
 * Environment (all optional):
 *   DATABASE_URL      a PostgreSQL server: the bench creates a database claimtrace_bench_<random>
 *                     there and drops it at the end (needs CREATEDB). Unset: an embedded PostgreSQL
 *                     in a temporary folder, removed at the end.
 *   BENCH_SECONDS     seconds of measured load per run (10)
 *   BENCH_WARMUP      seconds of unmeasured load before each run (3)
 *   BENCH_CONNECTIONS concurrent keep-alive connections, one request in flight on each (16)
 *   BENCH_ROUNDS      rounds; each runs every (variant, server) pair, alternating servers; the
 *                     best run of each pair counts (2)
 *   BENCH_PAGES       distinct pages of the "pages" variant (50)
 *   BENCH_PROFILE     1: CPU-profile both servers during every measured run (in-process inspector)
 *                     and print where the time goes; also time every SQL statement of the real
 *                     server. Slows both servers down: do not compare those req/s with a plain run.
 *
 * What it does: applies the migrations to a fresh database and fills it with the generated data set
 * of ./generate.ts (10,000 claims, 50,000 attributions, 2,000 articles, 500 actors). It then starts
 * two servers, each in a child process listening on a free loopback port:
 *   - real:   the API itself (createApp, LOG_LEVEL=warn, NODE_ENV=production as in the image);
 *   - memory: ./memory-app.ts, NestJS + Fastify + @nestjs/graphql/ApolloDriver, code-first, whose
 *             resolver returns the real API's answers captured beforehand (same bytes; checked).
 * The query is a page of 20 claims with their attributions, actors, passages, articles and relay
 * chains (QUERY below). Two variants: "same" sends that query every time; "pages" cycles through
 * BENCH_PAGES consecutive pages (the `after` cursors captured beforehand), so the real server reads
 * 1,000 different claims instead of one warm page. The load comes from autocannon in this (parent)
 * process, so the client never shares an event loop with a server; the servers get the same load
 * one after the other. Prints requests/s, p50/p99 latency, response bytes, the server process's CPU
 * per request, PostgreSQL's backend CPU per request (when the server runs on this machine), the
 * ratio real/memory, and the SQL statements that one real query sends.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { EmbeddedPostgres, migrate } from '@claimtrace/database';
import type { ServerName, Variant } from './bench-messages';
import { ask, type Server, startServer, stopServer } from './bench-processes';
import { generate } from './generate';
import { CpuProfile, formatSummary, summarise } from './profile-summary';

const SELECTION = `totalCount
    edges {
      cursor
      node {
        id text status tags
        stanceSummary { counts { stance count } distinctActors }
        attributions(first: 10) {
          totalCount
          edges {
            node {
              id stance statedAt
              actor { id name kind }
              passage { id start end exact article { id title url } }
              chain { id stance actor { name } }
            }
          }
        }
      }
    }`;
/** The claims page of the issue, exactly. */
const QUERY = `{ claims(first: 20) { ${SELECTION} } }`;
/** The same page shape at a cursor. */
const PAGED_QUERY = `query ClaimsPage($after: String) { claims(first: 20, after: $after) { ${SELECTION} } }`;

const setting = (name: string, fallback: number) => Number(process.env[name] || fallback);
const SECONDS = setting('BENCH_SECONDS', 10);
const WARMUP = setting('BENCH_WARMUP', 3);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 16);
const ROUNDS = setting('BENCH_ROUNDS', 2);
const PAGES = setting('BENCH_PAGES', 50);
const PROFILE = process.env.BENCH_PROFILE === '1';

// =============================================================================================
// The driver: database, data, servers, load.

interface BenchDatabase {
  url: string;
  label: string;
  dispose(): Promise<void>;
}

async function sql<R extends object = object>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh database: on the DATABASE_URL server when set, else on an embedded PostgreSQL. */
async function openDatabase(): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `claimtrace_bench_${randomBytes(4).toString('hex')}`;
    await sql(given, `CREATE DATABASE "${name}"`);
    const url = new URL(given);
    url.pathname = `/${name}`;
    const [{ server_version: version }] = await sql<{ server_version: string }>(
      url.toString(),
      'SHOW server_version',
    );
    return {
      url: url.toString(),
      label: `PostgreSQL ${version} at ${url.host} (DATABASE_URL), database ${name}`,
      dispose: () =>
        sql(given, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-'));
  const embedded = await EmbeddedPostgres.start({ dataDir: dir, database: 'claimtrace_bench' });
  const [{ server_version: version }] = await sql<{ server_version: string }>(
    embedded.url(),
    'SHOW server_version',
  );
  return {
    url: embedded.url(),
    label: `embedded PostgreSQL ${version} on 127.0.0.1:${embedded.port}`,
    dispose: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One request body per request of a variant. */
function bodies(variant: Variant, cursors: (string | null)[]): string[] {
  return variant === 'same'
    ? [JSON.stringify({ query: QUERY })]
    : cursors.map((after) => JSON.stringify({ query: PAGED_QUERY, variables: { after } }));
}

interface ClaimsAnswer {
  data?: { claims: { totalCount: number; edges: { cursor: string }[] } };
  errors?: unknown[];
}

async function post(url: string, body: string): Promise<{ text: string; json: ClaimsAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as ClaimsAnswer;
  if (!response.ok || json.errors || !json.data?.claims.edges.length) {
    throw new Error(`unexpected answer (${response.status}): ${text.slice(0, 500)}`);
  }
  return { text, json };
}

/** CPU time (ms) of the PostgreSQL backends serving `database`, when they run on this machine. */
async function postgresCpuMs(adminUrl: string): Promise<Map<number, number> | null> {
  const rows = await sql<{ pid: number }>(
    adminUrl,
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const ticks = 100; // USER_HZ on Linux
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
    } catch {
      return null; // not on this machine (or no /proc)
    }
  }
  return cpu;
}

interface Run {
  server: ServerName;
  variant: Variant;
  round: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  profile?: string[];
  sqlMsPerRequest?: number;
}

function load(url: string, requestBodies: string[], seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: requestBodies.map((body) => ({ method: 'POST', body })),
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
  });
}

async function measure(
  server: Server,
  variant: Variant,
  round: number,
  requestBodies: string[],
  databaseUrl: string,
  profileDir: string,
): Promise<Run> {
  if (WARMUP > 0) await load(server.url, requestBodies, WARMUP);
  const pgBefore = server.name === 'real' ? await postgresCpuMs(databaseUrl) : null;
  const cpuBefore = (await ask(server, { type: 'cpu' }, 'cpu')).ms;
  if (PROFILE) {
    server.child.send({ type: 'profile-start' });
    if (server.name === 'real') server.child.send({ type: 'sql-start' });
  }
  const result = await load(server.url, requestBodies, SECONDS);
  const cpuMs = (await ask(server, { type: 'cpu' }, 'cpu')).ms - cpuBefore;
  await settle(server);
  const requests = result.requests.total;
  const run: Run = {
    server: server.name,
    variant,
    round,
    requestsPerSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.errors + result.timeouts + result.non2xx,
    serverCpuMsPerRequest: cpuMs / requests,
    postgresCpuMsPerRequest: null,
  };
  if (pgBefore) {
    const pgAfter = await postgresCpuMs(databaseUrl);
    if (pgAfter) {
      let ms = 0;
      for (const [pid, after] of pgAfter) ms += after - (pgBefore.get(pid) ?? 0);
      run.postgresCpuMsPerRequest = ms / requests;
    }
  }
  if (PROFILE) {
    if (server.name === 'real') {
      const recorded = await ask(server, { type: 'sql-stop' }, 'sql');
      run.sqlMsPerRequest = recorded.ms.reduce((a, b) => a + b, 0) / requests;
    }
    const file = join(profileDir, `${server.name}-${variant}-${round}.cpuprofile`);
    await ask(server, { type: 'profile-stop', file }, 'profile');
    run.profile = formatSummary(
      summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile),
      requests,
    );
  }
  return run;
}

/**
 * Waits until the server has finished the requests still in flight when autocannon stopped (it
 * does not wait for them): less than 5% of a CPU used over 250 ms, or 20 s.
 */
async function settle(server: Server): Promise<void> {
  const deadline = Date.now() + 20_000;
  let before = (await ask(server, { type: 'cpu' }, 'cpu')).ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = (await ask(server, { type: 'cpu' }, 'cpu')).ms;
    if (now - before < 12.5) return;
    before = now;
  }
}

const cell = (value: string | number, width = 10) => String(value).padStart(width);

async function main(): Promise<void> {
  const started = Date.now();
  const database = await openDatabase();
  const workDir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-claims-'));
  // profiles are kept for a closer look (e.g. in Chrome DevTools)
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'claimtrace-bench-profiles-')) : workDir;
  const servers: Server[] = [];
  try {
    await migrate(database.url);
    const data = await generate(database.url);
    console.log(
      `data: ${data.claims} claims, ${data.attributions} attributions (${data.relayed} relayed, ` +
        `${data.chainsOfThree} with 3-hop chains), ${data.passages} passages, ${data.articles} articles ` +
        `(${(data.articleBytes / 1e6).toFixed(1)} MB of text), ${data.actors} actors; generated in ` +
        `${(data.milliseconds / 1000).toFixed(1)} s`,
    );
    console.log(`database: ${database.label}`);

    // --- the real server: capture its answers and count its SQL --------------------------------
    const real = await startServer('real', { BENCH_DATABASE_URL: database.url });
    servers.push(real);
    const first = await post(real.url, JSON.stringify({ query: QUERY }));
    if (first.json.data!.claims.totalCount !== data.claims) {
      throw new Error(`expected ${data.claims} claims, got ${first.json.data!.claims.totalCount}`);
    }
    const cursors: (string | null)[] = [];
    const captured: Record<string, unknown> = {};
    const pageTexts: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < PAGES; page++) {
      cursors.push(after);
      const answer = await post(real.url, bodies('pages', [after])[0]);
      captured[after ?? ''] = answer.json.data!.claims;
      pageTexts.push(answer.text);
      const edges = answer.json.data!.claims.edges;
      after = edges[edges.length - 1].cursor;
    }
    if (pageTexts[0] !== first.text) throw new Error('the first page differs between variants');
    const capturedFile = join(workDir, 'captured.json');
    writeFileSync(capturedFile, JSON.stringify(captured));

    real.child.send({ type: 'sql-start' });
    await post(real.url, JSON.stringify({ query: QUERY }));
    const firstSql = (await ask(real, { type: 'sql-stop' }, 'sql')).statements;
    real.child.send({ type: 'sql-start' });
    await post(real.url, bodies('pages', [cursors[1]])[0]);
    const pagedSql = (await ask(real, { type: 'sql-stop' }, 'sql')).statements;

    // --- the memory server: same answers, byte for byte ------------------------------------------
    const memory = await startServer('memory', { BENCH_CAPTURED: capturedFile });
    servers.push(memory);
    if ((await post(memory.url, JSON.stringify({ query: QUERY }))).text !== first.text) {
      throw new Error('the memory server answers the first page differently');
    }
    for (let page = 0; page < PAGES; page++) {
      const answer = await post(memory.url, bodies('pages', [cursors[page]])[0]);
      if (answer.text !== pageTexts[page]) {
        throw new Error(`the memory server answers page ${page + 1} differently`);
      }
    }
    const pageBytes = pageTexts.map((text) => Buffer.byteLength(text));
    const meanPageBytes = pageBytes.reduce((a, b) => a + b, 0) / pageBytes.length;

    console.log(
      `load: autocannon, ${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s ` +
        `measured per run, ${ROUNDS} round(s), best run counts; node ${process.version}` +
        (PROFILE ? '; PROFILING (numbers slowed down)' : ''),
    );

    // --- load ------------------------------------------------------------------------------------
    const runs: Run[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const variant of ['same', 'pages'] as const) {
        const order = round % 2 === 1 ? [real, memory] : [memory, real];
        for (const server of order) {
          const run = await measure(
            server,
            variant,
            round,
            bodies(variant, cursors),
            database.url,
            profileDir,
          );
          runs.push(run);
          console.log(
            `round ${round} ${variant.padEnd(5)} ${server.name.padEnd(6)}: ` +
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

    // --- report ----------------------------------------------------------------------------------
    const best = (server: ServerName, variant: Variant) =>
      runs
        .filter((run) => run.server === server && run.variant === variant)
        .reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    console.log('');
    console.log(
      [
        'variant'.padEnd(7),
        'server'.padEnd(6),
        cell('req/s'),
        cell('p50 ms'),
        cell('p99 ms'),
        cell('bytes/resp'),
        cell('node ms/req', 12),
        cell('pg ms/req'),
        cell('failed', 7),
      ].join(' '),
    );
    for (const variant of ['same', 'pages'] as const) {
      for (const server of ['real', 'memory'] as const) {
        const run = best(server, variant);
        console.log(
          [
            variant.padEnd(7),
            server.padEnd(6),
            cell(run.requestsPerSecond.toFixed(0)),
            cell(run.p50),
            cell(run.p99),
            cell(variant === 'same' ? pageBytes[0] : meanPageBytes.toFixed(0)),
            cell(run.serverCpuMsPerRequest.toFixed(2), 12),
            cell(run.postgresCpuMsPerRequest?.toFixed(2) ?? '-'),
            cell(run.failures, 7),
          ].join(' '),
        );
      }
    }
    for (const variant of ['same', 'pages'] as const) {
      const ratio =
        best('real', variant).requestsPerSecond / best('memory', variant).requestsPerSecond;
      console.log(
        `ratio real/memory (${variant}): ${ratio.toFixed(2)}${ratio >= 0.5 ? '' : '  (below the 0.5 aim)'}`,
      );
    }
    console.log(
      `SQL statements per real query: ${firstSql.length} (first page), ${pagedSql.length} (a later page):`,
    );
    for (const statement of firstSql) {
      console.log(`  - ${statement.replace(/\s+/g, ' ').trim().slice(0, 110)}`);
    }
    if (PROFILE) console.log(`CPU profiles in ${profileDir}`);
    console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (runs.some((run) => run.failures > 0)) process.exitCode = 1;
  } finally {
    for (const server of servers) await stopServer(server);
    await database.dispose();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const failed = (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
};
main().catch(failed);
