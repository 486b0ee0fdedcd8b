import { findCandidateSpans } from './fuzzy-search';
import { stringSimilarity } from './similarity';
import { TextIndex } from './text-index';

/** A suggested stretch of the text must be at least this similar to the quote (letters, ignoring case). */
export const NEAREST_MIN_SIMILARITY = 0.5;

/**
 * The stretch of the indexed text (verbatim, from the original) most like `quote` (normalised), or
 * null when nothing is at least NEAREST_MIN_SIMILARITY alike.
 */
export function nearestMatch(index: TextIndex, quote: string): string | null {
  const value = index.normalised.value;
  let best: { start: number; end: number; similarity: number } | null = null;
  for (const span of findCandidateSpans(index, quote)) {
    const candidate = value.slice(span.start, span.end).toLowerCase();
    const similarity = stringSimilarity(quote.toLowerCase(), candidate);
    if (!best || similarity > best.similarity) best = { ...span, similarity };
  }
  if (!best || best.similarity < NEAREST_MIN_SIMILARITY) return null;
  const { start, end } = index.codePointSpan(best.start, best.end);
  return index.codePoints.slice(start, end).trim();
}
