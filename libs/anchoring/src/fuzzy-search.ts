import { isBoundary } from './normalise';
import { editDistance } from './similarity';
import { forEachWord, isWordCodePoint, wordsOf } from './words';
import { TextIndex } from './text-index';
import { snapToWholeUnits, WholeEdges } from './whole-units';

// Finds the stretches of a text that look most like a query, without scanning the text once per
// query position. Candidates are seeded from where the query's rarer words (and the words of its
// prefix and suffix) occur, then each seed region is aligned word by word with the query to find
// the best-matching span. Short queries with no word in common with the text (a typo in a single
// word) fall back to one linear pass of bit-parallel approximate character matching.

/** A span of the normalised text, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Words occurring more often than this are not used as seeds (unless no rarer word exists). */
const MAX_POSTINGS = 256;
/** At most this many seed regions are aligned per query. */
const MAX_SEEDS = 6;
/** Words of context used as seeds on each side. */
const CONTEXT_SEED_WORDS = 3;
/** At most this many words are taken back at each edge of an aligned span (growToQueryEdges). */
const MAX_EDGE_GROWTH = 4;
/** Queries up to this many characters (one machine word of bits) may fall back to a character scan. */
const MAX_CHARACTER_QUERY = 32;
/** At most this many character matches (the closest) are returned. */
const MAX_CHARACTER_ENDS = 32;

/**
 * Sellers' approximate-substring alignment: the span `[start, end)` of `text[from…to)` with the
 * smallest edit distance to the whole `pattern` (ties go to the span closest in length, then the
 * earliest). Works on sequences of characters or of words.
 */
export function alignSubstring(
  pattern: ArrayLike<string>,
  text: ArrayLike<string>,
  from: number,
  to: number,
): Span & { cost: number } {
  const m = pattern.length;
  let cost = new Uint32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextCost = new Uint32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    start[i] = from;
  }
  let best = { start: from, end: from, cost: m };
  for (let j = from + 1; j <= to; j++) {
    nextCost[0] = 0;
    nextStart[0] = j;
    const unit = text[j - 1];
    for (let i = 1; i <= m; i++) {
      let c = cost[i - 1] + (pattern[i - 1] === unit ? 0 : 1);
      let s = start[i - 1];
      if (cost[i] + 1 < c) {
        c = cost[i] + 1;
        s = start[i];
      }
      if (nextCost[i - 1] + 1 < c) {
        c = nextCost[i - 1] + 1;
        s = nextStart[i - 1];
      }
      nextCost[i] = c;
      nextStart[i] = s;
    }
    const c = nextCost[m];
    const s = nextStart[m];
    if (
      c < best.cost ||
      (c === best.cost && Math.abs(j - s - m) < Math.abs(best.end - best.start - m))
    ) {
      best = { start: s, end: j, cost: c };
    }
    const spareCost = cost;
    cost = nextCost;
    nextCost = spareCost;
    const spareStart = start;
    start = nextStart;
    nextStart = spareStart;
  }
  return best;
}

/** Adds `weight` votes for the query starting at word `wordStart`. */
function vote(votes: Map<number, number>, wordStart: number, weight = 1): void {
  votes.set(wordStart, (votes.get(wordStart) ?? 0) + weight);
}

/** Posting lists of `words` usable as seeds: the rare ones, or the rarest one if all are common. */
function seedPostings(index: TextIndex, words: readonly string[]): (number[] | null)[] {
  const { postings } = index.words();
  const lists = words.map((word) => postings.get(word) ?? null);
  if (lists.some((list) => list !== null && list.length <= MAX_POSTINGS)) {
    return lists.map((list) => (list && list.length <= MAX_POSTINGS ? list : null));
  }
  let rarest = -1;
  lists.forEach((list, k) => {
    if (list && (rarest < 0 || list.length < lists[rarest]!.length)) rarest = k;
  });
  return lists.map((list, k) => (k === rarest ? list : null));
}

/** Grows `[start, end)` over the punctuation the query has before its first and after its last word. */
function extendOverPunctuation(value: string, query: string, span: Span): Span {
  let first = -1;
  let last = -1;
  forEachWord(query, (start, end) => {
    if (first < 0) first = start;
    last = end;
  });
  if (first < 0) return span;
  const lead = query.slice(0, first);
  const trail = query.slice(last);
  let { start, end } = span;
  for (let k = lead.length - 1; k >= 0 && start > 0 && value[start - 1] === lead[k]; k--) start--;
  for (let k = 0; k < trail.length && end < value.length && value[end] === trail[k]; k++) end++;
  return { start, end };
}

/** What besides the query guides the search. */
export interface SearchContext {
  /** The passage's prefix and suffix (normalised): they seed too. */
  prefix?: string;
  suffix?: string;
  /** Edges of each span that must not cut a word, number, date or name (see whole-units.ts). */
  whole?: WholeEdges;
}

/**
 * Grows an aligned word span `[start, end)` by the text words that stand where the query's first
 * or last words were dropped, as long as that costs no more edits: the alignment drops an edited
 * edge word ("… by September 15" against "… by September 1") as readily as it substitutes it, and
 * the passage must carry the changed word, not lose it.
 */
function growToQueryEdges(query: readonly string[], words: readonly string[], span: Span): Span {
  let { start, end } = span;
  const cost = (from: number, to: number): number => editDistance(query, words.slice(from, to));
  let current = cost(start, end);
  // a few words each way: an edited edge is a word or a date, and each step costs an alignment
  const lastEnd = Math.min(words.length, end + MAX_EDGE_GROWTH);
  const firstStart = Math.max(0, start - MAX_EDGE_GROWTH);
  while (end < lastEnd && words[end - 1] !== query[query.length - 1]) {
    const grown = cost(start, end + 1);
    if (grown > current) break;
    end++;
    current = grown;
  }
  while (start > firstStart && words[start] !== query[0]) {
    const grown = cost(start - 1, end);
    if (grown > current) break;
    start--;
    current = grown;
  }
  return { start, end };
}

/**
 * Spans of the indexed text that resemble `query` (normalised), best seeds first. `prefix` and
 * `suffix` (normalised) also seed: they find where the passage was even if its words changed.
 */
export function findCandidateSpans(
  index: TextIndex,
  query: string,
  context: SearchContext = {},
): Span[] {
  const queryWords = wordsOf(query);
  const spans = queryWords.length > 0 ? wordSeedSpans(index, query, queryWords, context) : [];
  if (spans.length === 0 && query.length <= MAX_CHARACTER_QUERY)
    return characterSpans(index, query, context.whole);
  return spans;
}

function wordSeedSpans(
  index: TextIndex,
  query: string,
  queryWords: string[],
  context: SearchContext,
): Span[] {
  const wordIndex = index.words();
  const n = queryWords.length;
  const votes = new Map<number, number>();
  seedPostings(index, queryWords).forEach((list, k) => list?.forEach((p) => vote(votes, p - k)));
  const before = wordsOf(context.prefix ?? '').slice(-CONTEXT_SEED_WORDS);
  seedPostings(index, before).forEach((list, k) =>
    list?.forEach((p) => vote(votes, p + before.length - k, 0.5)),
  );
  const after = wordsOf(context.suffix ?? '').slice(0, CONTEXT_SEED_WORDS);
  seedPostings(index, after).forEach((list, k) =>
    list?.forEach((p) => vote(votes, p - k - n, 0.5)),
  );

  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const spread = Math.max(2, Math.ceil(n / 2));
  const seeds: number[] = [];
  for (const [wordStart] of ranked) {
    if (seeds.length === MAX_SEEDS) break;
    if (seeds.every((seed) => Math.abs(seed - wordStart) > spread)) seeds.push(wordStart);
  }

  const slack = Math.max(4, Math.ceil(n / 2));
  const spans: Span[] = [];
  for (const seed of seeds) {
    const from = Math.max(0, seed - slack);
    const to = Math.min(wordIndex.words.length, seed + n + slack);
    if (to <= from) continue;
    const best = alignSubstring(queryWords, wordIndex.words, from, to);
    let aligned: Span = growToQueryEdges(queryWords, wordIndex.words, best);
    if (best.end <= best.start || best.cost >= n) {
      // No word of the query here: the seed came from the context alone. Offer the words where
      // the passage would be, so the caller can tell "rewritten in place" from "gone".
      aligned = { start: Math.max(0, seed), end: Math.min(wordIndex.words.length, seed + n) };
      if (aligned.end <= aligned.start) continue;
    }
    const value = index.normalised.value;
    const words = { start: wordIndex.starts[aligned.start], end: wordIndex.ends[aligned.end - 1] };
    const whole = (span: Span): Span =>
      context.whole ? snapToWholeUnits(value, span, context.whole, index.joinsWords) : span;
    pushSnapped(index, spans, whole(extendOverPunctuation(value, query, whole(words))));
  }
  return spans;
}

const lowerCache = new Map<number, number>();

/** One UTF-16 unit lower-cased when that keeps it one unit. */
function lowerUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  let lower = lowerCache.get(unit);
  if (lower === undefined) {
    const s = String.fromCharCode(unit).toLowerCase();
    lower = s.length === 1 ? s.charCodeAt(0) : unit;
    lowerCache.set(unit, lower);
  }
  return lower;
}

/**
 * Ends of the substrings of the text closest to a short query, by Myers' bit-parallel approximate
 * matching (one pass, a few bit operations per character), each widened to whole words.
 */
function characterSpans(index: TextIndex, query: string, whole?: WholeEdges): Span[] {
  const value = index.normalised.value;
  const m = query.length;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const unit = lowerUnit(query.charCodeAt(i));
    peq.set(unit, (peq.get(unit) ?? 0) | (1 << i));
  }
  const high = 1 << (m - 1);
  const maxEdits = Math.floor(m / 2); // more edits than this can never reach NEAREST_MIN_SIMILARITY
  let pv = -1;
  let mv = 0;
  let score = m;
  const found: { end: number; edits: number }[] = [];
  for (let j = 0; j < value.length; j++) {
    const eq = peq.get(lowerUnit(value.charCodeAt(j))) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score > maxEdits) continue;
    const last = found[found.length - 1];
    if (last && j + 1 - last.end < m) {
      if (score < last.edits) found[found.length - 1] = { end: j + 1, edits: score };
    } else {
      found.push({ end: j + 1, edits: score });
    }
  }
  // A closer match inside a longer word ("mili" in "familiar") may lose to a whole word once
  // widened, so every region within reach is kept; the caller ranks them.
  const ends = found
    .sort((a, b) => a.edits - b.edits)
    .slice(0, MAX_CHARACTER_ENDS)
    .map((f) => f.end);
  const lower = (text: string): string[] =>
    text.split('').map((unit) => String.fromCharCode(lowerUnit(unit.charCodeAt(0))));
  const pattern = lower(query);
  const spans: Span[] = [];
  for (const end of ends) {
    const from = Math.max(0, end - 2 * m);
    const region = lower(value.slice(from, end));
    const aligned = alignSubstring(pattern, region, 0, region.length);
    if (aligned.end <= aligned.start) continue;
    const span = { start: from + aligned.start, end: from + aligned.end };
    const words = widenToWords(value, span);
    pushSnapped(
      index,
      spans,
      whole ? snapToWholeUnits(value, words, whole, index.joinsWords) : words,
    );
  }
  return spans;
}

/** Grows a span to whole words. */
function widenToWords(value: string, span: Span): Span {
  let { start, end } = span;
  const isWord = (i: number): boolean => isWordCodePoint(value.charCodeAt(i));
  while (start > 0 && isWord(start - 1) && isWord(start)) start--;
  while (end < value.length && isWord(end) && isWord(end - 1)) end++;
  return { start, end };
}

/** Adds `span`, moved out to character boundaries of the original, unless already present. */
function pushSnapped(index: TextIndex, spans: Span[], span: Span): void {
  let { start, end } = span;
  while (start > 0 && !isBoundary(index.normalised, start)) start--;
  while (end < index.normalised.value.length && !isBoundary(index.normalised, end)) end++;
  if (end > start && !spans.some((s) => s.start === start && s.end === end))
    spans.push({ start, end });
}
