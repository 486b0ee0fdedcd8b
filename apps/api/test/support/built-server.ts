import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A test's built servers, one at a time, on one data folder (a temporary one, with the embedded
 * PostgreSQL's cluster) and fixed ports, so a server started again finds what the last one left.
 */
export class ServerHarness {
  server: BuiltServer | null = null;

  private constructor(
    readonly dataDir: string,
    readonly apiPort: number,
    readonly pgPort: number,
  ) {}

  /** Builds the server from the current sources (SWC, seconds) and makes its folder. */
  static async create(prefix: string): Promise<ServerHarness> {
    execFileSync(process.execPath, [join(ROOT, 'tools/scripts/build.js')], { cwd: ROOT });
    const dataDir = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(dataDir, 0o711); // enterable by the postgres OS user when the tests run as root
    return new ServerHarness(dataDir, await freePort(), await freePort());
  }

  async start(env: Record<string, string> = {}): Promise<BuiltServer> {
    const { dataDir, apiPort, pgPort } = this;
    this.server = await startBuiltServer({ dataDir, apiPort, pgPort, env });
    return this.server;
  }

  /** The ADMIN token the first start wrote. */
  adminToken(): string {
    return readFileSync(join(this.dataDir, 'admin-token'), 'utf8').trim();
  }

  postmasterPid(): number | null {
    return postmasterPid(this.dataDir);
  }

  async dispose(): Promise<void> {
    await stopBuiltServer(this.server, this.dataDir);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  /** everything it printed so far */
  log: () => string;
  /** resolves with its exit code (null when killed by a signal) */
  exited: Promise<number | null>;
}

interface BuiltServerOptions {
  dataDir: string;
  apiPort: number;
  pgPort: number;
  env?: Record<string, string>;
}

/**
 * The built server (`node dist/apps/api/src/main.js`) on an embedded PostgreSQL in `dataDir`,
 * started as `npm start` would, once `/health/ready` answers 200.
 */
async function startBuiltServer(options: BuiltServerOptions): Promise<BuiltServer> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      CLAIMTRACE_DATA_DIR: options.dataDir,
      PORT: String(options.apiPort),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(options.pgPort),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.apiPort}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) {
        return { child, url, log: () => output, exited };
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not get ready:\n${output}`);
}

/** The pid of the postmaster running on the embedded cluster of `dataDir`, from postmaster.pid. */
function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'pgdata', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

/** Stops a server a test started (SIGTERM stops its PostgreSQL too), and any PostgreSQL it left. */
async function stopBuiltServer(server: BuiltServer | null, dataDir: string): Promise<void> {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([server.exited, new Promise((done) => (timer = setTimeout(done, 20_000)))]);
    clearTimeout(timer);
  }
  const pid = postmasterPid(dataDir);
  if (pid) {
    try {
      process.kill(pid, 'SIGQUIT'); // a PostgreSQL this test started, left by a failure
    } catch {
      // already gone
    }
    await sleep(500);
  }
}
