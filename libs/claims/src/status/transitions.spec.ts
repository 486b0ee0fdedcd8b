import { ClaimStatus } from '@claimtrace/database';
import {
  ALLOWED_TRANSITIONS,
  canTransition,
  REVIEWED_STATUSES,
  statusAfterReword,
} from './transitions';

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

  it('sends a reworded verdict back for review unless a rationale keeps it', () => {
    expect(REVIEWED_STATUSES).toEqual(['CORROBORATED', 'CONFIRMED', 'REFUTED']);
    for (const status of REVIEWED_STATUSES) {
      expect(statusAfterReword(status, false)).toBe('UNVERIFIED');
      expect(statusAfterReword(status, true)).toBe(status);
    }
    for (const status of ['UNVERIFIED', 'CONTESTED', 'RETRACTED'] as const) {
      expect(statusAfterReword(status, false)).toBe(status);
    }
  });
});
