/**
 * Content detection: what was said, around a cue and its source. Token ranges are within one
 * sentence; a content that opens or closes a quote grows to the whole quote, which may span
 * sentences.
 */
import { TIME_WORDS } from './lexicon/words';
import type { TokenRange } from './sources';
import type { Token } from './text/tokens';
import type { Range } from './types';

const CLOSING_QUOTES = new Set(['”', '"', '’', "'"]);
const OPENING_QUOTES = new Set(['“', '"', '‘']);
const TRAILING = /[\s.,;:!?—–-]+$/;
const RECIPIENT_VERBS = new Set([
  'tell',
  'assure',
  'inform',
  'remind',
  'warn',
  'ask',
  'urge',
  'promise',
]);

export interface ContentContext {
  text: string;
  tokens: Token[];
  quotes: Range[];
  /** First token that may belong to this content (after an earlier attribution's frame). */
  floor: number;
  /** A quote that closes just before the sentence (`“…?” Clinton said.` split after "?”"). */
  leadingQuote?: Range;
}

/** Binary search over quotes sorted by start (quotes never overlap, so ends are sorted too). */
function search(quotes: Range[], offset: number, key: 'start' | 'end'): Range | undefined {
  let low = 0;
  let high = quotes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = quotes[mid][key];
    if (value === offset) return quotes[mid];
    if (value < offset) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

export const quoteStartingAt = (quotes: Range[], offset: number): Range | undefined =>
  search(quotes, offset, 'start');

export const quoteEndingAt = (quotes: Range[], offset: number): Range | undefined =>
  search(quotes, offset, 'end');

/** A range of tokens as text offsets, without trailing punctuation (closing quotes kept). */
export function tokensToRange(
  context: ContentContext,
  first: number,
  last: number,
): Range | undefined {
  if (first > last) return undefined;
  const { tokens, text, quotes } = context;
  const start = tokens[first].start;
  let end = tokens[last].end;
  const opening = OPENING_QUOTES.has(tokens[first].text)
    ? quoteStartingAt(quotes, start)
    : undefined;
  if (opening && opening.end > end) end = opening.end;
  while (end > start && TRAILING.test(text.slice(end - 1, end))) end--;
  const closing = quoteEndingAt(quotes, end);
  const from =
    closing && closing.start < start && CLOSING_QUOTES.has(text[end - 1]) ? closing.start : start;
  if (end <= from) return undefined;
  return { start: from, end };
}

/** Skips a recipient ("told the newspaper"), time words ("said Friday") and "in a statement". */
function contentStartAfter(tokens: Token[], from: number, lemma: string): number {
  // "said on Friday in a statement that …": jump to a nearby "that".
  for (let k = from; k < Math.min(tokens.length, from + 9); k++) {
    if (tokens[k].lower === 'that') return k;
    if (!tokens[k].isWord && tokens[k].text !== '.') break;
  }
  let k = from;
  if (RECIPIENT_VERBS.has(lemma)) {
    while (k < tokens.length && tokens[k].isWord && k - from < 4) {
      const token = tokens[k];
      if (
        k > from &&
        !token.isCapitalized &&
        !/^(?:the|a|an)$/.test(tokens[k - 1].lower) &&
        token.lower !== 'reporters'
      )
        break;
      k++;
      if (
        token.lower === 'reporters' ||
        token.lower === 'him' ||
        token.lower === 'her' ||
        token.lower === 'them' ||
        token.lower === 'us' ||
        token.lower === 'me'
      )
        break;
    }
  }
  while (
    k < tokens.length &&
    (TIME_WORDS.has(tokens[k].lower) ||
      /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(tokens[k].text))
  ) {
    k++;
  }
  while (k < tokens.length && (tokens[k].text === ',' || tokens[k].text === ':')) k++;
  return k;
}

const wordCount = (tokens: Token[], first: number, last: number): number => {
  let count = 0;
  for (let k = first; k <= last; k++) if (tokens[k].isWord) count++;
  return count;
};

/**
 * The content of a verb cue. `frameFirst`/`frameLast` cover the cue and its source, whichever
 * comes first.
 */
export function contentAroundCue(
  context: ContentContext,
  frameFirst: number,
  frameLast: number,
  lemma: string,
): Range | undefined {
  const { tokens } = context;
  const last = tokens.length - 1;
  const afterStart = contentStartAfter(tokens, frameLast + 1, lemma);
  const hasAfter = afterStart <= last && wordCount(tokens, afterStart, last) >= 2;
  let beforeEnd = frameFirst - 1;
  while (
    beforeEnd >= context.floor &&
    (tokens[beforeEnd].text === ',' || tokens[beforeEnd].text === '—')
  )
    beforeEnd--;
  const hasBefore = beforeEnd >= context.floor && wordCount(tokens, context.floor, beforeEnd) >= 1;
  const commaBefore = frameFirst > 0 && tokens[frameFirst - 1].text === ',';
  const commaAfter = tokens[frameLast + 1]?.text === ',';

  if (hasBefore && hasAfter && commaBefore && commaAfter) {
    // "Climate change, Mr. Obama often says, is the greatest threat."
    return tokensToRange(context, context.floor, last);
  }
  if (
    hasAfter &&
    !(
      hasBefore &&
      CLOSING_QUOTES.has(tokens[beforeEnd].text) &&
      !OPENING_QUOTES.has(tokens[afterStart].text)
    )
  ) {
    return tokensToRange(context, afterStart, last);
  }
  if (hasBefore) {
    const closing = tokens[beforeEnd];
    if (CLOSING_QUOTES.has(closing.text)) {
      const quote = quoteEndingAt(context.quotes, closing.end);
      if (quote) return { start: quote.start, end: quote.end };
    }
    return tokensToRange(context, context.floor, beforeEnd);
  }
  if (context.leadingQuote && context.floor === 0) return context.leadingQuote;
  if (afterStart <= last && wordCount(tokens, afterStart, last) >= 1)
    return tokensToRange(context, afterStart, last);
  return undefined;
}

/** "CONTENT, according to X." or "According to X, CONTENT." */
export function contentOfAccording(
  context: ContentContext,
  cue: TokenRange,
  source: TokenRange | undefined,
): Range | undefined {
  const { tokens } = context;
  let beforeEnd = cue.first - 1;
  while (
    beforeEnd >= context.floor &&
    !tokens[beforeEnd].isWord &&
    !CLOSING_QUOTES.has(tokens[beforeEnd].text)
  )
    beforeEnd--;
  if (beforeEnd >= context.floor && wordCount(tokens, context.floor, beforeEnd) >= 2) {
    const closing = tokens[beforeEnd];
    if (CLOSING_QUOTES.has(closing.text)) {
      const quote = quoteEndingAt(context.quotes, closing.end);
      if (quote) return { start: quote.start, end: quote.end };
    }
    return tokensToRange(context, context.floor, beforeEnd);
  }
  let start = (source ? source.last : cue.last) + 1;
  while (start < tokens.length && !tokens[start].isWord && !OPENING_QUOTES.has(tokens[start].text))
    start++;
  return tokensToRange(context, start, tokens.length - 1);
}
