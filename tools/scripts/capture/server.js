// Starts the built API on a fresh database holding the demo data, and stops it.
//
// The database is new: on the PostgreSQL server named by an administrator's URL, or, without one,
// on an embedded PostgreSQL in a new temporary folder (as the integration tests do). It is
// migrated, its generated ids are made to count up (below), the demo is loaded and an ADMIN token
// named `admin` made through the `claimtrace` CLI, and the API (dist/apps/api/src/main.js, what
// `npm start` runs) is started on it. Everything is dropped at the end.
//
// Counting ids: the tables' ids default to gen_random_uuid(), and lists ordered by id (the graph's
// edges, ties of equal times) would come out in a different order on every run. In this database
// alone the defaults draw from one sequence instead, so a run's ids follow the order of its writes.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const MAIN = path.join(root, 'dist/apps/api/src/main.js');
const DATABASE_LIB = path.join(root, 'dist/libs/database/src/index.js');
const TEST_DATABASE = path.join(root, 'dist/libs/testing/src/test-database.js');
const CLI = path.join(root, 'bin/claimtrace.js');

const COUNTING_IDS = `
  CREATE SEQUENCE capture_id_seq;
  CREATE FUNCTION capture_id() RETURNS uuid LANGUAGE sql
    AS $$ SELECT lpad(to_hex(nextval('capture_id_seq')), 32, '0')::uuid $$;
  DO $$ DECLARE c record; BEGIN
    FOR c IN SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_default LIKE '%gen_random_uuid()%'
    LOOP
      EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT capture_id()', c.table_name, c.column_name);
    END LOOP;
  END $$;`;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(base, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API was not ready within ${seconds} s`);
}

/** Runs `work` while it holds; then undoes it (in reverse order) even when something failed. */
class Undo {
  steps = [];
  add(step) {
    this.steps.unshift(step);
  }
  async run() {
    for (const step of this.steps.splice(0)) await step();
  }
}

/** Starts the API; answers { base, token, stop() }. */
async function startApi({ adminUrl, log }) {
  if (!fs.existsSync(MAIN)) throw new Error('The API is not built: run `npm run build` first.');
  const { EmbeddedPostgres, migrate } = require(DATABASE_LIB);
  const { adminQuery: query, withDatabase } = require(TEST_DATABASE);
  const undo = new Undo();
  try {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrace-capture-'));
    undo.add(() => fs.rmSync(tmp, { recursive: true, force: true }));
    if (!adminUrl) {
      log('starting an embedded PostgreSQL');
      const server = await EmbeddedPostgres.start({
        dataDir: path.join(tmp, 'pg'),
        database: 'postgres',
      });
      undo.add(() => server.stop());
      adminUrl = server.url('postgres');
    }
    const database = `claimtrace_capture_${randomBytes(4).toString('hex')}`;
    await query(adminUrl, `CREATE DATABASE "${database}"`);
    undo.add(() => query(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    const url = withDatabase(adminUrl, database);
    await migrate(url);
    await query(url, COUNTING_IDS);

    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: url,
      CLAIMTRACE_DATA_DIR: path.join(tmp, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      // absolute URLs in exports come from PUBLIC_BASE_URL; the same origin the requests use
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      // on as in the quick start (with DATABASE_URL it would be off)
      GRAPHQL_INTROSPECTION: 'true',
      // 71 requests in a few seconds: the answers are the subject, not the rate budget
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
      RATE_LIMIT_COST_PER_MINUTE: '0',
    };
    log(`loading the demo into ${database}`);
    const cli = (...args) => execFileSync(process.execPath, [CLI, ...args], { cwd: root, env });
    cli('demo');
    const { token } = JSON.parse(
      cli('token', 'create', '--name', 'admin', '--role', 'ADMIN', '--json'),
    );

    log(`starting the API on port ${port}`);
    const child = spawn(process.execPath, [MAIN], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    undo.add(async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    });
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base, child, 180);
    return { base, token, stop: () => undo.run() };
  } catch (error) {
    await undo.run();
    throw error;
  }
}

module.exports = { startApi };
