/**
 * Issue 5: research tools at scale — graph exports against COPY, search latency, bulk import
 * against COPY FROM, all in the same run on the same database.
 *
 *   npm run bench:research        (npm run build && node dist/bench/research-tools/research.bench.js)
 *
 * Environment (all optional):
 *   DATABASE_URL     a PostgreSQL server: the bench creates claimtrace_bench_<random> there and drops
 *                    it at the end. Unset: an embedded PostgreSQL in a temporary folder.
 *   BENCH_EDGES      stance edges (and passages) of the generated graph (1000000)
 *   BENCH_FORMATS    formats to export (graphml,gexf,json,csv,parquet)
 *   BENCH_QUERIES    search queries timed per class (40)
 *   BENCH_IMPORT     articles in the generated import file (20000)
 *   BENCH_ONLY       sections to run: exports,search,claims,import (all)
 *   BENCH_KEEP_DB    a database name: generated there once and kept, reused by later runs
 *                    with the same BENCH_EDGES (for iterating on one section; needs DATABASE_URL)
 *
 * What it measures:
 *  - exports: each format written by the real ExportService (cursor → writer → a sink that
 *    discards, with backpressure) in a child process, against `COPY (same SELECT) TO STDOUT` of the
 *    same node and edge rows in this run. Peak RSS of the child over its RSS before the export, for
 *    the whole graph and for the tenth of it tagged `bench-tenth` (~100k stance edges at 1M).
 *  - search: `SearchService.search` over the generated passages, p50/p95 per class of query:
 *    rare words (a few hundred passages), common words (most passages), a common and a rare word,
 *    two common words, and an absent word.
 *  - claims search: `claims(filter: {search}, first: 20)` (ClaimsService.page: the page and its
 *    totalCount) over the generated claims, newest first and by relevance, for the same classes.
 *  - import: `claimtrace import`'s batches (ImportService) against `COPY articles FROM STDIN` of the
 *    same rows.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '@claimtrace/core';
import { EmbeddedPostgres, migrate } from '@claimtrace/database';
import { ExportService, GraphFormat, TABLE_FORMATS } from '@claimtrace/export';
import { ClaimOrder, ClaimsService } from '@claimtrace/claims';
import { SearchService } from '@claimtrace/search';
import { runImport } from '../../apps/cli/src/commands/import.command';
// the bench times the export's statement itself (COPY of the same SELECT)
import { GraphSelection, graphSelectionSql, WHOLE_GRAPH } from '@claimtrace/graph';
import { BenchModule } from './bench.module';
import { generateGraph, vocabulary } from './generate';

const EDGES = Number(process.env.BENCH_EDGES ?? 1_000_000);
const FORMATS = (process.env.BENCH_FORMATS ?? 'graphml,gexf,json,csv,parquet').split(',');
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40);
const IMPORT = Number(process.env.BENCH_IMPORT ?? 20_000);
const ONLY = (process.env.BENCH_ONLY ?? 'exports,search,claims,import').split(',');
const TENTH: GraphSelection = { ...WHOLE_GRAPH, tag: 'bench-tenth' };

const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A sink that discards what it gets, slowly enough to exercise backpressure at no cost. */
function sink(): Writable & { bytes: number } {
  const w = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      w.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

interface ChildResult {
  ms: number;
  bytes: number;
  rssBefore: number;
  rssPeak: number;
}

/** Child mode: one export, measured in a fresh process. */
async function child(url: string, format: string, tenth: boolean): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config, url), {
    logger: ['error'],
  });
  const service = app.get(ExportService);
  const tables = TABLE_FORMATS.includes(format as GraphFormat)
    ? (['nodes', 'edges'] as const)
    : [undefined];
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  let bytes = 0;
  for (const table of tables) {
    const request = service.parse({ format, table, tag: tenth ? 'bench-tenth' : undefined });
    const out = sink();
    await pipeline(Readable.from(service.graph(request)), out);
    bytes += out.bytes;
  }
  const ms = Date.now() - started;
  clearInterval(timer);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  process.send!({ ms, bytes, rssBefore, rssPeak } satisfies ChildResult);
  await app.close();
}

function runChild(url: string, format: string, tenth: boolean): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, ['child', url, format, tenth ? 'tenth' : 'all'], {
      execArgv: ['--expose-gc'],
    });
    proc.once('message', (message) => resolve(message as ChildResult));
    proc.once('exit', (code) => (code ? reject(new Error(`child exited ${code}`)) : undefined));
  });
}

async function copyOut(
  url: string,
  selection: GraphSelection,
): Promise<{ ms: number; bytes: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = graphSelectionSql(selection);
    // COPY takes no bind parameters: inline the (bench-made, safe) filter value
    const inline = (q: string) => q.replace(/\$1::text/g, "'bench-tenth'::text");
    const started = Date.now();
    let bytes = 0;
    for (const q of [sql.nodes, sql.edges]) {
      const out = sink();
      await pipeline(client.query(copyTo(`COPY (${inline(q)}) TO STDOUT WITH (FORMAT csv)`)), out);
      bytes += out.bytes;
    }
    return { ms: Date.now() - started, bytes };
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  if (process.argv[2] === 'child') {
    await child(process.argv[3], process.argv[4], process.argv[5] === 'tenth');
    process.exit(0);
  }
  let embedded: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-'));
    embedded = await EmbeddedPostgres.start({ dataDir: dir, database: 'postgres' });
    adminUrl = embedded.url('postgres');
  }
  const keep = embedded ? undefined : process.env.BENCH_KEEP_DB;
  const name = keep ?? `claimtrace_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount: kept } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    name,
  ]);
  if (!kept) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  try {
    const sizes = { edges: EDGES, wordsPerPassage: 20, vocabulary: 20_000 };
    let vocab = vocabulary(sizes.vocabulary);
    if (kept) {
      log(`Reusing the graph kept in ${name} (BENCH_KEEP_DB)`);
    } else {
      await migrate(dbUrl);
      log(`Generating ${EDGES.toLocaleString('en')} stance edges and passages…`);
      vocab = await generateGraph(dbUrl, sizes, log);
    }

    if (ONLY.includes('exports')) await exports(dbUrl);
    if (ONLY.includes('search')) await searches(dbUrl, vocab);
    if (ONLY.includes('claims')) await claimSearches(dbUrl, vocab);
    if (ONLY.includes('import')) await imports(dbUrl, vocab);
  } finally {
    if (!keep) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function exports(dbUrl: string): Promise<void> {
  log('\n== Exports (child process per run; COPY of the same rows in this run)');
  const copyAll = await copyOut(dbUrl, WHOLE_GRAPH);
  const copyTenth = await copyOut(dbUrl, TENTH);
  log(
    `COPY TO STDOUT: whole graph ${s(copyAll.ms)} (${mb(copyAll.bytes)}), tenth ${s(copyTenth.ms)}`,
  );
  log(
    'format   | time     | ×COPY | output  | RSS before | peak RSS | +RSS   | tenth: time, +RSS | peak RSS all/tenth',
  );
  for (const format of FORMATS) {
    const all = await runChild(dbUrl, format, false);
    const tenth = await runChild(dbUrl, format, true);
    log(
      `${format.padEnd(8)} | ${s(all.ms).padStart(8)} | ${(all.ms / copyAll.ms).toFixed(2).padStart(5)} | ${mb(all.bytes).padStart(7)} | ${mb(all.rssBefore).padStart(10)} | ${mb(all.rssPeak).padStart(8)} | ${mb(all.rssPeak - all.rssBefore).padStart(6)} | ${s(tenth.ms)}, ${mb(tenth.rssPeak - tenth.rssBefore)} | ${(all.rssPeak / tenth.rssPeak).toFixed(2)}`,
    );
  }
}

/** The classes of query both search benches time: word i of each class. */
function queryClasses(vocab: string[]): Record<string, (i: number) => string> {
  const pick = (from: number, to: number, i: number) => vocab[from + ((i * 7919) % (to - from))];
  return {
    'rare word': (i) => pick(15_000, 20_000, i),
    'common word': (i) => pick(0, 10, i),
    'common + rare': (i) => `${pick(0, 10, i)} ${pick(15_000, 20_000, i)}`,
    'two common': (i) => `${pick(0, 10, i)} ${pick(10, 50, i)}`,
    'absent word': (i) => `zzqx${i}`,
  };
}

/** Times `run` for BENCH_QUERIES queries of each class (after one warm-up) and prints a table. */
async function timeClasses(
  vocab: string[],
  run: (query: string) => Promise<number>,
  hitsLabel: string,
): Promise<void> {
  log(`class          | p50      | p95      | max      | ${hitsLabel} (median)`);
  for (const [label, query] of Object.entries(queryClasses(vocab))) {
    await run(query(0)); // warm
    const ms: number[] = [];
    const hits: number[] = [];
    for (let i = 1; i <= QUERIES; i += 1) {
      const t = process.hrtime.bigint();
      hits.push(await run(query(i)));
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    log(
      `${label.padEnd(14)} | ${percentile(ms, 50).toFixed(1).padStart(6)} ms | ${percentile(ms, 95).toFixed(1).padStart(6)} ms | ${Math.max(
        ...ms,
      )
        .toFixed(1)
        .padStart(6)} ms | ${percentile(hits, 50)}`,
    );
  }
}

async function benchContext(dbUrl: string) {
  return NestFactory.createApplicationContext(
    BenchModule.forRoot(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'error' }), dbUrl),
    { logger: ['error'] },
  );
}

async function searches(dbUrl: string, vocab: string[]): Promise<void> {
  log('\n== Search (SearchService.search, first 20, sequential)');
  const app = await benchContext(dbUrl);
  const search = app.get(SearchService);
  await timeClasses(vocab, async (query) => (await search.search(query, 20)).length, 'hits');
  await app.close();
}

async function claimSearches(dbUrl: string, vocab: string[]): Promise<void> {
  const app = await benchContext(dbUrl);
  const claims = app.get(ClaimsService);
  for (const orderBy of [ClaimOrder.FIRST_SEEN_DESC, ClaimOrder.RELEVANCE]) {
    log(
      `\n== Claims search (claims(filter: {search}, first: 20, orderBy: ${orderBy}), sequential)`,
    );
    await timeClasses(
      vocab,
      async (search) => (await claims.page({ first: 20, filter: { search }, orderBy })).totalCount,
      'totalCount',
    );
  }
  await app.close();
}

async function imports(dbUrl: string, vocab: string[]): Promise<void> {
  log(`\n== Import (${IMPORT.toLocaleString('en')} articles; claimtrace import vs COPY FROM)`);
  const importDir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-import-'));
  const file = join(importDir, 'import.jsonl');
  const text = (i: number) =>
    Array.from({ length: 300 }, (_, k) => vocab[(i * 31 + k * 17) % vocab.length]).join(' ');
  const writer = createWriteStream(file);
  for (let i = 0; i < IMPORT; i += 1) {
    const line = JSON.stringify({
      url: `https://import.example/${i}`,
      title: `Imported ${i}`,
      text: text(i),
      publisherName: `Publisher ${i % 50}`,
      language: i % 2 ? 'en' : 'es',
    });
    if (!writer.write(`${line}\n`)) await new Promise<void>((r) => writer.once('drain', () => r()));
  }
  await new Promise<void>((r) => writer.end(() => r()));
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const copyStarted = Date.now();
  const copyStream = client.query(
    copyFrom(
      'COPY articles (url, title, text, content_hash, language) FROM STDIN WITH (FORMAT csv)',
    ),
  );
  const rows = Readable.from(
    (function* () {
      for (let i = 0; i < IMPORT; i += 1) {
        yield `https://copy.example/${i},Imported ${i},${text(i)},${randomBytes(32).toString('hex')},${i % 2 ? 'en' : 'es'}\n`;
      }
    })(),
  );
  await pipeline(rows, copyStream);
  const copyMs = Date.now() - copyStarted;
  await client.end();
  process.env.DATABASE_URL = dbUrl;
  process.env.LOG_LEVEL = 'error';
  const importStarted = Date.now();
  const report = await runImport(
    file,
    { batchSize: 500, progress: false, by: 'bench' },
    () => undefined,
  );
  const importMs = Date.now() - importStarted;
  log(`COPY FROM:         ${(IMPORT / (copyMs / 1000)).toFixed(0)} rows/s (${s(copyMs)})`);
  log(
    `claimtrace import: ${(IMPORT / (importMs / 1000)).toFixed(0)} rows/s (${s(importMs)}; ${report.articlesCreated} added, ${report.rejected.length} rejected)`,
  );
  log(`import / COPY FROM: ${((copyMs / importMs) * 100).toFixed(0)} %`);
  rmSync(importDir, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
