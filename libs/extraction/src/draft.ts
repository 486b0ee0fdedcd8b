import type { Range, Stance } from './types';

/** An attribution found in one sentence, in UTF-16 offsets, before pronouns and nesting. */
export interface Draft {
  sentence: number;
  cue: Range;
  source: Range | null;
  content: Range;
  stance: Stance;
  /** The medium a source spoke to ("told the newspaper"), for nesting. */
  toldMedium: string | null;
  /** A dropped subject ("Dijo además que…"): the source is the nearest earlier one. */
  droppedSubject?: boolean;
}
