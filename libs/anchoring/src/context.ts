import { stringSimilarity } from './similarity';

// Compares a caller's prefix or suffix with the normalised text around a match. A prefix must end
// right before the match and a suffix start right after it; either may be longer or shorter than
// CONTEXT_LENGTH. Spaces at the junction are optional on both sides ("said" matches "said ").

/** A normalised prefix or suffix with the spaces at both ends removed ('' means "not given"). */
export function trimContext(normalisedContext: string): string {
  return normalisedContext.replace(/^ +| +$/g, '');
}

/** Up to `length` normalised characters ending at `at`, ignoring spaces right before `at`. */
function textBefore(normalised: string, at: number, length: number): string {
  const before = normalised.slice(Math.max(0, at - length - 1), at).replace(/ +$/, '');
  return before.slice(Math.max(0, before.length - length));
}

/** Up to `length` normalised characters starting at `at`, ignoring spaces right after `at`. */
function textAfter(normalised: string, at: number, length: number): string {
  return normalised
    .slice(at, at + length + 1)
    .replace(/^ +/, '')
    .slice(0, length);
}

/** Whether the normalised text right before `at` ends with `prefix` (trimmed, non-empty). */
export function prefixMatches(normalised: string, at: number, prefix: string): boolean {
  return textBefore(normalised, at, prefix.length) === prefix;
}

/** Whether the normalised text right after `at` starts with `suffix` (trimmed, non-empty). */
export function suffixMatches(normalised: string, at: number, suffix: string): boolean {
  return textAfter(normalised, at, suffix.length) === suffix;
}

/** How well the text before `at` agrees with `prefix` (trimmed, non-empty), in [0, 1]. */
export function prefixSimilarity(normalised: string, at: number, prefix: string): number {
  return stringSimilarity(prefix, textBefore(normalised, at, prefix.length));
}

/** How well the text after `at` agrees with `suffix` (trimmed, non-empty), in [0, 1]. */
export function suffixSimilarity(normalised: string, at: number, suffix: string): number {
  return stringSimilarity(suffix, textAfter(normalised, at, suffix.length));
}
