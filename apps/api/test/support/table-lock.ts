import { Client } from 'pg';

/**
 * A lock on a table taken in a transaction of its own connection, to hold requests in flight
 * deterministically: they wait in PostgreSQL until `release()`. `waiting()` counts the other
 * connections of the database waiting for a lock (the held requests).
 */
export interface TableLock {
  waiting(): Promise<number>;
  release(): Promise<void>;
}

export async function holdTableLock(
  databaseUrl: string,
  table: string,
  mode: string,
): Promise<TableLock> {
  const locker = new Client({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  let released = false;
  return {
    async waiting() {
      // inside a transaction, pg_stat_activity is read once and kept: read it afresh
      await locker.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      return rows[0].n;
    },
    async release() {
      if (released) return;
      released = true;
      await locker.query('ROLLBACK');
      await locker.end();
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` every 20 ms until it holds; fails with `what` after `timeoutMs`. */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting until ${what}`);
}
