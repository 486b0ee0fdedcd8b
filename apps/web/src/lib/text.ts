// Passage offsets count Unicode code points (0-based, end exclusive); JavaScript strings index
// UTF-16 units. The conversion is the anchoring library's (one implementation for the API and the
// page); this file cuts an article into highlight segments.
import { CodePointIndex } from '@claimtrace/anchoring';

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
  const codePoints = new CodePointIndex(text);
  const length = codePoints.length;
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
      text: codePoints.slice(start, end),
      start,
      spanIds: valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    });
  }
  return segments;
}
