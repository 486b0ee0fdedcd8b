import { ClaimStatus } from '@claimtrace/database';

const { UNVERIFIED, CONTESTED, CORROBORATED, CONFIRMED, REFUTED, RETRACTED } = ClaimStatus;

/**
 * The editorial workflow: which status may follow which. A claim's status changes only along these
 * edges, by a mutation with a rationale. RETRACTED (the originator withdrew the claim) is final.
 * The README prints this table.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  [UNVERIFIED]: [CONTESTED, CORROBORATED, CONFIRMED, REFUTED, RETRACTED],
  [CONTESTED]: [UNVERIFIED, CORROBORATED, CONFIRMED, REFUTED, RETRACTED],
  [CORROBORATED]: [CONTESTED, CONFIRMED, REFUTED, RETRACTED],
  [CONFIRMED]: [CONTESTED, RETRACTED],
  [REFUTED]: [CONTESTED, RETRACTED],
  [RETRACTED]: [],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * The second half of the transition table, configured per deployment (CHECKLIST): the checklist
 * items a claim must have done before it may move to `to` — by default, the second editor review
 * before a verdict (CONFIRMED, REFUTED). Answers those not done yet, in checklist order.
 */
export function missingItems<T extends { key: string; requiredFor: readonly string[] }>(
  to: ClaimStatus,
  checklist: readonly T[],
  done: readonly string[],
): T[] {
  return checklist.filter((item) => item.requiredFor.includes(to) && !done.includes(item.key));
}

/**
 * The keys of `ticks` that count towards a transition: an item some status requires (the second
 * review) counts only when someone other than the claim's current assignee ticked it, so handing
 * the claim to its reviewer afterwards does not make the review their own.
 */
export function countedTicks(
  checklist: readonly { key: string; requiredFor: readonly string[] }[],
  ticks: readonly { key: string; doneById: string }[],
  assigneeId: string | null,
): string[] {
  const required = new Set(
    checklist.filter((item) => item.requiredFor.length > 0).map((item) => item.key),
  );
  return ticks
    .filter((tick) => !required.has(tick.key) || tick.doneById !== assigneeId)
    .map((tick) => tick.key);
}

/**
 * Statuses that are a verdict on a claim's wording. Rewording such a claim (`updateClaim` with a
 * different text) keeps the status only with a rationale; without one the claim goes back to
 * UNVERIFIED for review, recorded as a status change. The guide prints this rule beside the table.
 */
export const REVIEWED_STATUSES: readonly ClaimStatus[] = [CORROBORATED, CONFIRMED, REFUTED];

/** Where a reworded claim's status goes back to when no rationale keeps it. */
export const REWORDED_BACK_TO = UNVERIFIED;

/** The status after a change of text: kept with a rationale or when no verdict stood on it. */
export function statusAfterReword(status: ClaimStatus, rationale: boolean): ClaimStatus {
  return REVIEWED_STATUSES.includes(status) && !rationale ? REWORDED_BACK_TO : status;
}
