import { foldText, MIN_PREFIX_WORD, SearchTerm } from '@claimtrace/core';

export interface TextRange {
  start: number;
  end: number;
}

export interface Snippet {
  snippet: string;
  /** code-point ranges of `snippet`, 0-based, end exclusive, in order, not overlapping */
  highlights: TextRange[];
}

const ELLIPSIS = '…';
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether a word of the text is one the query asked for: whole, or by its prefix for a word long
 * enough to be searched by prefix (as the prefix layer of the search matches it: `pump` finds
 * and highlights "pumped", `ostrov` "Ostrovsky").
 */
export function matchesTerm(word: string, terms: readonly SearchTerm[]): boolean {
  const folded = foldText(word);
  return terms.some(
    (term) =>
      folded === term.word ||
      (term.word.length >= MIN_PREFIX_WORD && folded.startsWith(term.prefix)),
  );
}

/**
 * A plain-text snippet of `text` (all of it when short, else a window of about `maxLength` code
 * points around the first match, cut at spaces and marked with "…") and the code-point ranges of
 * the words that match the query's terms.
 */
export function snippetOf(text: string, terms: readonly SearchTerm[], maxLength = 240): Snippet {
  const points = Array.from(text);
  const matches: TextRange[] = [];
  // Offsets from String.matchAll are UTF-16 units; count code points as we go.
  let unit = 0;
  let point = 0;
  for (const match of text.matchAll(WORD)) {
    point += Array.from(text.slice(unit, match.index)).length;
    unit = match.index;
    const length = Array.from(match[0]).length;
    if (matchesTerm(match[0], terms)) matches.push({ start: point, end: point + length });
  }
  if (points.length <= maxLength) return { snippet: text, highlights: matches };

  const first = matches[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 4));
  if (start > 0) start = nextWordStart(points, start);
  let end = Math.min(points.length, start + maxLength);
  if (end < points.length) end = previousWordEnd(points, end, start);
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < points.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  return {
    snippet: lead + points.slice(start, end).join('') + tail,
    highlights: matches
      .filter((range) => range.start >= start && range.end <= end)
      .map((range) => ({ start: range.start + shift, end: range.end + shift })),
  };
}

function nextWordStart(points: string[], from: number): number {
  let index = from;
  while (index < points.length && !/\s/u.test(points[index - 1] ?? ' ')) index += 1;
  return index < points.length ? index : from;
}

function previousWordEnd(points: string[], to: number, floor: number): number {
  let index = to;
  while (index > floor && !/\s/u.test(points[index] ?? ' ')) index -= 1;
  while (index > floor && /\s/u.test(points[index - 1])) index -= 1;
  return index > floor ? index : to;
}
