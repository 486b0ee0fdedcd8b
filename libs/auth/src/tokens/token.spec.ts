import {
  bearerToken,
  generateToken,
  hashToken,
  hasRole,
  isWellFormedToken,
  parseExpiry,
} from './token';

describe('tokens', () => {
  it('are ct_ and 32 random bytes in base64url, never the same twice', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(3), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isWellFormedToken(`${a}x`)).toBe(false);
    expect(isWellFormedToken('ct_short')).toBe(false);
  });

  it('are stored as their SHA-256, hex', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    expect(hashToken('ct_x')).toBe(createHash('sha256').update('ct_x').digest('hex'));
    expect(hashToken('ct_x')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('ct_x')).not.toBe(hashToken('ct_y'));
  });

  it('come from a Bearer header; anything else is refused, no header is anonymous', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('')).toBeNull();
    expect(bearerToken('Bearer ct_abc')).toBe('ct_abc');
    expect(bearerToken('bearer   ct_abc ')).toBe('ct_abc');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(['Bearer ct_abc'])).toBeUndefined();
  });

  it('rank roles ADMIN > EDITOR > VIEWER', () => {
    expect(hasRole('ADMIN', 'EDITOR')).toBe(true);
    expect(hasRole('EDITOR', 'EDITOR')).toBe(true);
    expect(hasRole('EDITOR', 'ADMIN')).toBe(false);
    expect(hasRole('VIEWER', 'EDITOR')).toBe(false);
  });

  it('expire after a duration or at a date, or never', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseExpiry(undefined, now)).toBeNull();
    expect(parseExpiry('never', now)).toBeNull();
    expect(parseExpiry('90d', now)?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(parseExpiry('12h', now)?.toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(parseExpiry('2027-01-01', now)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => parseExpiry('soon', now)).toThrow(/not an expiry/);
    expect(() => parseExpiry('2025-01-01', now)).toThrow(/in the past/);
  });
});
