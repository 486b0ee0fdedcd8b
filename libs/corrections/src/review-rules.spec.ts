import { AnchorStatus } from '@claimtrace/database';
import { countsByClaim, needsReview, REVIEW_SCORE } from './review-rules';

describe('review rules of a correction', () => {
  it('asks for review of orphans, FUZZY moves below the review score, and changed figures', () => {
    expect(needsReview(AnchorStatus.ORPHANED, 0)).toBe(true);
    expect(needsReview(AnchorStatus.FUZZY, REVIEW_SCORE - 0.001)).toBe(true);
    expect(needsReview(AnchorStatus.FUZZY, REVIEW_SCORE)).toBe(false);
    expect(needsReview(AnchorStatus.FUZZY, 0.99, true)).toBe(true);
    expect(needsReview(AnchorStatus.EXACT, 1)).toBe(false);
  });

  it('counts moved, changed and orphaned passages per claim', () => {
    const counts = countsByClaim([
      { claimId: 'a', status: AnchorStatus.EXACT, needsReview: false },
      { claimId: 'a', status: AnchorStatus.FUZZY, needsReview: true },
      { claimId: 'a', status: AnchorStatus.ORPHANED, needsReview: true },
      { claimId: 'b', status: AnchorStatus.FUZZY, needsReview: false },
    ]);
    expect(counts.get('a')).toEqual({ moved: 1, changed: 1, orphaned: 1, needsReview: 2 });
    expect(counts.get('b')).toEqual({ moved: 0, changed: 1, orphaned: 0, needsReview: 0 });
  });
});
