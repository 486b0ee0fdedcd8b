import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Pool, PoolClient, types } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import type { ServerHealth } from '../embedded/supervisor';
import { transientKind } from '../errors/transient-failure';
import { parseTimestamptz } from './timestamptz';

/** How many times `Database.transaction` runs a transaction that lost to a concurrent one. */
export const TRANSACTION_ATTEMPTS = 3;

export type Db = PrismaClient;
export type { PoolClient };

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  /** PostgreSQL statement_timeout of every connection (ms; 0 or unset: none) */
  statementTimeoutMs?: number;
  /** the server's own state when this process runs it (the embedded PostgreSQL's supervisor) */
  server?: ServerHealth;
}

/**
 * pg's type parsers with a faster timestamptz (see parseTimestamptz), for the pool's own queries.
 * Prisma's adapter passes its own parsers with every query, so this does not reach it.
 */
const POOL_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.TIMESTAMPTZ && format !== 'binary'
      ? parseTimestamptz
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

type QueryListener = (sql: string) => void;
type CommitListener = () => void;

/**
 * The one connection pool of a process, shared by Prisma (through `@prisma/adapter-pg`, no native
 * engine) and by the hand-written SQL of the hot read paths. Only repositories use it.
 */
export class Database {
  readonly pool: Pool;
  readonly prisma: PrismaClient;
  private readonly listeners = new Set<QueryListener>();
  private readonly statementNames = new Map<string, string>();
  private readonly commitListeners = new Set<CommitListener>();
  private readonly stopListeners = new Set<() => void>();

  constructor(private readonly options: DatabaseOptions) {
    this.pool = new Pool({
      connectionString: options.url,
      max: options.poolSize,
      types: POOL_TYPES,
      // The API's statements read pages by index: JIT compilation (on above jit_above_cost, which
      // the recursive relay-chain CTEs' row estimates reach) costs 10-700 ms and is never repaid.
      options: '-c jit=off',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    });
    this.pool.on('error', () => undefined); // an idle client's error surfaces on its next use
    this.pool.on('connect', (client) => this.observe(client));
    this.prisma = new PrismaClient({ adapter: new PrismaPg(this.pool) });
  }

  /**
   * Runs plain SQL on the pool (hot read paths). Statements are named after their text, so each
   * connection parses and plans one only once (a server-side prepared statement). Without parameters
   * the text may hold several statements and runs as a simple query.
   */
  async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      if (params.length === 0) return (await this.pool.query<R>(sql)).rows; // may hold several statements
      let name = this.statementNames.get(sql);
      if (name === undefined) {
        name = `ct_${createHash('sha1').update(sql).digest('base64url')}`;
        if (this.statementNames.size < 10_000) this.statementNames.set(sql, name);
      }
      const result = await this.pool.query<R>({ name, text: sql, values: params });
      return result.rows;
    } catch (error) {
      throw ownError(error);
    }
  }

  /**
   * Runs `work` in one transaction: everything it writes commits together or not at all. A
   * transaction that loses to a concurrent one (deadlock, serialization failure, lock not
   * available) was rolled back whole, and runs again, up to TRANSACTION_ATTEMPTS times after a
   * short random pause; `work` must therefore touch nothing but `tx`.
   */
  async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const settings = {
      maxWait: 10_000,
      timeout: 60_000,
      ...(options.serializable ? { isolationLevel: 'Serializable' as const } : {}),
    };
    let result: T;
    for (let attempt = 1; ; attempt += 1) {
      try {
        result = await this.prisma.$transaction(work, settings);
        break;
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || transientKind(error) !== 'conflict') throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
      }
    }
    for (const listener of this.commitListeners) {
      try {
        listener();
      } catch {
        // a commit listener only notifies; its failure must never fail the committed write
      }
    }
    return result;
  }

  /**
   * Calls `listener` (synchronously, no I/O on the write path) after every transaction of
   * `transaction()` commits; never for one that rolled back. The event log's tailer uses it.
   */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Calls `listener` with every SQL statement sent by this process (tests count them). */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Why the server cannot answer now as far as this process knows without asking it (the
   * embedded PostgreSQL died and is being restarted), or null.
   */
  serverProblem(): string | null {
    return this.options.server?.problem() ?? null;
  }

  /**
   * LISTENs on `channel` on a connection of its own (outside the pool): calls `notified` with each
   * notification's payload, and `listening` each time the LISTEN is in place (at first and after
   * every reconnection, when notifications may have been missed). A lost connection is reopened
   * with backoff (100 ms doubling to 5 s). Answers the function that stops.
   */
  listen(channel: string, notified: (payload: string) => void, listening: () => void): () => void {
    let client: Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | null = null;
    let delay = 100;
    const reopen = (connection: Client) => {
      if (stopped || client !== connection) return;
      connection.removeAllListeners();
      connection.on('error', () => undefined);
      connection.end().catch(() => undefined);
      client = null;
      retry = setTimeout(() => {
        retry = null;
        open();
      }, delay);
      retry.unref();
      delay = Math.min(delay * 2, 5_000);
    };
    const open = () => {
      const connection = new Client({ connectionString: this.options.url });
      client = connection;
      connection.on('notification', (message) => {
        if (message.channel === channel) notified(message.payload ?? '');
      });
      connection.on('error', () => reopen(connection));
      connection.on('end', () => reopen(connection));
      connection
        .connect()
        .then(() => connection.query(`LISTEN "${channel.replace(/"/g, '""')}"`))
        .then(() => {
          if (stopped || client !== connection) return;
          delay = 100;
          listening();
        })
        .catch(() => reopen(connection));
    };
    const stop = () => {
      stopped = true;
      this.stopListeners.delete(stop);
      if (retry) clearTimeout(retry);
      const connection = client;
      client = null;
      connection?.removeAllListeners();
      connection?.on('error', () => undefined);
      connection?.end().catch(() => undefined);
    };
    this.stopListeners.add(stop);
    open();
    return stop;
  }

  async close(): Promise<void> {
    for (const stop of [...this.stopListeners]) stop();
    await this.prisma.$disconnect();
    if (!this.pool.ended) await this.pool.end();
  }

  private observe(client: PoolClient): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      if (this.listeners.size > 0) {
        const first = args[0] as string | { text?: string };
        const sql = typeof first === 'string' ? first : (first?.text ?? '');
        for (const listener of this.listeners) listener(sql);
      }
      return query(...args);
    };
  }
}

/** A transaction handle: what repositories write through inside `Database.transaction`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface TransactionOptions {
  /** Serializable where a read decides a write that a concurrent writer could invalidate */
  serializable?: boolean;
}

/**
 * `error` as an Error of this realm. A socket error reaches the pool from Node's own `net`, which
 * under a sandboxing test runner is another realm's Error: graphql-js would not know it as an Error
 * and would replace it with "Unexpected error value", losing its code (and its SERVICE_UNAVAILABLE).
 */
function ownError(error: unknown): unknown {
  if (error instanceof Error || !error || typeof error !== 'object') return error;
  const record = error as Record<string, unknown>;
  const message = typeof record.message === 'string' ? record.message : String(error);
  return Object.assign(new Error(message, { cause: error }), record);
}
