// Words of a normalised text: runs of letters, digits and combining marks, with inner apostrophes
// ("Argentina's"; the normalised text has only straight apostrophes). One scanner serves the text
// index and the queries, so both split words the same way.

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const bmpCache = new Uint8Array(0x10000); // 0 unknown, 1 not a word character, 2 a word character

/** Whether a code point is a letter, a digit or a combining mark. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80)
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  if (bmpCache[cp] === 0) bmpCache[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
  return bmpCache[cp] === 2;
}

/** Calls `onWord(start, end)` with the UTF-16 span of each word of `text`, in order. */
export function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  let start = -1;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp)) {
      if (start < 0) start = i;
    } else if (
      cp === 0x27 &&
      start >= 0 &&
      i + 1 < text.length &&
      isWordCodePoint(text.codePointAt(i + 1)!)
    ) {
      // an apostrophe inside a word
    } else if (start >= 0) {
      onWord(start, i);
      start = -1;
    }
    i += size;
  }
  if (start >= 0) onWord(start, text.length);
}

/** The words of a text as written (case kept). */
export function wordsAsWritten(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}

/** The lower-cased words of a text. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (start, end) => words.push(text.slice(start, end).toLowerCase()));
  return words;
}
