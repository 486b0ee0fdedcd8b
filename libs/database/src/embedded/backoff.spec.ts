import { backoffDelays } from './backoff';

describe('backoffDelays', () => {
  it('doubles from the first wait up to the longest', () => {
    expect(backoffDelays({ retries: 5, firstDelayMs: 500, maxDelayMs: 8_000 })).toEqual([
      500, 1_000, 2_000, 4_000, 8_000,
    ]);
    expect(backoffDelays({ retries: 4, firstDelayMs: 3_000, maxDelayMs: 5_000 })).toEqual([
      3_000, 5_000, 5_000, 5_000,
    ]);
  });

  it('has no wait when no restart is allowed', () => {
    expect(backoffDelays({ retries: 0, firstDelayMs: 500, maxDelayMs: 8_000 })).toEqual([]);
  });

  it('stays finite for many retries', () => {
    expect(backoffDelays({ retries: 2_000, firstDelayMs: 1, maxDelayMs: 10 }).at(-1)).toBe(10);
  });
});
