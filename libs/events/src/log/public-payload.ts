import { ClaimEventKind } from '@claimtrace/database';

/** The note text each NOTE_* event carries: the newsroom's, read with a token only. */
const NOTE_TEXT: Partial<Record<ClaimEventKind, readonly string[]>> = {
  [ClaimEventKind.NOTE_ADDED]: ['body'],
  [ClaimEventKind.NOTE_UPDATED]: ['before', 'after'],
  [ClaimEventKind.NOTE_REMOVED]: ['reason'],
};

/**
 * An event's payload as an anonymous reader (public reads) sees it: a note event without the
 * note's text (body, before and after, reason); every other event as it is.
 */
export function publicPayload(
  kind: ClaimEventKind,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const hidden = NOTE_TEXT[kind];
  if (!hidden) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !hidden.includes(field)));
}
