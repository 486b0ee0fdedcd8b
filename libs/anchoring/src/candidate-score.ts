import { Anchor, buildAnchor } from './anchor';
import { prefixSimilarity, suffixSimilarity } from './context';
import { Span } from './fuzzy-search';
import { quoteSimilarity, wordEdits, WordEdit, wordSimilarity } from './similarity';
import { wordsAsWritten, wordsOf } from './words';
import { TextIndex } from './text-index';

// Scores a span of a new text as the new place of an old passage.

/** Weights of the overall score; the quote dominates. */
export const SCORE_WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, position: 0.1 } as const;
/** Subtracted from quote similarity when a negation word was added or removed ("no deal" → "a deal"). */
export const NEGATION_PENALTY = 0.25;

const NEGATIONS = new Set([
  // English
  'no',
  'not',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
  'without',
  // Spanish
  'nunca',
  'jamás',
  'ni',
  'ningún',
  'ninguno',
  'ninguna',
  'nada',
  'nadie',
  'tampoco',
  'sin',
  // Portuguese
  'não',
  'nem',
  'nenhum',
  'nenhuma',
  'ninguém',
  'sem',
]);

function negationCount(words: readonly string[]): number {
  return words.filter((word) => NEGATIONS.has(word) || word.endsWith("n't")).length;
}

/** An old passage, normalised for comparison. */
export interface OldPassage {
  anchor: Anchor;
  quote: string;
  /** The quote's lower-cased words. */
  words: string[];
  prefix: string;
  suffix: string;
}

/** A span of the new text scored against the old passage. All similarities are in [0, 1]. */
export interface ScoredCandidate {
  anchor: Anchor;
  /** Quote similarity after the negation penalty. */
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
  /** Weighted mix of the four above. */
  score: number;
  /** The normalised text of the candidate. */
  text: string;
  negationChanged: boolean;
}

/**
 * Scores the normalised span `span` of `index` against `old`. Null when the span cannot be an
 * anchor (it would begin or end on a broken character), or cannot beat `toBeat`: the cheap parts
 * (context, position, words) are scored first, and the character edit distance only if needed.
 */
export function scoreCandidate(
  index: TextIndex,
  old: OldPassage,
  span: Span,
  toBeat = Number.NEGATIVE_INFINITY,
): ScoredCandidate | null {
  const value = index.normalised.value;
  const { start, end } = index.codePointSpan(span.start, span.end);
  const text = value.slice(span.start, span.end);
  const words = wordsOf(text);
  const negationChanged = negationCount(old.words) !== negationCount(words);
  const penalty = negationChanged ? NEGATION_PENALTY : 0;
  const prefix = old.prefix
    ? prefixSimilarity(value, span.start, old.prefix)
    : edgeSimilarity(span.start === 0 || value.slice(0, span.start) === ' ');
  const suffix = old.suffix
    ? suffixSimilarity(value, span.end, old.suffix)
    : edgeSimilarity(span.end === value.length || value.slice(span.end) === ' ');
  const shift = Math.abs(start - old.anchor.start);
  const position = 1 - Math.min(1, shift / Math.max(1, index.codePoints.length));
  const rest =
    SCORE_WEIGHTS.prefix * prefix +
    SCORE_WEIGHTS.suffix * suffix +
    SCORE_WEIGHTS.position * position;
  // quote similarity is the mean of character and word similarity: at most (1 + words) / 2
  const atMost =
    SCORE_WEIGHTS.quote * Math.max(0, (1 + wordSimilarity(old.words, words)) / 2 - penalty) + rest;
  if (atMost < toBeat) return null;

  let anchor: Anchor;
  try {
    anchor = buildAnchor(index.codePoints, start, end);
  } catch {
    return null;
  }
  const quote = Math.max(0, quoteSimilarity(old.quote, text, old.words, words) - penalty);
  const score = SCORE_WEIGHTS.quote * quote + rest;
  return { anchor, quote, prefix, suffix, position, score, text, negationChanged };
}

/**
 * An old passage at the very start (no prefix) or end (no suffix) of its text: still at the edge is
 * full agreement; text added beyond that edge is neither agreement nor disagreement.
 */
function edgeSimilarity(stillAtEdge: boolean): number {
  return stillAtEdge ? 1 : 0.5;
}

/** Word edits from the old quote to a candidate's text (null if too long to list). */
export function candidateEdits(old: OldPassage, candidate: ScoredCandidate): WordEdit[] | null {
  if (candidate.text === old.quote) return [];
  return wordEdits(wordsAsWritten(old.quote), wordsAsWritten(candidate.text));
}
