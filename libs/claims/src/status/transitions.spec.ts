import { ClaimStatus } from '@claimtrace/database';
import { ALLOWED_TRANSITIONS, canTransition } from './transitions';

describe('claim status transitions', () => {
  it('covers every status', () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual(Object.values(ClaimStatus).sort());
  });

  it('never allows staying in place', () => {
    for (const status of Object.values(ClaimStatus)) {
      expect(canTransition(status, status)).toBe(false);
    }
  });

  it('lets new evidence reopen a settled claim, but not a retracted one', () => {
    expect(canTransition('UNVERIFIED', 'CONTESTED')).toBe(true);
    expect(canTransition('CONFIRMED', 'CONTESTED')).toBe(true);
    expect(canTransition('REFUTED', 'CONTESTED')).toBe(true);
    expect(canTransition('CONFIRMED', 'REFUTED')).toBe(false);
    expect(canTransition('REFUTED', 'CONFIRMED')).toBe(false);
    expect(ALLOWED_TRANSITIONS.RETRACTED).toEqual([]);
  });
});
