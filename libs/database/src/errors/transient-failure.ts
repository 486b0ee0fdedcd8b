import { DomainError, ServiceUnavailableError } from '@claimtrace/core';

/** Why the database could not serve a request for a while. */
export type TransientKind = 'conflict' | 'unavailable';

/** SQLSTATEs of a transaction that lost to a concurrent one: running it again may succeed. */
const CONFLICT_STATES = new Set(['40001', '40P01', '55P03']);
/**
 * SQLSTATEs of a server that cannot serve now: shutting down or restarting (57P01-57P03), out of
 * connections or other resources (class 53), a broken connection (class 08).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_CLASSES = new Set(['08', '53']);
/** Socket errors of Node.js on the way to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** What Prisma's pg adapter calls them (DriverAdapterError causes). */
const ADAPTER_KINDS: Record<string, TransientKind> = {
  TransactionWriteConflict: 'conflict',
  DatabaseNotReachable: 'unavailable',
  ConnectionClosed: 'unavailable',
  SocketTimeout: 'unavailable',
  TooManyConnections: 'unavailable',
};
/**
 * Prisma's own codes: the server cannot be reached or closed the connection (P1001, P1002, P1008,
 * P1017), no pooled connection came in time (P2024), a transaction could not start in time or
 * outlived its timeout (P2028), a write conflict or deadlock (P2034).
 */
const PRISMA_CODES: Record<string, TransientKind> = {
  P1001: 'unavailable',
  P1002: 'unavailable',
  P1008: 'unavailable',
  P1017: 'unavailable',
  P2024: 'unavailable',
  P2028: 'unavailable',
  P2034: 'conflict',
};
/** node-postgres errors that carry no code. */
const PG_MESSAGES =
  /^(Connection terminated|Connection ended|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

/** Seconds a client should wait before it retries, per kind. */
export const RETRY_AFTER_SECONDS: Record<TransientKind, number> = { conflict: 1, unavailable: 5 };

function kindOfCode(code: unknown): TransientKind | null {
  if (typeof code !== 'string') return null;
  if (CONFLICT_STATES.has(code)) return 'conflict';
  if (UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code)) return 'unavailable';
  // 08P01 (protocol violation) is a bug of the client library, not a connection problem
  if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.has(code.slice(0, 2)) && code !== '08P01') {
    return 'unavailable';
  }
  return PRISMA_CODES[code] ?? null;
}

/** The kind of one error object, without looking at what it wraps. */
function kindOf(error: Record<string, unknown>): TransientKind | null {
  const adapterKind = typeof error.kind === 'string' ? ADAPTER_KINDS[error.kind] : undefined;
  return (
    kindOfCode(error.originalCode) ??
    adapterKind ??
    kindOfCode(error.code) ??
    (typeof error.message === 'string' && PG_MESSAGES.test(error.message) ? 'unavailable' : null)
  );
}

/**
 * Whether `error` is a transient failure of the database — a lost, refused or exhausted
 * connection, a server shutting down, a serialization failure, a deadlock, a lock not available —
 * and which kind. Looks through the wrappers Prisma and its adapter put around the driver's error
 * (`cause`, `meta.driverAdapterError`), a bounded number of them, iteratively.
 */
export function transientKind(error: unknown): TransientKind | null {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 16; seen += 1) {
    const current = pending.pop();
    if (!current || typeof current !== 'object') continue;
    const record = current as Record<string, unknown>;
    const kind = kindOf(record);
    if (kind) return kind;
    const meta = record.meta as Record<string, unknown> | undefined;
    pending.push(record.cause, meta?.driverAdapterError);
  }
  return null;
}

/** `error` as the retryable SERVICE_UNAVAILABLE a client gets, or null when it is not transient. */
export function transientFailure(error: unknown): ServiceUnavailableError | null {
  const kind = transientKind(error);
  if (!kind) return null;
  const wait = RETRY_AFTER_SECONDS[kind];
  return new ServiceUnavailableError(
    kind === 'conflict'
      ? `The request conflicted with concurrent writes (a deadlock or serialization failure) and was rolled back; nothing was written. Retry in ${wait} s.`
      : `The database is unavailable for the moment (connection lost or refused). Retry in ${wait} s.`,
    wait,
  );
}

/**
 * The error a client may act on that `error` is: a domain error as it is, a transient failure of
 * the database as the retryable SERVICE_UNAVAILABLE; null for anything else (a bug, masked).
 */
export function asDomainError(error: unknown): DomainError | null {
  return error instanceof DomainError ? error : transientFailure(error);
}
