import { CodePointIndex } from './code-points';
import { isBoundary, normalise, NormalisedText, sourceSpan } from './normalise';
import { forEachWord } from './words';

/** The words of a normalised text with their positions, for seeding fuzzy searches. */
export interface WordIndex {
  /** Lower-cased words in text order. */
  readonly words: string[];
  /** Normalised start and end index of each word. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Word → indexes in `words` where it occurs. */
  readonly postings: Map<string, number[]>;
}

/** A text prepared for matching: its code-point table and, built on first use, its normalised form and word index. */
export class TextIndex {
  readonly codePoints: CodePointIndex;
  private normalisedText: NormalisedText | null = null;
  private wordIndex: WordIndex | null = null;

  constructor(readonly text: string) {
    this.codePoints = new CodePointIndex(text);
  }

  /** The text normalised for matching (see normalise.ts). */
  get normalised(): NormalisedText {
    return (this.normalisedText ??= normalise(this.text));
  }

  /** Start indexes in the normalised text of every (possibly overlapping) occurrence of `query`. */
  occurrences(query: string): number[] {
    const { value } = this.normalised;
    const found: number[] = [];
    if (query.length === 0) return found;
    for (let at = value.indexOf(query); at >= 0; at = value.indexOf(query, at + 1)) {
      if (isBoundary(this.normalised, at) && isBoundary(this.normalised, at + query.length)) {
        found.push(at);
      }
    }
    return found;
  }

  /**
   * Whether the normalised space at `at` may join two words into one unit (a date, a name): not
   * when it stands for whitespace with a line break in it (a heading above a paragraph).
   */
  readonly joinsWords = (at: number): boolean => {
    const { value, sourceStart, sourceEnd } = this.normalised;
    const whitespace = value[at] === ' ' ? this.text.slice(sourceStart[at], sourceEnd[at]) : '';
    return !/[\n\r\u2028\u2029\x85]/.test(whitespace);
  };

  /** The code-point span of the original behind the normalised span `[start, end)` (non-empty). */
  codePointSpan(start: number, end: number): { start: number; end: number } {
    const [from, to] = sourceSpan(this.normalised, start, end);
    return { start: this.codePoints.toCodePoint(from), end: this.codePoints.toCodePoint(to) };
  }

  /** The words of the normalised text, built on first use. */
  words(): WordIndex {
    if (this.wordIndex) return this.wordIndex;
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const postings = new Map<string, number[]>();
    const value = this.normalised.value;
    forEachWord(value, (start, end) => {
      const word = value.slice(start, end).toLowerCase();
      const list = postings.get(word);
      if (list) list.push(words.length);
      else postings.set(word, [words.length]);
      words.push(word);
      starts.push(start);
      ends.push(end);
    });
    this.wordIndex = {
      words,
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      postings,
    };
    return this.wordIndex;
  }
}

const CACHE_SIZE = 4;
const cache: TextIndex[] = [];

/**
 * The index of `text`, reused across calls: re-anchoring a hundred passages onto one new version
 * normalises and indexes that version once.
 */
export function indexText(text: string): TextIndex {
  const hit = cache.findIndex((entry) => entry.text === text);
  if (hit >= 0) {
    const [entry] = cache.splice(hit, 1);
    cache.unshift(entry);
    return entry;
  }
  const entry = new TextIndex(text);
  cache.unshift(entry);
  if (cache.length > CACHE_SIZE) cache.pop();
  return entry;
}
