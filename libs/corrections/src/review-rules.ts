import { AnchorStatus } from '@claimtrace/database';

// What a correction does to one passage a claim stands on (pure rules, no database).

/**
 * A FUZZY move scoring below this needs an editor's eyes (it still moves). The re-anchoring
 * accepts FUZZY from 0.75 (FUZZY_THRESHOLD of @claimtrace/anchoring); between that and this score
 * the words changed enough that the evidence may no longer say what it said.
 */
export const REVIEW_SCORE = 0.9;

/**
 * Whether a passage carried over with `status` and `score` needs review: an orphan, a FUZZY move
 * below REVIEW_SCORE, or one whose changed words include a figure or a date (`figuresChanged`:
 * "12 cranes" → "15 cranes" scores 0.95 and is the correction a fact-checker must see).
 */
export function needsReview(status: AnchorStatus, score: number, figuresChanged = false): boolean {
  return (
    status === AnchorStatus.ORPHANED ||
    (status === AnchorStatus.FUZZY && (score < REVIEW_SCORE || figuresChanged))
  );
}

/** How many passages of one claim a correction moved unchanged, changed, and orphaned. */
export interface CorrectionCounts {
  moved: number;
  changed: number;
  orphaned: number;
  needsReview: number;
}

/** Counts per claim of the source changes a correction made, as recorded. */
export function countsByClaim(
  changes: readonly { claimId: string; status: AnchorStatus; needsReview: boolean }[],
): Map<string, CorrectionCounts> {
  const counts = new Map<string, CorrectionCounts>();
  for (const change of changes) {
    let c = counts.get(change.claimId);
    if (!c) counts.set(change.claimId, (c = { moved: 0, changed: 0, orphaned: 0, needsReview: 0 }));
    if (change.status === AnchorStatus.EXACT) c.moved += 1;
    else if (change.status === AnchorStatus.FUZZY) c.changed += 1;
    else c.orphaned += 1;
    if (change.needsReview) c.needsReview += 1;
  }
  return counts;
}
