import { Pool, PoolClient } from 'pg';

/** Rows fetched per round trip: enough to amortise it, few enough to keep memory flat. */
export const FETCH_BATCH = 1000;

/**
 * One export's database session: a dedicated pool client in a REPEATABLE READ, READ ONLY
 * transaction (every query sees the same snapshot), read through server-side cursors
 * (`DECLARE … NO SCROLL CURSOR`, `FETCH n`) batch by batch, so rows are fetched only as fast as
 * the consumer takes them and a batch is the most a process holds.
 * `cancel` stops it at once: pg_cancel_backend from another connection, then the client is
 * discarded, not returned to the pool.
 */
export class ExportCursor {
  private done = false;
  private cursors = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly client: PoolClient,
    private readonly pid: number,
  ) {}

  static async open(pool: Pool, signal?: AbortSignal): Promise<ExportCursor> {
    const client = await pool.connect();
    const pid = (client as unknown as { processID: number }).processID;
    const cursor = new ExportCursor(pool, client, pid);
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL application_name = 'claimtrace-export'`);
      // every row will be read: plan cursors for the whole result, not for the first rows
      await client.query('SET LOCAL cursor_tuple_fraction = 1');
    } catch (error) {
      cursor.discard(error as Error);
      throw error;
    }
    if (signal) {
      if (signal.aborted) await cursor.cancel();
      else signal.addEventListener('abort', () => void cursor.cancel(), { once: true });
    }
    return cursor;
  }

  /** The rows of `sql`, a batch (an array of up to FETCH_BATCH rows) at a time. */
  async *batches<R>(sql: string, params: unknown[] = []): AsyncGenerator<R[]> {
    if (this.done) throw new ExportCancelled();
    const name = `export_${++this.cursors}`;
    await this.client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        if (this.done) throw new ExportCancelled();
        const { rows } = await this.client.query(`FETCH ${FETCH_BATCH} FROM ${name}`);
        if (rows.length > 0) yield rows as R[];
        if (rows.length < FETCH_BATCH) return;
      }
    } finally {
      if (!this.done) await this.client.query(`CLOSE ${name}`);
    }
  }

  /** Commits (nothing was written) and returns the client to the pool. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.client.query('COMMIT');
      this.client.release();
    } catch (error) {
      this.client.release(error as Error);
    }
  }

  /** Stops the running query on the server and drops the connection. */
  async cancel(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.pool.query('SELECT pg_cancel_backend($1)', [this.pid]);
    } catch {
      // the pool may be closing; dropping the connection below ends the query anyway
    }
    this.discard(new ExportCancelled());
  }

  private discard(error: Error): void {
    this.done = true;
    try {
      this.client.release(error);
    } catch {
      // released already
    }
  }
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}
