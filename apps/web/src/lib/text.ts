// Passage offsets count Unicode code points (0-based, end exclusive); JavaScript strings index
// UTF-16 units. These helpers convert between the two and cut an article into highlight segments.

/** The UTF-16 index of code point `cp` in `text` (clamped to the text's length). */
export function codePointToUtf16(text: string, cp: number): number {
  let units = 0;
  let points = 0;
  while (points < cp && units < text.length) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points += 1;
  }
  return units;
}

/** The number of code points in the first `units` UTF-16 units of `text`. */
export function utf16ToCodePoint(text: string, units: number): number {
  return Array.from(text.slice(0, units)).length;
}

/** The passage text between code points `start` and `end`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** code-point offset of the segment in the article */
  start: number;
  /** ids of the spans covering this segment (empty: plain text) */
  spanIds: string[];
}

/**
 * Cuts `text` at every span boundary so that overlapping spans can each be highlighted: every
 * segment lists the spans that cover it. Spans out of range are clamped; empty ones are ignored.
 */
export function segmentText(text: string, spans: Span[]): Segment[] {
  const length = Array.from(text).length;
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i += 1) {
    const start = sorted[i];
    const end = sorted[i + 1];
    segments.push({
      text: sliceCodePoints(text, start, end),
      start,
      spanIds: valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    });
  }
  return segments;
}
