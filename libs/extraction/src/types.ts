export type Stance =
  | 'ASSERTS'
  | 'REPORTS'
  | 'CONFIRMS'
  | 'DENIES'
  | 'DISPUTES'
  | 'QUESTIONS'
  | 'DECLINES_TO_COMMENT'
  | 'RETRACTS';

/** A span of the input text in Unicode code points, 0-based, end exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ExtractedAttribution {
  /** Position in the returned list. */
  index: number;
  /** Index of the relaying (outer) attribution, or null. */
  reportedViaIndex: number | null;
  /** Null when no source is stated ("it was reported that …"). */
  source: Span | null;
  cue: Span;
  content: Span;
  stance: Stance;
  /** The resolved name for a pronoun source ("he" → "Javier Milei"), else the source text. */
  sourceName: string | null;
}

/** A span in UTF-16 code units, used inside the library before conversion to code points. */
export interface Range {
  start: number;
  end: number;
}
