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
 * it was written) with its ids only; every other event as it is.
 */
export function publicPayload(
  kind: ClaimEventKind,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  if (REVIEW_KINDS.includes(kind)) {
    if (payload.published === true) return payload;
    return Object.fromEntries(
      Object.entries(payload).filter(([field]) => REVIEW_IDS.includes(field)),
    );
  }
  const hidden = NOTE_TEXT[kind];
  if (!hidden) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !hidden.includes(field)));
}
