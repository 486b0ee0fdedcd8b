// String and word similarity used to rank near matches. All scores are in [0, 1], 1 meaning equal.

import { wordsOf } from './words';

/** Characters (UTF-16 units) or words as integers, so the DP compares numbers, not strings. */
function toCodes(
  a: string | readonly string[],
  b: string | readonly string[],
): [Int32Array, Int32Array] {
  if (typeof a === 'string' && typeof b === 'string') {
    const codes = (s: string): Int32Array => {
      const out = new Int32Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    };
    return [codes(a), codes(b)];
  }
  const ids = new Map<string, number>();
  const codes = (items: string | readonly string[]): Int32Array =>
    Int32Array.from(typeof items === 'string' ? [items] : items, (item) => {
      let id = ids.get(item);
      if (id === undefined) ids.set(item, (id = ids.size));
      return id;
    });
  return [codes(a), codes(b)];
}

/** Edit distance (insertions, deletions, substitutions) between two strings or two word lists. */
export function editDistance(a: string | readonly string[], b: string | readonly string[]): number {
  let [long, short] = toCodes(a, b);
  if (long.length < short.length) [long, short] = [short, long];
  const m = short.length;
  if (m === 0) return long.length;
  let previous = new Uint32Array(m + 1);
  let current = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= long.length; i++) {
    current[0] = i;
    const code = long[i - 1];
    for (let j = 1; j <= m; j++) {
      const substitute = previous[j - 1] + (code === short[j - 1] ? 0 : 1);
      const other = (previous[j] < current[j - 1] ? previous[j] : current[j - 1]) + 1;
      current[j] = substitute < other ? substitute : other;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[m];
}

/** Above this many DP cells, character similarity falls back to bigram overlap (linear time). */
const MAX_EDIT_CELLS = 4_000_000;

/** 1 − edit distance / longer length; bigram overlap for very long strings. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length * b.length > MAX_EDIT_CELLS) return bigramSimilarity(a, b);
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/** 1 − word edit distance / longer word count. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/** Sørensen–Dice coefficient of the character bigrams of two strings. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const bigram = a.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const bigram = b.slice(i, i + 2);
    const count = counts.get(bigram) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(bigram, count - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** One word-level difference: a word replaced (`from` and `to`), removed (`from`) or added (`to`). */
export interface WordEdit {
  from?: string;
  to?: string;
}

/** Above this many DP cells, `wordEdits` gives up on listing the edits. */
const MAX_EDIT_LIST_CELLS = 1_000_000;

/**
 * The word edits turning `a` into `b` (words compared case-insensitively, reported as written), or
 * null when the texts are too long to list them cheaply.
 */
export function wordEdits(a: readonly string[], b: readonly string[]): WordEdit[] | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_EDIT_LIST_CELLS) return null;
  const [codesA, codesB] = toCodes(
    a.map((w) => w.toLowerCase()),
    b.map((w) => w.toLowerCase()),
  );
  const same = (i: number, j: number): boolean => codesA[i] === codesB[j];
  const d = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = 0; i <= n; i++) d[at(i, 0)] = i;
  for (let j = 0; j <= m; j++) d[at(0, j)] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[at(i, j)] = Math.min(
        d[at(i - 1, j - 1)] + (same(i - 1, j - 1) ? 0 : 1),
        d[at(i - 1, j)] + 1,
        d[at(i, j - 1)] + 1,
      );
    }
  }
  const edits: WordEdit[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[at(i, j)] === d[at(i - 1, j - 1)] + (same(i - 1, j - 1) ? 0 : 1)) {
      if (!same(i - 1, j - 1)) edits.push({ from: a[i - 1], to: b[j - 1] });
      i--;
      j--;
    } else if (i > 0 && d[at(i, j)] === d[at(i - 1, j)] + 1) {
      edits.push({ from: a[--i] });
    } else {
      edits.push({ to: b[--j] });
    }
  }
  return edits.reverse();
}

/**
 * How alike two normalised quotes are: the mean of character similarity (catches typos, case and
 * punctuation) and word similarity (a changed word weighs the same in a short or a long word).
 * Pass the lower-cased words when they are already known.
 */
export function quoteSimilarity(
  a: string,
  b: string,
  aWords = wordsOf(a),
  bWords = wordsOf(b),
): number {
  return (stringSimilarity(a, b) + wordSimilarity(aWords, bWords)) / 2;
}
