import { ClaimStatus } from '@claimtrace/database';
import { DEFAULT_CHECKLIST } from '@claimtrace/core';
import {
  ALLOWED_TRANSITIONS,
  canTransition,
  countedTicks,
  missingItems,
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

  it('holds a verdict back until the default checklist has its second review', () => {
    const keys = (items: { key: string }[]) => items.map((item) => item.key);
    expect(keys(missingItems('CONFIRMED', DEFAULT_CHECKLIST, []))).toEqual(['second-review']);
    expect(keys(missingItems('REFUTED', DEFAULT_CHECKLIST, ['original-source']))).toEqual([
      'second-review',
    ]);
    expect(missingItems('CONFIRMED', DEFAULT_CHECKLIST, ['second-review'])).toEqual([]);
    expect(missingItems('CONTESTED', DEFAULT_CHECKLIST, [])).toEqual([]);
  });

  it('counts a required item only when someone other than the assignee ticked it', () => {
    const ticks = [
      { key: 'check-numbers', doneById: 'ana' },
      { key: 'second-review', doneById: 'ana' },
    ];
    expect(countedTicks(DEFAULT_CHECKLIST, ticks, 'ana')).toEqual(['check-numbers']);
    expect(countedTicks(DEFAULT_CHECKLIST, ticks, 'ben')).toEqual([
      'check-numbers',
      'second-review',
    ]);
    expect(countedTicks(DEFAULT_CHECKLIST, ticks, null)).toHaveLength(2);
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
