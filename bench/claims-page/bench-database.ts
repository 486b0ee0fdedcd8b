/** The bench's database: a fresh one on DATABASE_URL's server or an embedded PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '@claimtrace/database';

export interface BenchDatabase {
  url: string;
  label: string;
  dispose(): Promise<void>;
}

export async function sql<R extends object = object>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // without parameters, a simple query: the text may hold several statements
    return (await (params.length ? client.query<R>(text, params) : client.query<R>(text))).rows;
  } finally {
    await client.end();
  }
}

/** A fresh database: on the DATABASE_URL server when set, else on an embedded PostgreSQL. */
export async function openDatabase(): Promise<BenchDatabase> {
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

/** CPU time (ms) of the PostgreSQL backends serving `database`, when they run on this machine. */
export async function postgresCpuMs(adminUrl: string): Promise<Map<number, number> | null> {
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
