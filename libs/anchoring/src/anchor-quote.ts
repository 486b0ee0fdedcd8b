import { Anchor, buildAnchor } from './anchor';
import { AnchoringError, quoteForMessage } from './anchoring.errors';
import {
  prefixMatches,
  prefixSimilarity,
  suffixMatches,
  suffixSimilarity,
  trimContext,
} from './context';
import { nearestMatch } from './nearest-match';
import { normaliseForMatching } from './normalise';
import { indexText, TextIndex } from './text-index';

/** A W3C TextQuoteSelector as a caller gives it: the words, and optionally the words around them. */
export interface QuoteInput {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
}

/**
 * A quote that occurs once is accepted when its given prefix/suffix do not match exactly but are at
 * least this similar to the text around it (the article was lightly edited, or the context was
 * retyped); below it the caller most likely means another place or another article.
 */
export const SINGLE_MATCH_CONTEXT_MIN = 0.5;
/**
 * Among several occurrences none of which has the given context exactly, the one whose context is
 * most similar is chosen only if it is at least this similar…
 */
export const PICK_CONTEXT_MIN = 0.6;
/** …and at least this much more similar than the runner-up. */
export const PICK_CONTEXT_MARGIN = 0.2;

interface Query {
  display: string; // the quote as the person wrote it, trimmed, for messages
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Resolves a quote (with optional prefix/suffix) to the one passage of `text` it designates.
 * Whitespace kinds and lengths, straight vs curly quotation marks and composed vs decomposed
 * accents do not count; offsets and `exact` are taken from `text`. Throws AnchoringError:
 * EMPTY_QUOTE, QUOTE_NOT_FOUND (with `nearest` when something is close) or AMBIGUOUS_QUOTE (with
 * `matchCount`). A unique occurrence whose given context does not fit even loosely
 * (< SINGLE_MATCH_CONTEXT_MIN) is QUOTE_NOT_FOUND: the words are there, but not where the caller says.
 */
export function anchorQuote(text: string, quote: QuoteInput): Anchor {
  const query: Query = {
    display: quote.exact.trim(),
    exact: trimContext(normaliseForMatching(quote.exact)),
    prefix: trimContext(normaliseForMatching(quote.prefix ?? '')),
    suffix: trimContext(normaliseForMatching(quote.suffix ?? '')),
  };
  if (query.exact === '') {
    throw new AnchoringError(
      'EMPTY_QUOTE',
      'The quote is empty; give the exact words of the passage.',
    );
  }
  const index = indexText(text);
  const found = index.occurrences(query.exact);
  if (found.length === 0) throw notFound(index, query);
  const at = chooseOccurrence(index, found, query);
  const span = index.codePointSpan(at, at + query.exact.length);
  return buildAnchor(index.codePoints, span.start, span.end);
}

function notFound(index: TextIndex, query: Query): AnchoringError {
  const nearest = nearestMatch(index, query.exact);
  const quoted = `The quote "${quoteForMessage(query.display)}" does not occur in the article.`;
  if (nearest === null) {
    return new AnchoringError(
      'QUOTE_NOT_FOUND',
      `${quoted} Nothing in it comes close; check the wording and that this is the right article.`,
    );
  }
  return new AnchoringError(
    'QUOTE_NOT_FOUND',
    `${quoted} Nearest match: "${quoteForMessage(nearest)}"`,
    {
      nearest,
    },
  );
}

/** Picks the occurrence (normalised start) the query designates, or throws. */
function chooseOccurrence(index: TextIndex, found: number[], query: Query): number {
  const value = index.normalised.value;
  const length = query.exact.length;
  const { prefix, suffix } = query;
  const fits = (at: number): boolean =>
    (!prefix || prefixMatches(value, at, prefix)) &&
    (!suffix || suffixMatches(value, at + length, suffix));
  const similarity = (at: number): number => {
    const scores: number[] = [];
    if (prefix) scores.push(prefixSimilarity(value, at, prefix));
    if (suffix) scores.push(suffixSimilarity(value, at + length, suffix));
    return scores.reduce((sum, s) => sum + s, 0) / scores.length;
  };
  const quoted = `The quote "${quoteForMessage(query.display)}"`;
  const context = [prefix && 'prefix', suffix && 'suffix'].filter(Boolean).join(' and ');

  if (found.length === 1) {
    const [at] = found;
    if (!context || fits(at) || similarity(at) >= SINGLE_MATCH_CONTEXT_MIN) return at;
    throw new AnchoringError(
      'QUOTE_NOT_FOUND',
      `${quoted} occurs once in the article, but the ${context} given do${context.includes(' and ') ? '' : 'es'} not match the text around it ("${around(index, at, length)}"); correct the ${context} or leave ${context.includes(' and ') ? 'them' : 'it'} out.`,
    );
  }
  const ambiguous = (message: string): AnchoringError =>
    new AnchoringError('AMBIGUOUS_QUOTE', message, { matchCount: found.length });
  const times = `${quoted} occurs ${found.length} times in the article`;
  if (!context) {
    throw ambiguous(
      `${times}; add a prefix or suffix (the words just before or after it) to choose one.`,
    );
  }
  const fitting = found.filter(fits);
  if (fitting.length === 1) return fitting[0];
  if (fitting.length > 1) {
    throw ambiguous(
      `${times} and the ${context} given fit ${fitting.length} of them; give a longer prefix or suffix (more of the words just before or after it) to choose one.`,
    );
  }
  const ranked = found
    .map((at) => ({ at, score: similarity(at) }))
    .sort((a, b) => b.score - a.score);
  if (
    ranked[0].score >= PICK_CONTEXT_MIN &&
    ranked[0].score - ranked[1].score >= PICK_CONTEXT_MARGIN
  ) {
    return ranked[0].at;
  }
  throw ambiguous(
    `${times}, and the ${context} given fit none of them; copy the words just before or after the one you mean.`,
  );
}

/** The stored text around a normalised match, for messages: a few words either side, quote marked. */
function around(index: TextIndex, at: number, length: number): string {
  const { start, end } = index.codePointSpan(at, at + length);
  const cp = index.codePoints;
  const before = cp.slice(Math.max(0, start - 24), start).replace(/\s+/g, ' ');
  const after = cp.slice(end, Math.min(cp.length, end + 24)).replace(/\s+/g, ' ');
  return `…${before}[${cp.slice(start, end)}]${after}…`;
}
