/** Why a quote or a position could not be anchored. */
export type AnchoringErrorCode =
  | 'EMPTY_QUOTE'
  | 'QUOTE_NOT_FOUND'
  | 'AMBIGUOUS_QUOTE'
  | 'POSITION_OUT_OF_RANGE'
  | 'SURROGATE_SPLIT'
  | 'EMPTY_SPAN';

/**
 * A selector that cannot be resolved against a text. The message is meant for the person who wrote
 * the selector; `code` is for programs (the API maps every code to `BAD_USER_INPUT`).
 */
export class AnchoringError extends Error {
  override readonly name = 'AnchoringError';
  /** For `AMBIGUOUS_QUOTE`: how many times the quote occurs in the text. */
  readonly matchCount?: number;
  /** For `QUOTE_NOT_FOUND`: the stretch of the text closest to the quote, when one is close enough. */
  readonly nearest?: string;

  constructor(
    readonly code: AnchoringErrorCode,
    message: string,
    details: { matchCount?: number; nearest?: string } = {},
  ) {
    super(message);
    if (details.matchCount !== undefined) this.matchCount = details.matchCount;
    if (details.nearest !== undefined) this.nearest = details.nearest;
  }
}

/** A quote shortened for an error message: long quotes keep their start and end around an ellipsis. */
export function quoteForMessage(text: string): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= 80) return text;
  return `${codePoints.slice(0, 60).join('')}…${codePoints.slice(-15).join('')}`;
}
