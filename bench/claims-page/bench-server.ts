/**
 * A server of the claims-page bench, run as a child process of claims-page.bench.ts:
 * `node bench-server.js real|memory`. It listens on a free loopback port, says so, and answers the
 * parent's requests for its CPU time, its SQL statements (real only) and CPU profiles.
 */
import { writeFileSync } from 'node:fs';
import type { ChildMessage, ParentMessage, ServerName } from './bench-messages';
import type { CpuProfile } from './profile-summary';

const PROFILE = process.env.BENCH_PROFILE === '1';

async function serve(name: ServerName): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  let sqlHooks: { start(): void; stop(): { statements: string[]; ms: number[] } } | null = null;
  let app: { close(): Promise<void>; getHttpServer(): { address(): unknown } };
  if (name === 'real') {
    // Imported here, not at the top: the API's object types must not reach the memory server.
    const { createApp } = await import('../../apps/api/src/bootstrap/create-app');
    const { loadConfig } = await import('@claimtrace/core');
    const { Database } = await import('@claimtrace/database');
    const databaseUrl = process.env.BENCH_DATABASE_URL as string;
    const config = loadConfig({
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      // the load is anonymous reads from one address: the limiter is not what is measured
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '1000000000',
      // off unless asked for: the benches measure executing the page, not the response cache
      RESPONSE_CACHE_MB: process.env.BENCH_RESPONSE_CACHE_MB || '0',
    });
    const real = await createApp({ config, databaseUrl });
    await real.listen(0, '127.0.0.1');
    const database = real.get(Database);
    sqlHooks = recordSql(database);
    app = real;
  } else {
    const { createMemoryApp } = await import('./memory-app');
    const memory = await createMemoryApp(process.env.BENCH_CAPTURED as string);
    await memory.listen(0, '127.0.0.1');
    app = memory;
  }
  const profiler = PROFILE ? await openProfiler() : null;
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      if (message.type === 'cpu') {
        const { user, system } = process.cpuUsage();
        send({ type: 'cpu', ms: (user + system) / 1000 });
      } else if (message.type === 'sql-start') {
        sqlHooks?.start();
      } else if (message.type === 'sql-stop') {
        send({ type: 'sql', ...(sqlHooks?.stop() ?? { statements: [], ms: [] }) });
      } else if (message.type === 'profile-start') {
        await profiler?.start();
      } else if (message.type === 'profile-stop') {
        send({ type: 'profile', ok: (await profiler?.stop(message.file)) ?? false });
      }
    })();
  });
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
  const { port } = app.getHttpServer().address() as { port: number };
  send({ type: 'listening', port });
}

/**
 * Records the SQL statements the real server sends (Database.onQuery) and, in profile mode, the
 * wall time of each pool query (pool wait + network + PostgreSQL + row parsing), by wrapping the
 * pool's `query` of this process only. The API code is not changed.
 */
function recordSql(database: {
  onQuery(listener: (sql: string) => void): () => void;
  pool: { query: (...args: unknown[]) => unknown };
}) {
  let statements: string[] | null = null;
  let times: number[] = [];
  database.onQuery((sql) => statements?.push(sql));
  if (PROFILE) {
    const query = database.pool.query.bind(database.pool);
    database.pool.query = (...args: unknown[]) => {
      const started = process.hrtime.bigint();
      const result = query(...args);
      if (result instanceof Promise) {
        void result.then(
          () => times.push(Number(process.hrtime.bigint() - started) / 1e6),
          () => undefined,
        );
      }
      return result;
    };
  }
  return {
    start() {
      statements = [];
      times = [];
    },
    stop() {
      const recorded = { statements: statements ?? [], ms: times };
      statements = null;
      times = [];
      return recorded;
    },
  };
}

/** The V8 profiler of this process, started and stopped on request (only the measured runs). */
async function openProfiler() {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => post('Profiler.start'),
    async stop(file: string) {
      const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
      writeFileSync(file, JSON.stringify(profile));
      return true;
    },
  };
}

if (require.main === module) {
  serve(process.argv[2] as ServerName).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
