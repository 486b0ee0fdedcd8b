import { changesFigureMarks, changesFigures } from './figures';
import { Anchor, CONTEXT_LENGTH } from './anchor';
import { candidateEdits, OldPassage, ScoredCandidate, scoreCandidate } from './candidate-score';
import { codePointLength } from './code-points';
import { trimContext } from './context';
import { findCandidateSpans, Span } from './fuzzy-search';
import { normaliseForMatching } from './normalise';
import { WordEdit } from './similarity';
import { indexText, TextIndex } from './text-index';
import { wordsOf } from './words';
import { snapToWholeUnits, wholeEdgesOf, WholeEdges } from './whole-units';

/** How an old passage was found in the new version of its article. */
export type ReanchorStatus = 'EXACT' | 'FUZZY' | 'ORPHANED';

/** The passage's place in the new text (`anchor`), how sure that is, and why, in words. */
export interface ReanchorResult {
  status: ReanchorStatus;
  /** 1 for EXACT, the weighted score in [FUZZY_THRESHOLD, 1) for FUZZY, 0 for ORPHANED. */
  score: number;
  anchor: Anchor | null;
  reason: string | null;
  /** a FUZZY match whose changed words include a figure or a date (figures.ts); else false */
  figuresChanged: boolean;
}

/** A fuzzy candidate is accepted when its weighted score reaches this… */
export const FUZZY_THRESHOLD = 0.75;
/** …and its quote alone is at least this similar, so a passage never moves to another sentence. */
export const MIN_QUOTE_SIMILARITY = 0.7;
/**
 * An exact occurrence of the quote is EXACT when the mean prefix/suffix similarity reaches this, or
 * when it is the only occurrence and the quote is at least CONTEXT_LENGTH code points long (too long
 * to recur by chance). Otherwise it competes with the fuzzy candidates.
 */
export const EXACT_CONTEXT_MIN = 0.5;

/**
 * Finds an old passage (an anchor into the previous version of an article) in `newText`.
 * - EXACT (score 1): the quote occurs unchanged (up to invisible differences) and its context
 *   agrees, or it is long and unique; among several occurrences the one with the most similar
 *   context, then the closest to the old position, wins.
 * - FUZZY (score in [FUZZY_THRESHOLD, 1)): the best near match (see candidate-score.ts) reaches
 *   FUZZY_THRESHOLD, its quote similarity MIN_QUOTE_SIMILARITY, and no negation word was added or
 *   removed ("no deal" → "a deal" says the opposite, however similar the letters).
 * - ORPHANED (score 0, anchor null) otherwise.
 * `reason` says why in words. The index of `newText` is cached, so re-anchoring many passages onto
 * one text normalises and indexes it once.
 */
export function reanchor(passage: Anchor, newText: string): ReanchorResult {
  const quote = trimContext(normaliseForMatching(passage.exact));
  const old: OldPassage = {
    anchor: passage,
    quote,
    words: wordsOf(quote),
    prefix: trimContext(normaliseForMatching(passage.prefix)),
    suffix: trimContext(normaliseForMatching(passage.suffix)),
  };
  if (old.quote === '') return orphaned('the passage is empty');
  const whole = wholeEdgesOf(
    normaliseForMatching(passage.prefix),
    old.quote,
    normaliseForMatching(passage.suffix),
  );
  const index = indexText(newText);
  const value = index.normalised.value;
  const [occurrences, cutting] = partition(
    index.occurrences(old.quote).map((at) => ({ start: at, end: at + old.quote.length })),
    (span) => isWhole(index, span, whole),
  );
  const exact = occurrences
    .map((span) => scoreCandidate(index, old, span))
    .filter((c): c is ScoredCandidate => c !== null)
    .sort((a, b) => exactRank(b) - exactRank(a));
  if (exact.length > 0) {
    const best = exact[0];
    const context = (best.prefix + best.suffix) / 2;
    const long = codePointLength(passage.exact.trim()) >= CONTEXT_LENGTH;
    if (context >= EXACT_CONTEXT_MIN || (exact.length === 1 && long)) {
      return {
        status: 'EXACT',
        score: 1,
        anchor: best.anchor,
        reason: exactReason(passage, best, exact.length),
        figuresChanged: false,
      };
    }
  }

  let best: ScoredCandidate | undefined = exact.sort(byScore)[0];
  // an occurrence inside a longer word, number or date ("September 1" of "September 15") is a
  // changed passage: it competes as the whole unit
  const spans = cutting.map((span) => snapToWholeUnits(value, span, whole, index.joinsWords));
  for (const span of [...spans, ...findCandidateSpans(index, old.quote, { ...old, whole })]) {
    const candidate = scoreCandidate(index, old, span, best?.score);
    if (candidate && (!best || byScore(candidate, best) < 0)) best = candidate;
  }
  if (!best) return orphaned('the quoted words no longer appear in the new text');
  if (
    best.score >= FUZZY_THRESHOLD &&
    best.quote >= MIN_QUOTE_SIMILARITY &&
    !best.negationChanged
  ) {
    const edits = candidateEdits(old, best);
    return {
      status: 'FUZZY',
      score: Math.min(0.999, round(best.score)),
      anchor: best.anchor,
      reason: fuzzyReason(best, edits),
      figuresChanged: changesFigures(edits) || changesFigureMarks(old.quote, best.text),
    };
  }
  return orphaned(orphanReason(best, candidateEdits(old, best)));
}

/** Whether `span` of the normalised text cuts no unit on the edges that must stay whole. */
function isWhole(index: TextIndex, span: Span, whole: WholeEdges): boolean {
  const snapped = snapToWholeUnits(index.normalised.value, span, whole, index.joinsWords);
  return snapped.start === span.start && snapped.end === span.end;
}

function partition<T>(items: T[], keep: (item: T) => boolean): [T[], T[]] {
  return [items.filter(keep), items.filter((item) => !keep(item))];
}

/** Orders candidates best first: by score, then by quote similarity. */
function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || b.quote - a.quote;
}

/** Ranks exact occurrences: context agreement first, closeness to the old position to break ties. */
function exactRank(c: ScoredCandidate): number {
  return 0.45 * c.prefix + 0.45 * c.suffix + 0.1 * c.position;
}

function orphaned(reason: string): ReanchorResult {
  return { status: 'ORPHANED', score: 0, anchor: null, reason, figuresChanged: false };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function exactReason(passage: Anchor, best: ScoredCandidate, occurrences: number): string | null {
  const notes: string[] = [];
  if (best.anchor.exact !== passage.exact)
    notes.push('matched ignoring whitespace and quotation-mark differences');
  if (occurrences > 1)
    notes.push(
      `the quote occurs ${occurrences} times; chose the one whose surrounding text matches best`,
    );
  if ((best.prefix + best.suffix) / 2 < EXACT_CONTEXT_MIN)
    notes.push('the quote is unchanged but the text around it changed');
  return notes.length > 0 ? notes.join('; ') : null;
}

/** "prefix matches, suffix changed" and the like. */
function describeContext(c: ScoredCandidate): string {
  const prefix = c.prefix >= 0.8;
  const suffix = c.suffix >= 0.8;
  if (prefix && suffix) return 'context matches';
  if (prefix) return 'text before matches, text after changed';
  if (suffix) return 'text after matches, text before changed';
  return 'context changed';
}

function describeEdit(edit: WordEdit): string {
  if (edit.from !== undefined && edit.to !== undefined) return `"${edit.from}" → "${edit.to}"`;
  if (edit.from !== undefined) return `"${edit.from}" removed`;
  return `"${edit.to}" added`;
}

/** "2 words differ ("finalised" → "finalized", "Friday" removed)". */
function describeEdits(edits: WordEdit[] | null): string {
  if (edits === null) return 'many words differ';
  if (edits.length === 0) return 'only punctuation, spacing or letter case differs';
  const count = `${edits.length} word${edits.length === 1 ? '' : 's'} differ${edits.length === 1 ? 's' : ''}`;
  const shown = edits.slice(0, 3).map(describeEdit).join(', ');
  return `${count} (${shown}${edits.length > 3 ? ', …' : ''})`;
}

function fuzzyReason(c: ScoredCandidate, edits: WordEdit[] | null): string {
  if (c.quote === 1 && edits?.length === 0) return `the quote is unchanged; ${describeContext(c)}`;
  return `quote changed: ${describeEdits(edits)}; ${describeContext(c)}`;
}

function orphanReason(c: ScoredCandidate, edits: WordEdit[] | null): string {
  const scored = `best candidate "${shorten(c.anchor.exact)}" scored ${round(c.score).toFixed(2)}`;
  if (c.quote === 1 && edits?.length === 0) {
    return `the quote still occurs, but not in its old context (${scored})`;
  }
  if (c.negationChanged) {
    return `the quote's meaning changed: a negation word was added or removed (${scored}; ${describeEdits(edits)})`;
  }
  if ((c.prefix + c.suffix) / 2 >= 0.8) {
    return `the passage was rewritten: the text around it is unchanged but its words differ (${scored}, quote similarity ${round(c.quote).toFixed(2)})`;
  }
  return `the quoted words no longer appear as they were (${scored}, quote similarity ${round(c.quote).toFixed(2)})`;
}

function shorten(text: string): string {
  const codePoints = Array.from(text.replace(/\s+/g, ' '));
  return codePoints.length <= 60 ? codePoints.join('') : `${codePoints.slice(0, 57).join('')}…`;
}
