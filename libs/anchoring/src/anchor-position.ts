import { Anchor, buildAnchor } from './anchor';
import { AnchoringError } from './anchoring.errors';
import { indexText } from './text-index';

/** A W3C TextPositionSelector as a caller gives it: code-point offsets, end exclusive. */
export interface PositionInput {
  start: number;
  end: number;
}

/**
 * Resolves code-point offsets `[start, end)` of `text` to an anchor. Throws AnchoringError:
 * POSITION_OUT_OF_RANGE unless 0 ≤ start < end ≤ codePointLength(text) with whole numbers,
 * EMPTY_SPAN when start === end, SURROGATE_SPLIT when the span begins or ends on an unpaired
 * surrogate of the stored text.
 */
export function anchorPosition(text: string, position: PositionInput): Anchor {
  const { start, end } = position;
  const { codePoints } = indexText(text);
  const length = codePoints.length;
  const valid = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= length;
  if (valid(start) && valid(end) && start === end) {
    throw new AnchoringError(
      'EMPTY_SPAN',
      `The position ${start}–${end} selects nothing; end must be greater than start.`,
    );
  }
  if (!valid(start) || !valid(end) || start > end) {
    throw new AnchoringError(
      'POSITION_OUT_OF_RANGE',
      `The position ${start}–${end} is not a span of the article: start and end must be whole numbers with 0 ≤ start < end ≤ ${length} (the article's length in Unicode code points).`,
    );
  }
  return buildAnchor(codePoints, start, end);
}
