// Offsets in Claimtrace are Unicode code points, while JavaScript strings index UTF-16 code units.
// These helpers convert between the two in linear time. A lone (unpaired) surrogate counts as one
// code point, as `Array.from(text)` counts it. They are the project's one implementation: the
// anchoring, the extraction (libs/extraction) and the web page (apps/web) all use them.

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether `text` has a high surrogate at UTF-16 index `i` followed by a low one (one astral character). */
function isPairAt(text: string, i: number): boolean {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
}

/** The number of Unicode code points in `text` (what `Array.from(text).length` gives, without the array). */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * The code points `start` (inclusive) to `end` (exclusive) of `text`, like `String#slice` but counting
 * code points. Offsets are clamped to the text; `end` defaults to the end of the text.
 */
export function sliceCodePoints(
  text: string,
  start: number,
  end = Number.POSITIVE_INFINITY,
): string {
  const from = Math.max(0, start);
  if (end <= from) return '';
  let unitStart = text.length;
  let unitEnd = text.length;
  for (let i = 0, codePoint = 0; i < text.length; i += isPairAt(text, i) ? 2 : 1, codePoint++) {
    if (codePoint === from) unitStart = i;
    if (codePoint === end) {
      unitEnd = i;
      break;
    }
  }
  return text.slice(unitStart, unitEnd);
}

/** Whether the UTF-16 unit at `i` is a surrogate that is not half of a well-formed pair. */
export function isLoneSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (isHigh(unit)) return !(i + 1 < text.length && isLow(text.charCodeAt(i + 1)));
  if (isLow(unit)) return !(i > 0 && isHigh(text.charCodeAt(i - 1)));
  return false;
}

/**
 * Converts between UTF-16 indexes and code-point offsets of one text in O(1) per lookup. The tables
 * are built once, in linear time, and only when the text has astral characters (emoji, flags, some
 * CJK); otherwise both offsets are the same number.
 */
export class CodePointIndex {
  /** Length of the text in code points. */
  readonly length: number;
  private readonly unitOfCodePoint: Uint32Array | null;
  private readonly codePointOfUnit: Uint32Array | null;

  constructor(readonly text: string) {
    if (!/[\ud800-\udbff][\udc00-\udfff]/.test(text)) {
      this.length = text.length;
      this.unitOfCodePoint = null;
      this.codePointOfUnit = null;
      return;
    }
    const unitOfCodePoint = new Uint32Array(text.length + 1);
    const codePointOfUnit = new Uint32Array(text.length + 1);
    let codePoint = 0;
    for (let i = 0; i < text.length; i++, codePoint++) {
      unitOfCodePoint[codePoint] = i;
      codePointOfUnit[i] = codePoint;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) codePointOfUnit[++i] = codePoint;
      }
    }
    unitOfCodePoint[codePoint] = text.length;
    codePointOfUnit[text.length] = codePoint;
    this.length = codePoint;
    this.unitOfCodePoint = unitOfCodePoint.subarray(0, codePoint + 1);
    this.codePointOfUnit = codePointOfUnit;
  }

  /** The UTF-16 index where code point `codePoint` starts (`0 ≤ codePoint ≤ length`). */
  toUnit(codePoint: number): number {
    return this.unitOfCodePoint ? this.unitOfCodePoint[codePoint] : codePoint;
  }

  /** The code-point offset of UTF-16 index `unit`; an index inside a surrogate pair gives the pair's offset. */
  toCodePoint(unit: number): number {
    return this.codePointOfUnit ? this.codePointOfUnit[unit] : unit;
  }

  /** Code points `start` to `end` of the text (both already within `0…length`). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}
