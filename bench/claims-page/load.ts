/** Load and measurement of one server of the claims-page bench (autocannon, CPU, profiles). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { postgresCpuMs } from './bench-database';
import { ask, type Server, stopServer } from './bench-processes';
import type { Variant } from './bench-messages';
import { formatSummary, summarise, type CpuProfile } from './profile-summary';

const setting = (name: string, fallback: number) => Number(process.env[name] || fallback);
export const SECONDS = setting('BENCH_SECONDS', 10);
export const WARMUP = setting('BENCH_WARMUP', 3);
export const CONNECTIONS = setting('BENCH_CONNECTIONS', 16);
export const ROUNDS = setting('BENCH_ROUNDS', 2);
export const PAGES = setting('BENCH_PAGES', 50);
export const PROFILE = process.env.BENCH_PROFILE === '1';

export interface Run {
  server: string;
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

export async function measure(
  server: Server,
  variant: Variant,
  round: number,
  requestBodies: string[],
  databaseUrl: string,
  profileDir: string,
): Promise<Run> {
  if (WARMUP > 0) await load(server.url, requestBodies, WARMUP);
  const pgBefore = server.name !== 'memory' ? await postgresCpuMs(databaseUrl) : null;
  const cpuBefore = await cpuMs(server);
  if (PROFILE && server.ipc) {
    server.child.send({ type: 'profile-start' });
    if (server.name === 'real') server.child.send({ type: 'sql-start' });
  }
  const result = await load(server.url, requestBodies, SECONDS);
  const cpuSpent = (await cpuMs(server)) - cpuBefore;
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
    serverCpuMsPerRequest: cpuSpent / requests,
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
  if (PROFILE && server.ipc) {
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
export async function settle(server: Server): Promise<void> {
  const deadline = Date.now() + 20_000;
  let before = await cpuMs(server);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await cpuMs(server);
    if (now - before < 12.5) return;
    before = now;
  }
}

/** The server process's CPU time in ms: asked over IPC, or read from /proc for a foreign server. */
export async function cpuMs(server: Server): Promise<number> {
  if (server.ipc) return (await ask(server, { type: 'cpu' }, 'cpu')).ms;
  const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ
}

/** A table row: each cell padded to its width (negative: left-aligned), separated by spaces. */
export function tableRow(cells: [value: string | number, width: number][]): string {
  return cells
    .map(([value, width]) =>
      width < 0 ? String(value).padEnd(-width) : String(value).padStart(width),
    )
    .join(' ');
}

/** Stops the servers of a data set, then drops its database. */
export async function closeDataSet(
  servers: Server[],
  database: { dispose(): Promise<void> },
): Promise<void> {
  for (const server of servers) await stopServer(server);
  await database.dispose();
}

/** Runs a bench's main function; a failure prints its stack and exits with 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
