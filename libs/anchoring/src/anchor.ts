import { AnchoringError } from './anchoring.errors';
import { CodePointIndex, isLoneSurrogateAt } from './code-points';

/** Code points of context kept on each side of a passage (the W3C `prefix` and `suffix`). */
export const CONTEXT_LENGTH = 32;

/** A resolved passage of a stored text. Offsets are Unicode code points, 0-based, end exclusive. */
export interface Anchor {
  start: number;
  end: number;
  /** The stored text between `start` and `end`, verbatim. */
  exact: string;
  /** Up to `CONTEXT_LENGTH` code points of stored text right before `start` (fewer at the start). */
  prefix: string;
  /** Up to `CONTEXT_LENGTH` code points of stored text right after `end` (fewer at the end). */
  suffix: string;
}

/**
 * The anchor of code points `[start, end)` of the text behind `codePoints` (a valid, non-empty span).
 * Throws SURROGATE_SPLIT when the span begins or ends with half of a broken surrogate pair.
 */
export function buildAnchor(codePoints: CodePointIndex, start: number, end: number): Anchor {
  const { text } = codePoints;
  for (const [offset, side] of [
    [start, 'starts'],
    [end - 1, 'ends'],
  ] as const) {
    const unit = codePoints.toUnit(offset);
    if (isLoneSurrogateAt(text, unit)) {
      const hex = text.charCodeAt(unit).toString(16).toUpperCase();
      throw new AnchoringError(
        'SURROGATE_SPLIT',
        `The span ${start}–${end} ${side} on half of a broken character (an unpaired surrogate U+${hex} at code point ${offset} of the stored text); move that boundary by one.`,
      );
    }
  }
  return {
    start,
    end,
    exact: codePoints.slice(start, end),
    prefix: codePoints.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: codePoints.slice(end, Math.min(codePoints.length, end + CONTEXT_LENGTH)),
  };
}
