import { createHash, randomBytes } from 'node:crypto';
import type { PrincipalRole } from '@claimtrace/core';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'ct_';
/** 32 random bytes, base64url: 43 characters after the prefix. */
const TOKEN_PATTERN = /^ct_[A-Za-z0-9_-]{43}$/;

/** A new secret: `ct_` + 32 random bytes in base64url. Shown once, stored only as its hash. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * SHA-256 of the token, hex. The token has 256 bits of entropy, so a fast hash is enough (nothing to
 * brute-force), and a lookup by hash compares no secret byte by byte in application code.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The token of an `Authorization` header value: `Bearer <token>` (scheme case-insensitive).
 * Answers null when there is no header, and `undefined` when the header is not a bearer token.
 */
export function bearerToken(header: unknown): string | null | undefined {
  if (header === undefined || header === null || header === '') return null;
  if (typeof header !== 'string') return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

const RANK: Record<PrincipalRole, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

/** Whether `role` includes everything `required` may do (ADMIN ⊃ EDITOR ⊃ VIEWER). */
export function hasRole(role: PrincipalRole, required: PrincipalRole): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLES: readonly PrincipalRole[] = ['VIEWER', 'EDITOR', 'ADMIN'];

/**
 * When a token made now with `--expires-in` expires: `90d`, `12h`, `30m`, or an ISO date. Null
 * (never) for `never` or nothing.
 */
export function parseExpiry(value: string | undefined, now = new Date()): Date | null {
  if (value === undefined || value === '' || value === 'never') return null;
  const relative = /^(\d{1,6})([dhm])$/.exec(value.trim());
  if (relative) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2] as 'd' | 'h' | 'm'];
    return new Date(now.getTime() + Number(relative[1]) * unit);
  }
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new Error(`"${value}" is not an expiry: use e.g. 90d, 12h, 30m, an ISO date, or never.`);
  }
  if (date.getTime() <= now.getTime()) throw new Error(`The expiry ${value} is in the past.`);
  return date;
}
