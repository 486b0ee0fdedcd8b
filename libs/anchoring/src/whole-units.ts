import { isMonth, isScale } from './date-words';
import { isWordCodePoint } from './words';

// A re-anchored passage begins and ends between units of meaning, never inside one: a word
// ("Milei", "Argentina's"), a number ("580", "580,000", "1.5", "15%"), a number with its scale
// ("580 million", "15 percent"), a date ("September 15", "September 15, 2026", "15 September",
// "15 de septiembre") or a name of capitalised words ("Javier Milei", "New York Times"). Works on
// the normalised text (one space between words, straight quotes), in UTF-16 units.

/** A span of a normalised text, `[start, end)`. */
export interface UnitSpan {
  start: number;
  end: number;
}

/**
 * What an edge of a span must not cut: `unit` (a word, number, date or name), `word` (a word or a
 * number only: the old passage stopped inside a date or name, say "58" of "58 million") or `none`
 * (the old passage itself stopped inside a word).
 */
export type Wholeness = 'unit' | 'word' | 'none';

/** What each edge of a span must not cut. */
export interface WholeEdges {
  start: Wholeness;
  end: Wholeness;
}

/** Joins a number's digit groups ("580,000", "1.5") and nothing else. */
const NUMBER_JOINERS = new Set([0x2c, 0x2e]);
/** Written right before a number and part of it ("$580", "€15"). */
const CURRENCY = /^[$€£¥₱₹]$/u;
/** How far a unit may grow a span, in steps: a name or a date is a few words long. */
const MAX_STEPS = 6;

/** The code point that ends right before UTF-16 index `at` (NaN at the start). */
function codePointBefore(value: string, at: number): number {
  if (at <= 0) return NaN;
  const low = value.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = value.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return value.codePointAt(at - 2)!;
  }
  return low;
}

const isWordAt = (value: string, at: number): boolean =>
  at < value.length && isWordCodePoint(value.codePointAt(at)!);
const isWordBefore = (value: string, at: number): boolean =>
  at > 0 && isWordCodePoint(codePointBefore(value, at));
const isDigit = (unit: number): boolean => unit >= 0x30 && unit <= 0x39;

/** The word starting at `at` (letters, digits, marks, inner apostrophes), or '' when none does. */
function wordFrom(value: string, at: number): string {
  let end = at;
  while (end < value.length) {
    if (isWordAt(value, end)) end += value.codePointAt(end)! > 0xffff ? 2 : 1;
    else if (value[end] === "'" && end > at && isWordAt(value, end + 1)) end++;
    else break;
  }
  return value.slice(at, end);
}

/** The word ending at `at`, or ''. */
function wordUntil(value: string, at: number): string {
  let start = at;
  while (start > 0) {
    if (isWordBefore(value, start)) start -= codePointBefore(value, start) > 0xffff ? 2 : 1;
    else if (value[start - 1] === "'" && start < at && isWordBefore(value, start - 1)) start--;
    else break;
  }
  return value.slice(start, at);
}

const isNumber = (word: string): boolean => /^\d+$/.test(word);
const isDay = (word: string): boolean => /^\d{1,2}$/.test(word);
const isYear = (word: string): boolean => /^\d{4}$/.test(word);
const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Whether the words `left` and `right`, one space apart, belong to one unit. */
function bound(left: string, right: string): boolean {
  return (
    (isNumber(left) && isScale(right)) ||
    (isMonth(left) && (isDay(right) || isYear(right))) ||
    (isDay(left) && isMonth(right)) ||
    (isCapitalised(left) && isCapitalised(right) && !isNumber(left) && !isNumber(right))
  );
}

/**
 * Whether the space at normalised index `at` may join two words into one unit: a line break (a
 * heading above a paragraph) separates units even though it normalises to a space.
 */
export type SpaceJoins = (at: number) => boolean;
const ALWAYS: SpaceJoins = () => true;

/** One step of growing the end over the rest of a unit, or the same end when nothing is cut. */
function growEnd(value: string, end: number, level: Wholeness, joins: SpaceJoins): number {
  if (end >= value.length || end === 0 || level === 'none') return end;
  if (isWordBefore(value, end) && isWordAt(value, end)) return end + wordFrom(value, end).length;
  const before = value.charCodeAt(end - 1);
  const at = value.charCodeAt(end);
  if (isDigit(before) && NUMBER_JOINERS.has(at) && isDigit(value.charCodeAt(end + 1))) {
    return end + 1 + wordFrom(value, end + 1).length;
  }
  if (isDigit(before) && value[end] === '%') return end + 1;
  if (value[end] === "'" && isWordBefore(value, end) && isWordAt(value, end + 1)) {
    return end + 1 + wordFrom(value, end + 1).length;
  }
  const left = wordUntil(value, end);
  if (left === '' || level === 'word') return end;
  if (at === 0x20 && joins(end)) {
    const right = wordFrom(value, end + 1);
    if (right !== '' && bound(left, right)) return end + 1 + right.length;
    // "15 de septiembre"
    if (isDay(left) && right.toLowerCase() === 'de') {
      const month = wordFrom(value, end + 4);
      if (value[end + 3] === ' ' && isMonth(month)) return end + 4 + month.length;
    }
  }
  // "September 15, 2026"
  if (at === 0x2c && value[end + 1] === ' ' && isDay(left)) {
    const year = wordFrom(value, end + 2);
    const month = wordUntil(value, end - left.length - 1);
    if (isYear(year) && value[end - left.length - 1] === ' ' && isMonth(month)) {
      return end + 2 + year.length;
    }
  }
  return end;
}

/** One step of growing the start back over the rest of a unit, or the same start. */
function growStart(value: string, start: number, level: Wholeness, joins: SpaceJoins): number {
  if (start <= 0 || start >= value.length || level === 'none') return start;
  if (isWordBefore(value, start) && isWordAt(value, start)) {
    return start - wordUntil(value, start).length;
  }
  const at = value.charCodeAt(start);
  const before = value.charCodeAt(start - 1);
  if (isDigit(at) && NUMBER_JOINERS.has(before) && isDigit(value.charCodeAt(start - 2))) {
    return start - 1 - wordUntil(value, start - 1).length;
  }
  if (isDigit(at) && CURRENCY.test(value[start - 1])) return start - 1;
  if (value[start - 1] === "'" && isWordAt(value, start) && isWordBefore(value, start - 1)) {
    return start - 1 - wordUntil(value, start - 1).length;
  }
  const right = wordFrom(value, start);
  if (right === '' || before !== 0x20 || level === 'word' || !joins(start - 1)) return start;
  const left = wordUntil(value, start - 1);
  if (left !== '' && bound(left, right)) return start - 1 - left.length;
  // "15 de septiembre"
  if (isMonth(right) && left.toLowerCase() === 'de' && value[start - 4] === ' ') {
    const day = wordUntil(value, start - 4);
    if (isDay(day)) return start - 4 - day.length;
  }
  return start;
}

/**
 * `span` grown until neither edge (of those `edges` names) is inside a unit. Linear in the growth:
 * each step moves an edge over at least one character, and a span grows by at most MAX_STEPS units
 * on each side (a run of capitalised words does not swallow a whole headline).
 */
export function snapToWholeUnits(
  value: string,
  span: UnitSpan,
  edges: WholeEdges = { start: 'unit', end: 'unit' },
  joins: SpaceJoins = ALWAYS,
): UnitSpan {
  let { start, end } = span;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = growEnd(value, end, edges.end, joins);
    if (next === end) break;
    end = next;
  }
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = growStart(value, start, edges.start, joins);
    if (next === start) break;
    start = next;
  }
  return { start, end };
}

/**
 * How whole each edge of a passage is in the text it was taken from (`before` + `quote` + `after`,
 * all normalised): the passage found again must be at least as whole. An old passage that began
 * inside a name ("Milei" of "Javier Milei") may begin there again, but not inside a word.
 */
export function wholeEdgesOf(before: string, quote: string, after: string): WholeEdges {
  const value = before + quote + after;
  const start = before.length;
  const end = before.length + quote.length;
  const levels: Wholeness[] = ['unit', 'word'];
  return {
    start: levels.find((level) => growStart(value, start, level, ALWAYS) === start) ?? 'none',
    end: levels.find((level) => growEnd(value, end, level, ALWAYS) === end) ?? 'none',
  };
}
