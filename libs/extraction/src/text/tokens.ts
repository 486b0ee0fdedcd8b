/**
 * Word and punctuation tokens with their UTF-16 offsets. Words keep inner apostrophes, hyphens
 * and periods ("U.S.", "Biden’s", "so-called"); a trailing period is kept only on abbreviations.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
  /** Starts with an upper-case letter. */
  isCapitalized: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'\-.&/][\p{L}\p{N}]+)*\.?|\S/gu;
const KEEP_PERIOD =
  /^(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|st|jr|sr|inc|co|corp|no|vs|prof|rev)\.$/iu;

export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    let word = match[0];
    const tokenStart = start + match.index;
    const isWord = /^[\p{L}\p{N}]/u.test(word);
    if (isWord && word.length > 1 && word.endsWith('.') && !KEEP_PERIOD.test(word)) {
      word = word.slice(0, -1);
      pushToken(tokens, word, tokenStart, true);
      pushToken(tokens, '.', tokenStart + word.length, false);
      continue;
    }
    pushToken(tokens, word, tokenStart, isWord);
  }
  return tokens;
}

function pushToken(tokens: Token[], text: string, start: number, isWord: boolean): void {
  tokens.push({
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    isWord,
    isCapitalized: /^\p{Lu}/u.test(text),
  });
}
