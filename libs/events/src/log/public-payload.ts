import { ClaimEventKind } from '@claimtrace/database';

/** The note text each NOTE_* event carries: the newsroom's, read with a token only. */
const NOTE_TEXT: Partial<Record<ClaimEventKind, readonly string[]>> = {
  [ClaimEventKind.NOTE_ADDED]: ['body'],
  [ClaimEventKind.NOTE_UPDATED]: ['before', 'after'],
  [ClaimEventKind.NOTE_REMOVED]: ['reason'],
};

/** What a REVIEW_* event of a draft says about the review beyond its ids: read with a token only. */
const REVIEW_KINDS: readonly ClaimEventKind[] = [
  ClaimEventKind.REVIEW_ADDED,
  ClaimEventKind.REVIEW_UPDATED,
  ClaimEventKind.REVIEW_RETRACTED,
];
const REVIEW_IDS = ['claimId', 'reviewId', 'published'];

/**
 * An event's payload as an anonymous reader (public reads) sees it: a note event without the
 * note's text (body, before and after, reason); a review event of a draft (not `published` when
 * it was written) with its ids only, and the update that published a draft without the draft's
 * fields (`before`); every other event as it is.
 */
export function publicPayload(
  kind: ClaimEventKind,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  if (REVIEW_KINDS.includes(kind)) {
    if (isDraftReviewEvent(kind, payload)) {
      return Object.fromEntries(
        Object.entries(payload).filter(([field]) => REVIEW_IDS.includes(field)),
      );
    }
    if (kind === ClaimEventKind.REVIEW_UPDATED && publishedADraft(payload)) {
      const { before: _draft, ...published } = payload;
      return published;
    }
    return payload;
  }
  const hidden = NOTE_TEXT[kind];
  if (!hidden) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !hidden.includes(field)));
}

/**
 * Whether a REVIEW_UPDATED event published a draft: `before` lists the fields that changed, and a
 * review published after the update was a draft before it exactly when its url or publishedAt
 * changed from null.
 */
function publishedADraft(payload: Record<string, unknown>): boolean {
  const before = payload.before;
  if (typeof before !== 'object' || before === null) return false;
  return (['url', 'publishedAt'] as const).some(
    (field) => field in before && (before as Record<string, unknown>)[field] === null,
  );
}

/** Whether an event is a review event of a draft (not `published` when it was written). */
export function isDraftReviewEvent(
  kind: ClaimEventKind,
  payload: Record<string, unknown>,
): boolean {
  return REVIEW_KINDS.includes(kind) && payload.published !== true;
}

/** isDraftReviewEvent in SQL, of the claim_events row `e`. */
export const DRAFT_REVIEW_EVENT_SQL = `(e.kind::text IN (${REVIEW_KINDS.map(
  (kind) => `'${kind}'`,
).join(', ')}) AND (e.payload->>'published') IS DISTINCT FROM 'true')`;
